package io.tributary.engine.item;

import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.KeyEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries of secondary indexes (DESIGN.md §5): the key is {@code indexId · hash(indexPK) ·
 * enc(indexPK) · enc(indexSK) · enc(tablePK) · enc(tableSK)}, the value the projected
 * attributes. With one HASH attribute the prefix up to the index sort key is laid out exactly
 * like an item key, so the ranges a Query or Scan reads are built the same way for both.
 */
public final class IndexEntries {
  private IndexEntries() {}

  /** The entry key of {@code item} in {@code index}, or null when the item is not in it. */
  public static byte[] key(
      TableDefinition table, IndexDefinition index, Map<String, AttributeValue> item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    byte[] hashPart = prefix(index, item);
    if (hashPart == null) {
      return null;
    }
    out.writeBytes(hashPart);
    for (KeyAttribute k : index.rangeKeys()) {
      AttributeValue v = item.get(k.name());
      if (v == null) {
        return null;
      }
      out.writeBytes(KeyEncoding.encode(v));
    }
    KeySchema schema = table.keySchema();
    out.writeBytes(KeyEncoding.encode(item.get(schema.partitionKey().name())));
    if (schema.hasSortKey()) {
      out.writeBytes(KeyEncoding.encode(item.get(schema.sortKey().name())));
    }
    return out.toByteArray();
  }

  /** The entry-key prefix of the index partition {@code item} falls in, or null if none. */
  static byte[] prefix(IndexDefinition index, Map<String, AttributeValue> item) {
    List<KeyAttribute> hashKeys = index.hashKeys();
    if (hashKeys.size() == 1) {
      AttributeValue v = item.get(hashKeys.get(0).name());
      return v == null ? null : ItemKeys.partitionPrefix(index.indexId(), v);
    }
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(32);
    for (KeyAttribute k : hashKeys) {
      AttributeValue v = item.get(k.name());
      if (v == null) {
        return null;
      }
      encoded.writeBytes(KeyEncoding.encode(v));
    }
    byte[] values = encoded.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + values.length);
    // A multi-attribute partition hashes the concatenated encodings as one binary value.
    out.writeBytes(
        ByteBuffer.allocate(16)
            .putLong(index.indexId())
            .putLong(KeyEncoding.partitionHash(new AttributeValue.B(values)))
            .array());
    out.writeBytes(values);
    return out.toByteArray();
  }

  /** Whether every index key attribute {@code item} has is of the right type and not empty. */
  static boolean fits(IndexDefinition index, Map<String, AttributeValue> item) {
    for (KeyAttribute k : index.keyAttributes()) {
      AttributeValue v = item.get(k.name());
      if (v != null
          && (!v.type().equals(k.type())
              || (v instanceof AttributeValue.S s && s.value().isEmpty())
              || (v instanceof AttributeValue.B b && b.value().length == 0))) {
        return false;
      }
    }
    return true;
  }

  /** The attributes {@code index} stores of {@code item}. */
  public static Map<String, AttributeValue> projected(
      TableDefinition table, IndexDefinition index, Map<String, AttributeValue> item) {
    if (index.projectionType() == IndexDefinition.ProjectionType.ALL) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      if (index.projects(table.keySchema(), e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * Refuses an item whose index key attribute has the wrong type or is empty, as DynamoDB does
   * before writing anything. When several indexes share the attribute, DynamoDB names the
   * alphabetically first.
   */
  public static void check(
      TableDefinition table, List<IndexDefinition> indexes, Map<String, AttributeValue> item) {
    List<IndexDefinition> byName =
        indexes.stream().sorted(Comparator.comparing(IndexDefinition::name)).toList();
    for (IndexDefinition index : byName) {
      for (KeyAttribute k : index.keyAttributes()) {
        AttributeValue v = item.get(k.name());
        if (v == null || table.keySchema().isKey(k.name())) {
          continue;
        }
        if (!v.type().equals(k.type())) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Type mismatch for Index Key "
                  + k.name()
                  + " Expected: "
                  + k.type()
                  + " Actual: "
                  + v.type()
                  + " IndexName: "
                  + index.name());
        }
        boolean empty =
            (v instanceof AttributeValue.S s && s.value().isEmpty())
                || (v instanceof AttributeValue.B b && b.value().length == 0);
        if (empty) {
          throw DynamoDbException.validation(
              "One or more parameter values are not valid. A value specified for a secondary"
                  + " index key is not supported. The AttributeValue for a key attribute cannot"
                  + " contain an empty "
                  + (v instanceof AttributeValue.S ? "string" : "binary")
                  + " value. IndexName: "
                  + index.name()
                  + ", IndexKey: "
                  + k.name());
        }
      }
    }
  }
}

package io.tributary.engine.item;

import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The primary key of one item, checked against the table's key schema with DynamoDB's messages:
 * those for a whole item (PutItem) differ from those for a Key (GetItem, DeleteItem).
 */
public record PrimaryKey(AttributeValue partitionKey, AttributeValue sortKey) {
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  /** The key of an item about to be written. */
  public static PrimaryKey ofItem(KeySchema schema, Map<String, AttributeValue> item) {
    AttributeValue partition = itemKeyValue(schema.partitionKey(), item);
    AttributeValue sort = schema.hasSortKey() ? itemKeyValue(schema.sortKey(), item) : null;
    return checkSizes(partition, sort);
  }

  /** The key given as a request's Key member: exactly the key attributes, nothing else. */
  public static PrimaryKey ofKey(KeySchema schema, Map<String, AttributeValue> key) {
    int expected = schema.hasSortKey() ? 2 : 1;
    AttributeValue partition = keyValue(schema.partitionKey(), key);
    AttributeValue sort = schema.hasSortKey() ? keyValue(schema.sortKey(), key) : null;
    if (key.size() != expected) {
      throw mismatch();
    }
    return checkSizes(partition, sort);
  }

  /**
   * Refuses empty string and binary values of the key attributes that are present with the right
   * type; TransactWriteItems checks this for every action before it looks at key shapes.
   */
  public static void checkNotEmpty(KeySchema schema, Map<String, AttributeValue> attributes) {
    for (KeyAttribute a : schema.hasSortKey()
        ? java.util.List.of(schema.partitionKey(), schema.sortKey())
        : java.util.List.of(schema.partitionKey())) {
      AttributeValue v = attributes.get(a.name());
      if (v != null && v.type().equals(a.type())) {
        checkNotEmpty(a, v);
      }
    }
  }

  /** The key attributes as an attribute map (LastEvaluatedKey, say). */
  public Map<String, AttributeValue> toMap(KeySchema schema) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    out.put(schema.partitionKey().name(), partitionKey);
    if (sortKey != null) {
      out.put(schema.sortKey().name(), sortKey);
    }
    return out;
  }

  private static AttributeValue itemKeyValue(KeyAttribute attribute, Map<String, AttributeValue> item) {
    AttributeValue v = item.get(attribute.name());
    if (v == null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Missing the key "
              + attribute.name()
              + " in the item");
    }
    if (!v.type().equals(attribute.type())) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for key "
              + attribute.name()
              + " expected: "
              + attribute.type()
              + " actual: "
              + v.type());
    }
    checkNotEmpty(attribute, v);
    return v;
  }

  private static AttributeValue keyValue(KeyAttribute attribute, Map<String, AttributeValue> key) {
    AttributeValue v = key.get(attribute.name());
    if (v == null || !v.type().equals(attribute.type())) {
      throw mismatch();
    }
    checkNotEmpty(attribute, v);
    return v;
  }

  private static void checkNotEmpty(KeyAttribute attribute, AttributeValue v) {
    if (size(v) == 0) {
      throw DynamoDbException.validation(
          "One or more parameter values are not valid. The AttributeValue for a key attribute"
              + " cannot contain an empty "
              + (v instanceof AttributeValue.S ? "string" : "binary")
              + " value. Key: "
              + attribute.name());
    }
  }

  private static PrimaryKey checkSizes(AttributeValue partition, AttributeValue sort) {
    if (size(partition) > MAX_PARTITION_KEY_BYTES) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Size of hashkey has exceeded the maximum"
              + " size limit of"
              + MAX_PARTITION_KEY_BYTES
              + " bytes");
    }
    if (sort != null && size(sort) > MAX_SORT_KEY_BYTES) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Aggregated size of all range keys has"
              + " exceeded the size limit of "
              + MAX_SORT_KEY_BYTES
              + " bytes");
    }
    return new PrimaryKey(partition, sort);
  }

  private static DynamoDbException mismatch() {
    return DynamoDbException.validation("The provided key element does not match the schema");
  }

  /**
   * A key value's size for the emptiness and key-size checks: DynamoDB checks the bytes of
   * strings and binaries and never a number's (38 digits are far below the limits).
   */
  private static int size(AttributeValue v) {
    return switch (v) {
      case AttributeValue.S s -> s.value().getBytes(StandardCharsets.UTF_8).length;
      case AttributeValue.B b -> b.value().length;
      case AttributeValue.N n -> 1;
      default -> throw new IllegalArgumentException("not a key type: " + v.type());
    };
  }
}

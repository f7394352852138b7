package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.item.IndexEntries;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a Query or Scan reads: the table itself, or one of its indexes (IndexName), with
 * DynamoDB's rules for reading an index: no consistent reads on a global index, ALL_ATTRIBUTES
 * only where the index has them or (a local index) can fetch them from the table.
 *
 * @param index null when the table itself is read
 * @param keyNames the attributes of LastEvaluatedKey and ExclusiveStartKey: the table key, then
 *     the index key
 * @param resolve turns what the store holds into the item to answer with (a local index fetches
 *     attributes it does not project from the table)
 */
record Indexes(
    TableDefinition table,
    IndexDefinition index,
    long storageId,
    List<String> keyNames,
    UnaryOperator<Map<String, AttributeValue>> resolve) {

  private static final String INVALID = "One or more parameter values were invalid: ";

  /** What the request reads, with the index rules checked. */
  static Indexes of(
      Database db,
      Request request,
      TableDefinition table,
      Select select,
      Projection projection,
      Condition filter) {
    if (!request.has("IndexName")) {
      return new Indexes(
          table, null, table.tableId(), table.keySchema().names(), UnaryOperator.identity());
    }
    String name = request.string("IndexName");
    IndexDefinition index = table.index(name);
    if (index == null) {
      throw DynamoDbException.validation("The table does not have the specified index: " + name);
    }
    boolean allProjected = index.projectionType() == IndexDefinition.ProjectionType.ALL;
    if (index.global()) {
      if (Boolean.TRUE.equals(request.bool("ConsistentRead"))) {
        throw DynamoDbException.validation(
            "Consistent reads are not supported on global secondary indexes");
      }
      if (select == Select.ALL_ATTRIBUTES && request.has("Select") && !allProjected) {
        throw DynamoDbException.validation(
            INVALID
                + "Select type ALL_ATTRIBUTES is not supported for global secondary index "
                + name
                + " because its projection type is not ALL");
      }
      if (index.status() == IndexDefinition.IndexStatus.CREATING) {
        // Until its backfill is done the index lacks entries, so DynamoDB refuses to read it.
        throw DynamoDbException.validation("Cannot read from backfilling global secondary index");
      }
    }
    Set<String> keys = new LinkedHashSet<>(table.keySchema().names());
    index.keyAttributes().forEach(k -> keys.add(k.name()));
    UnaryOperator<Map<String, AttributeValue>> resolve = UnaryOperator.identity();
    if (!index.global() && !allProjected && needsTable(table, index, request, select, projection, filter)) {
      // A local index lives with its table's partition, so DynamoDB reads the missing attributes
      // from the table; the item is there, as the entry is written with it.
      resolve =
          entry -> {
            Map<String, AttributeValue> item =
                db.items().get(table, PrimaryKey.ofItem(table.keySchema(), entry));
            return item == null ? entry : item;
          };
    }
    return new Indexes(table, index, index.indexId(), List.copyOf(keys), resolve);
  }

  private static boolean needsTable(
      TableDefinition table,
      IndexDefinition index,
      Request request,
      Select select,
      Projection projection,
      Condition filter) {
    if (select == Select.ALL_ATTRIBUTES && request.has("Select")) {
      return true;
    }
    Set<String> wanted = new HashSet<>();
    if (projection != null) {
      wanted.addAll(projection.topLevelAttributeNames());
    }
    if (filter != null) {
      wanted.addAll(filter.topLevelAttributeNames());
    }
    for (String attribute : wanted) {
      if (!index.projects(table.keySchema(), attribute)) {
        return true;
      }
    }
    return false;
  }

  boolean onIndex() {
    return index != null;
  }

  /** Whether a Query resolves its key conditions against a multi-attribute index key. */
  boolean compositeKey() {
    return index != null && !index.simpleKey();
  }

  /** The key a Query of this target resolves its key conditions against (a simple key). */
  KeySchema queryKeySchema() {
    if (index == null) {
      return table.keySchema();
    }
    return index.keySchema();
  }

  /** Checks that projections and filters reach into no key attribute, table's then index's. */
  void requireScalarKeys(RequestExpressions expressions) {
    expressions.requireScalarKeys(table.keySchema().names());
    if (index != null) {
      List<String> indexOnly = new ArrayList<>();
      for (KeyAttribute k : index.keyAttributes()) {
        if (!table.keySchema().isKey(k.name())) {
          indexOnly.add(k.name());
        }
      }
      expressions.requireScalarIndexKeys(indexOnly);
    }
  }

  /** The attributes a filter may not name: the key of what is read. */
  List<String> filterKeyNames() {
    if (index == null) {
      return table.keySchema().names();
    }
    List<String> out = new ArrayList<>();
    index.keyAttributes().forEach(k -> out.add(k.name()));
    return out;
  }

  /** The storage key an ExclusiveStartKey stands for, checked against the key it must be. */
  byte[] startStorageKey(Map<String, AttributeValue> startKey) {
    if (index == null) {
      return ItemKeys.of(table.tableId(), StartKeys.of(table, startKey));
    }
    // The table key is checked as a Key is; the index key attributes must all be there too.
    Map<String, AttributeValue> tableKey = new java.util.LinkedHashMap<>();
    for (String n : table.keySchema().names()) {
      if (startKey.containsKey(n)) {
        tableKey.put(n, startKey.get(n));
      }
    }
    StartKeys.of(table, tableKey);
    for (KeyAttribute k : index.keyAttributes()) {
      AttributeValue v = startKey.get(k.name());
      if (v == null || !v.type().equals(k.type())) {
        throw DynamoDbException.validation("The provided starting key is invalid");
      }
    }
    if (startKey.size() != keyNames.size()) {
      throw DynamoDbException.validation("The provided starting key is invalid");
    }
    return IndexEntries.key(table, index, startKey);
  }
}

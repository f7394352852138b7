package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.KeyRange;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.item.QueryRange;
import io.tributary.engine.table.KeySchema;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.CompositeKeyCondition;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.KeyAttributes;
import io.tributary.expressions.KeyCondition;
import io.tributary.expressions.KeyConditions;
import io.tributary.expressions.LegacyConditions;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Query: the items of one partition key, in sort-key order (or reversed), narrowed by the
 * sort-key condition and read a page at a time straight from the store.
 */
final class Query implements Action {
  private final Database db;

  Query(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    RequestExpressions expressions =
        new RequestExpressions(
            request, Wording.CURRENT, "FilterExpression", "KeyConditionExpression");
    Map<String, AttributeValue> startKey = request.attributes("ExclusiveStartKey");
    if (!request.has("KeyConditions") && !request.has("KeyConditionExpression")) {
      throw DynamoDbException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    Condition filter = expressions.filter("QueryFilter");
    Projection projection = expressions.projection();
    KeyConditions keyConditions =
        request.has("KeyConditionExpression")
            ? Expressions.parseKeyConditions(
                request.string("KeyConditionExpression"), expressions.attributes())
            : LegacyConditions.keyConditions(request.body().get("KeyConditions"), Wording.CURRENT);
    expressions.checkAllUsed();
    Select select = Select.of(request, request.has("IndexName"));
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    Indexes target = Indexes.of(db, request, table, select, projection, filter);

    KeySchema schema = target.compositeKey() ? null : target.queryKeySchema();
    KeyCondition keyCondition =
        schema == null ? null : keyConditions.resolve(keyAttributes(schema));
    CompositeKeyCondition composite = schema == null ? composite(target, keyConditions) : null;
    // DynamoDB's order: nested paths on keys in the projection, key attributes in the filter,
    // then nested paths on keys anywhere.
    if (projection != null) {
      Expressions.requireScalarKeyAccess(
          projection.nestedAccessAttributeNames(), target.filterKeyNames(), false);
    }
    if (filter != null) {
      for (String key : target.filterKeyNames()) {
        if (filter.topLevelAttributeNames().contains(key)) {
          throw DynamoDbException.validation(
              (request.has("FilterExpression") ? "Filter Expression" : "QueryFilter")
                  + " can only contain non-primary key attributes: Primary key attribute: "
                  + key);
        }
      }
    }
    target.requireScalarKeys(expressions);
    boolean forward = !Boolean.FALSE.equals(request.bool("ScanIndexForward"));
    KeyRange range =
        composite != null
            ? QueryRange.of(target.index(), composite)
            : QueryRange.of(target.storageId(), keyCondition);
    if (startKey != null) {
      byte[] startStorageKey = target.startStorageKey(startKey);
      if (composite != null) {
        if (Arrays.compareUnsigned(startStorageKey, range.from()) < 0
            || Arrays.compareUnsigned(startStorageKey, range.to()) >= 0) {
          throw DynamoDbException.validation(
              "The provided starting key is outside query boundaries based on provided"
                  + " conditions");
        }
      } else {
        checkStartKey(
            new PrimaryKey(
                startKey.get(schema.partitionKey().name()),
                schema.hasSortKey() ? startKey.get(schema.sortKey().name()) : null),
            keyCondition);
      }
      range = forward ? range.after(startStorageKey) : range.before(startStorageKey);
    }

    return Page.answer(db, request, target, range, !forward, filter, select, projection);
  }

  private static CompositeKeyCondition composite(Indexes target, KeyConditions conditions) {
    SequencedMap<String, String> hash = new LinkedHashMap<>();
    target.index().hashKeys().forEach(k -> hash.put(k.name(), k.type()));
    SequencedMap<String, String> range = new LinkedHashMap<>();
    target.index().rangeKeys().forEach(k -> range.put(k.name(), k.type()));
    return conditions.resolve(hash, range);
  }

  private static KeyAttributes keyAttributes(KeySchema schema) {
    return schema.hasSortKey()
        ? new KeyAttributes(
            schema.partitionKey().name(),
            schema.partitionKey().type(),
            schema.sortKey().name(),
            schema.sortKey().type())
        : KeyAttributes.of(schema.partitionKey().name(), schema.partitionKey().type());
  }

  /** A start key must lie in the partition and the sort-key range the query reads. */
  private static void checkStartKey(PrimaryKey start, KeyCondition condition) {
    boolean samePartition = start.partitionKey().equals(condition.partitionKeyValue());
    if (condition.sortKeyCondition() == null) {
      if (!samePartition) {
        throw DynamoDbException.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      return;
    }
    if (!condition.sortKeyCondition().matches(start.sortKey())) {
      throw DynamoDbException.validation(
          "The provided starting key does not match the range key predicate");
    }
    if (!samePartition) {
      throw DynamoDbException.validation(
          "The query can return at most one row and cannot be restarted");
    }
  }
}

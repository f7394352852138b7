package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Projection;
import io.tributary.model.Wording;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem: up to 100 keys over any tables. Items found are returned per table; once the
 * response would pass 16 MB, the remaining keys come back in UnprocessedKeys, and so do the keys
 * of tables whose read throughput is used up (when that is every table, the request is refused
 * with ProvisionedThroughputExceededException).
 */
final class BatchGetItem implements Action {
  static final int MAX_KEYS = 100;
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final Database db;

  BatchGetItem(Database db) {
    this.db = db;
  }

  /** The checked request for one table. */
  private record TableKeys(
      String requestedName,
      TableDefinition table, Json.Obj request, List<PrimaryKey> keys, Projection projection,
      boolean consistent) {}

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Map<String, Json> requestItems = request.members("RequestItems");
    int total =
        requestItems.values().stream()
            .mapToInt(r -> new Request((Json.Obj) r).list("Keys").size())
            .sum();
    if (total > MAX_KEYS) {
      throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
    }
    List<TableKeys> tables = new ArrayList<>();
    for (Map.Entry<String, Json> entry : requestItems.entrySet()) {
      Request keysAndAttributes = new Request((Json.Obj) entry.getValue());
      List<Map<String, AttributeValue>> keyMaps = new ArrayList<>();
      for (Json k : keysAndAttributes.list("Keys")) {
        Map<String, AttributeValue> keyMap = AttributeValues.mapFromJson(k);
        // DynamoDB finds duplicates before it looks the table up.
        if (keyMaps.contains(keyMap)) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        keyMaps.add(keyMap);
      }
      RequestExpressions expressions = new RequestExpressions(keysAndAttributes, Wording.CURRENT);
      Projection projection = expressions.projection();
      expressions.checkAllUsed();
      TableDefinition table = Tables.forItems(db, entry.getKey(), context);
      List<PrimaryKey> keys = new ArrayList<>();
      for (Map<String, AttributeValue> keyMap : keyMaps) {
        keys.add(PrimaryKey.ofKey(table.keySchema(), keyMap));
      }
      tables.add(
          new TableKeys(
              entry.getKey(),
              table,
              keysAndAttributes.body(),
              keys,
              projection,
              Boolean.TRUE.equals(keysAndAttributes.bool("ConsistentRead"))));
    }

    List<DynamoDbException> refusals = new ArrayList<>();
    for (TableKeys t : tables) {
      refusals.add(db.throttling().refusal(t.table(), null, Operation.READ));
    }
    if (refusals.stream().allMatch(r -> r != null)) {
      throw refusals.get(0);
    }

    JsonBuilder responses = JsonBuilder.object();
    JsonBuilder unprocessed = JsonBuilder.object();
    List<ConsumedCapacity> consumed = new ArrayList<>();
    long responseBytes = 0;
    for (int i = 0; i < tables.size(); i++) {
      TableKeys t = tables.get(i);
      boolean throttled = refusals.get(i) != null;
      List<Json> items = new ArrayList<>();
      List<Json> leftOver = new ArrayList<>();
      for (PrimaryKey key : t.keys()) {
        if (throttled || responseBytes > MAX_RESPONSE_BYTES) {
          leftOver.add(AttributeValues.mapToJson(key.toMap(t.table().keySchema())));
          continue;
        }
        Map<String, AttributeValue> item = db.items().get(t.table(), key);
        consumed.add(ConsumedCapacity.read(t.table(), ItemRequests.size(item), t.consistent()));
        if (item != null) {
          responseBytes += ItemSize.of(item);
          items.add(
              AttributeValues.mapToJson(
                  t.projection() == null ? item : t.projection().apply(item)));
        }
      }
      // Answered under the name (or ARN) as the request gave it.
      responses.put(t.requestedName(), new Json.Arr(items));
      if (!leftOver.isEmpty()) {
        Map<String, Json> members = new LinkedHashMap<>(t.request().members());
        members.put("Keys", new Json.Arr(leftOver));
        unprocessed.put(t.requestedName(), new Json.Obj(members));
      }
    }
    return JsonBuilder.object()
        .put("Responses", responses.build())
        .put("UnprocessedKeys", unprocessed.build())
        .put("ConsumedCapacity", Consumption.perTable(db, request, consumed))
        .build();
  }
}

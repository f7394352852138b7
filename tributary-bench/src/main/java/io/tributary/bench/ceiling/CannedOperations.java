package io.tributary.bench.ceiling;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.server.http.Operations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the actions the benchmarks send with answers made once at start-up: every table exists
 * and is ACTIVE, every key has a YCSB-sized record (the key asked for and ten 100-byte fields),
 * every write succeeds, and Scan and Query return as many records as their Limit asks for (at most
 * {@value #MAX_PAGE}). The request is parsed and the answer written as for a real action; only the
 * engine is left out.
 */
final class CannedOperations implements Operations {
  private static final int MAX_PAGE = 100;
  private static final Json.Obj EMPTY = new Json.Obj(Map.of());

  private final Map<String, Json> fields = new LinkedHashMap<>();
  private final List<Json> page = new ArrayList<>();

  CannedOperations() {
    for (int i = 0; i < 10; i++) {
      fields.put("field" + i, string("x".repeat(100)));
    }
    for (int i = 0; i < MAX_PAGE; i++) {
      Map<String, Json> item = new LinkedHashMap<>();
      item.put("id", string("user" + i));
      item.putAll(fields);
      page.add(new Json.Obj(item));
    }
  }

  /** Like Tributary's item actions in memory, a canned answer is made on the event loop. */
  @Override
  public boolean neverWaits(String operation) {
    return true;
  }

  @Override
  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    return switch (operation) {
      case "GetItem" -> getItem(request);
      case "PutItem", "UpdateItem", "DeleteItem" -> EMPTY;
      case "Scan", "Query" -> page(request);
      case "ListTables" ->
          JsonBuilder.object().put("TableNames", JsonBuilder.strings(List.of("usertable"))).build();
      case "DescribeTable" -> JsonBuilder.object().put("Table", table(request)).build();
      case "CreateTable" -> JsonBuilder.object().put("TableDescription", table(request)).build();
      default -> throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    };
  }

  private Json.Obj getItem(Json.Obj request) {
    Map<String, Json> item = new LinkedHashMap<>();
    if (request.get("Key") instanceof Json.Obj key) {
      item.putAll(key.members());
    }
    item.putAll(fields);
    return JsonBuilder.object().put("Item", new Json.Obj(item)).build();
  }

  private Json.Obj page(Json.Obj request) {
    int limit = MAX_PAGE;
    if (request.get("Limit") instanceof Json.Num n) {
      limit = Math.clamp(Long.parseLong(n.text()), 1, MAX_PAGE);
    }
    List<Json> items = page.subList(0, limit);
    Json last = ((Json.Obj) items.get(limit - 1)).get("id");
    return JsonBuilder.object()
        .put("Items", JsonBuilder.array(items))
        .put("Count", limit)
        .put("ScannedCount", limit)
        .put("LastEvaluatedKey", new Json.Obj(Map.of("id", last)))
        .build();
  }

  private static Json.Obj table(Json.Obj request) {
    String name = request.get("TableName") instanceof Json.Str s ? s.value() : "usertable";
    Json.Obj keyElement =
        JsonBuilder.object().put("AttributeName", "id").put("KeyType", "HASH").build();
    Json.Obj definition =
        JsonBuilder.object().put("AttributeName", "id").put("AttributeType", "S").build();
    return JsonBuilder.object()
        .put("TableName", name)
        .put("TableStatus", "ACTIVE")
        .put("KeySchema", JsonBuilder.array(List.of(keyElement)))
        .put("AttributeDefinitions", JsonBuilder.array(List.of(definition)))
        .put("TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name)
        .put("ItemCount", 0)
        .put("TableSizeBytes", 0)
        .build();
  }

  private static Json string(String value) {
    return new Json.Obj(Map.of("S", new Json.Str(value)));
  }
}

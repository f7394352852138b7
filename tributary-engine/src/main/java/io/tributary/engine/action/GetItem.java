package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetItem: the item with the given key, or a response without Item. Every read is strongly
 * consistent here (one copy of the data), so ConsistentRead changes only the capacity consumed.
 */
final class GetItem implements Action {
  private final Database db;

  GetItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    var keyAttributes = request.attributes("Key");
    List<String> attributesToGet = attributesToGet(request);
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);

    Map<String, AttributeValue> item = db.items().get(table, key);

    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    JsonBuilder response = JsonBuilder.object();
    if (item != null) {
      response.put("Item", AttributeValues.mapToJson(project(item, attributesToGet)));
    }
    return response
        .put(
            "ConsumedCapacity",
            ConsumedCapacity.of(
                request.string("ReturnConsumedCapacity"),
                table.name(),
                ConsumedCapacity.readUnits(ItemRequests.size(item), consistent)))
        .build();
  }

  private static List<String> attributesToGet(Request request) {
    if (request.has("ProjectionExpression")) {
      if (request.has("AttributesToGet")) {
        throw DynamoDbException.validation(
            "Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {AttributesToGet} Expression parameters:"
                + " {ProjectionExpression}");
      }
      throw Unsupported.feature("ProjectionExpression");
    }
    if (request.has("ExpressionAttributeNames")) {
      throw DynamoDbException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    List<Json> names = request.list("AttributesToGet");
    if (names == null) {
      return null;
    }
    List<String> out = names.stream().map(n -> ((Json.Str) n).value()).toList();
    if (out.stream().distinct().count() != out.size()) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Duplicate value in attribute name: "
              + out.stream().filter(n -> out.indexOf(n) != out.lastIndexOf(n)).findFirst().get());
    }
    return out;
  }

  private static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, List<String> attributesToGet) {
    if (attributesToGet == null) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (String name : attributesToGet) {
      AttributeValue v = item.get(name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }
}

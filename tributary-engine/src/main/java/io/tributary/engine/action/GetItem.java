package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
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
    Projection projection = Projection.of(request);
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);

    Map<String, AttributeValue> item = db.items().get(table, key);

    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    JsonBuilder response = JsonBuilder.object();
    if (item != null) {
      response.put("Item", AttributeValues.mapToJson(projection.apply(item)));
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
}

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.ItemJson;
import io.tributary.model.Wording;
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
    RequestExpressions expressions = new RequestExpressions(request, Wording.CURRENT);
    Map<String, AttributeValue> keyAttributes = request.attributes("Key");
    Projection projection = expressions.projection();
    expressions.checkAllUsed();
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);
    expressions.requireScalarKeys(table.keySchema().names());
    db.throttling().admit(table, null, Operation.READ);

    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    JsonBuilder response = JsonBuilder.object();
    long size;
    if (projection == null) {
      // The whole item: written as JSON straight from its stored form.
      byte[] stored = db.items().getStored(table, key);
      ItemJson.Written item = stored == null ? null : ItemJson.of(stored);
      if (item != null) {
        response.put("Item", item.json());
      }
      size = item == null ? 0 : item.size();
    } else {
      Map<String, AttributeValue> item = db.items().get(table, key);
      if (item != null) {
        response.put("Item", AttributeValues.mapToJson(projection.apply(item)));
      }
      size = ItemRequests.size(item);
    }
    return response
        .put(
            "ConsumedCapacity",
            Consumption.of(
                db,
                request,
                ConsumedCapacity.read(table, size, consistent)))
        .build();
  }
}

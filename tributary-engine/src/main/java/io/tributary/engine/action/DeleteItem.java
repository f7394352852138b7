package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DeleteItem: removes the item with the given key, if there is one. */
final class DeleteItem implements Action {
  private final Database db;

  DeleteItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    var keyAttributes = request.attributes("Key");
    ItemRequests.checkExpressions(request, "ConditionExpression");
    boolean returnOld = ItemRequests.returnsOld(request);
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);

    ItemStore.Written written = db.items().write(table, key, old -> null);

    JsonBuilder response = JsonBuilder.object();
    ItemRequests.attributes(response, returnOld ? written.oldItem() : null);
    return response
        .put(
            "ConsumedCapacity",
            ConsumedCapacity.of(
                request.string("ReturnConsumedCapacity"),
                table.name(),
                ConsumedCapacity.writeUnits(ItemRequests.size(written.oldItem()), 0)))
        .build();
  }
}

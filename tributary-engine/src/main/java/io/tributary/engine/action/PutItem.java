package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.Map;

/** PutItem: replaces the whole item with the one given. */
final class PutItem implements Action {
  private final Database db;

  PutItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Map<String, AttributeValue> item = request.attributes("Item");
    ItemRequests.checkExpressions(request, "ConditionExpression");
    boolean returnOld = ItemRequests.returnsOld(request);
    ItemRequests.checkItemSize(item);
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofItem(table.keySchema(), item);

    ItemStore.Written written = db.items().write(table, key, old -> item);

    JsonBuilder response = JsonBuilder.object();
    ItemRequests.attributes(response, returnOld ? written.oldItem() : null);
    return response
        .put(
            "ConsumedCapacity",
            ConsumedCapacity.of(
                request.string("ReturnConsumedCapacity"),
                table.name(),
                ConsumedCapacity.writeUnits(
                    ItemRequests.size(written.oldItem()), ItemRequests.size(item))))
        .build();
  }
}

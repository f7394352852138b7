package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.model.AttributeValue;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.Map;

/** PutItem: replaces the whole item with the one given, if its condition holds. */
final class PutItem implements Action {
  private final Database db;

  PutItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    RequestExpressions expressions =
        new RequestExpressions(request, Wording.CURRENT, "ConditionExpression");
    Map<String, AttributeValue> item = request.attributes("Item");
    boolean returnOld = ItemRequests.returnsOld(request);
    ItemRequests.checkItemSize(item);
    Condition condition = expressions.writeCondition();
    expressions.checkAllUsed();
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofItem(table.keySchema(), item);
    expressions.requireScalarKeys(table.keySchema().names());

    return ItemRequests.replace(
        db, request, table, key, condition, item, returnOld);
  }
}

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.model.AttributeValue;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.Map;

/** DeleteItem: removes the item with the given key, if there is one and its condition holds. */
final class DeleteItem implements Action {
  private final Database db;

  DeleteItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    RequestExpressions expressions =
        new RequestExpressions(request, Wording.CURRENT, "ConditionExpression");
    Map<String, AttributeValue> keyAttributes = request.attributes("Key");
    boolean returnOld = ItemRequests.returnsOld(request);
    Condition condition = expressions.writeCondition();
    expressions.checkAllUsed();
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);
    expressions.requireScalarKeys(table.keySchema().names());

    return ItemRequests.replace(
        db, request, table, key, condition, null, returnOld);
  }
}

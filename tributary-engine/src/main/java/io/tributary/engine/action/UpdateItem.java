package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.LegacyUpdates;
import io.tributary.expressions.Update;
import io.tributary.expressions.UpdateResult;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * UpdateItem: applies an UpdateExpression (or AttributeUpdates) to the item, creating it when
 * there is none, if the condition holds. The condition, the update and the write happen under the
 * item's lock, so concurrent updates of one item never lose each other's changes.
 */
final class UpdateItem implements Action {
  private final Database db;

  UpdateItem(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    RequestExpressions expressions =
        new RequestExpressions(
            request, Wording.CURRENT, "UpdateExpression", "ConditionExpression");
    Map<String, AttributeValue> keyAttributes = request.attributes("Key");
    Update update =
        request.has("UpdateExpression")
            ? Expressions.parseUpdate(request.string("UpdateExpression"), expressions.attributes())
            : LegacyUpdates.attributeUpdates(request.body().get("AttributeUpdates"), Wording.CURRENT);
    expressions.rememberNestedAccess(update.nestedAccessAttributeNames());
    Condition condition = expressions.writeCondition();
    expressions.checkAllUsed();
    String returnValues = request.has("ReturnValues") ? request.string("ReturnValues") : "NONE";
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    PrimaryKey key = PrimaryKey.ofKey(table.keySchema(), keyAttributes);
    update.requireKeyNotUpdated(table.keySchema().names());
    expressions.requireScalarKeys(table.keySchema().names());
    db.throttling().admit(table, null, Operation.WRITE);

    AtomicReference<UpdateResult> result = new AtomicReference<>();
    ItemStore.Written written =
        db.items()
            .write(
                table,
                key,
                old -> {
                  RequestExpressions.check(condition, old, request);
                  UpdateResult r = update.apply(old, key.toMap(table.keySchema()));
                  if (ItemSize.of(r.item()) > ItemSize.MAX_ITEM_SIZE) {
                    throw DynamoDbException.validation(ItemSize.UPDATE_EXCEEDED);
                  }
                  result.set(r);
                  return r.item();
                });

    Map<String, AttributeValue> attributes =
        switch (returnValues) {
          case "ALL_OLD" -> written.oldItem();
          case "ALL_NEW" -> written.newItem();
          case "UPDATED_OLD" -> written.oldItem() == null ? null : result.get().updatedOld();
          case "UPDATED_NEW" -> result.get().updatedNew();
          default -> null;
        };
    return ItemRequests.writeResponse(db, request, table, attributes, written).build();
  }
}

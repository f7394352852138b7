package io.tributary.engine.action;

import io.tributary.engine.item.ItemWrite;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.KeySchema;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.Update;
import io.tributary.expressions.UpdateResult;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.Wording;
import java.util.Map;

/**
 * One action of a TransactWriteItems request (Put, Update, Delete or ConditionCheck) with what
 * can be checked before its table is known: its values, its item's size, and its expressions.
 */
record TransactItem(
    Kind kind,
    Request request,
    Map<String, AttributeValue> item,
    Map<String, AttributeValue> key,
    Condition condition,
    Update update,
    RequestExpressions expressions) {

  /** The four kinds, by the member that holds them. */
  enum Kind {
    CONDITION_CHECK("ConditionCheck"),
    PUT("Put"),
    DELETE("Delete"),
    UPDATE("Update");

    final String member;

    Kind(String member) {
      this.member = member;
    }
  }

  static TransactItem parse(Request element) {
    Kind kind = null;
    for (Kind k : Kind.values()) {
      if (element.has(k.member)) {
        if (kind != null) {
          throw oneOf();
        }
        kind = k;
      }
    }
    if (kind == null) {
      throw oneOf();
    }
    Request request = element.object(kind.member);
    Map<String, AttributeValue> item = null;
    Map<String, AttributeValue> key = null;
    RequestExpressions expressions;
    Update update = null;
    if (kind == Kind.PUT) {
      item = request.attributes("Item", Wording.LEGACY);
      ItemRequests.checkItemSize(item);
    } else {
      key = request.attributes("Key", Wording.LEGACY);
    }
    if (kind == Kind.UPDATE) {
      expressions =
          new RequestExpressions(request, Wording.LEGACY, "UpdateExpression", "ConditionExpression");
      update = Expressions.parseUpdate(request.string("UpdateExpression"), expressions.attributes());
      expressions.rememberNestedAccess(update.nestedAccessAttributeNames());
    } else {
      expressions = new RequestExpressions(request, Wording.LEGACY, "ConditionExpression");
    }
    // Only ConditionExpression: the legacy Expected is not a member of transaction actions.
    Condition condition =
        request.has("ConditionExpression")
            ? Expressions.parseCondition(
                "ConditionExpression", request.string("ConditionExpression"), expressions.attributes())
            : null;
    if (condition != null) {
      expressions.rememberNestedAccess(condition.nestedAccessAttributeNames());
    }
    expressions.checkAllUsed();
    return new TransactItem(kind, request, item, key, condition, update, expressions);
  }

  String tableName() {
    return request.string("TableName");
  }

  /**
   * The primary key against the table's schema. A key of the wrong shape is a ValidationError
   * cancellation reason, not a refusal of the request, so this throws only that kind.
   */
  PrimaryKey primaryKey(KeySchema schema) {
    return kind == Kind.PUT ? PrimaryKey.ofItem(schema, item) : PrimaryKey.ofKey(schema, key);
  }

  /** The bytes this action adds to the transaction's payload. */
  long payloadBytes() {
    return ItemSize.of(item != null ? item : key) + ItemSize.of(expressions.attributes().values());
  }

  /** The change this action makes to its item, given the item as it is at commit. */
  ItemWrite write(PrimaryKey primaryKey, KeySchema schema) {
    return old -> {
      RequestExpressions.check(condition, old, request);
      return switch (kind) {
        case CONDITION_CHECK -> old;
        case PUT -> item;
        case DELETE -> null;
        case UPDATE -> {
          UpdateResult r = update.apply(old, primaryKey.toMap(schema));
          if (ItemSize.of(r.item()) > ItemSize.MAX_ITEM_SIZE) {
            throw DynamoDbException.validation(ItemSize.UPDATE_EXCEEDED);
          }
          yield r.item();
        }
      };
    };
  }

  private static DynamoDbException oneOf() {
    return DynamoDbException.validation(
        "TransactItems can only contain one of Check, Put, Update or Delete");
  }
}

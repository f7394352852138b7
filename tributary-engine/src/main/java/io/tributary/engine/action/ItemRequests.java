package io.tributary.engine.action;

import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.json.JsonBuilder;
import java.util.Map;

/** Checks and response members that PutItem, DeleteItem and (later) UpdateItem share. */
final class ItemRequests {
  private ItemRequests() {}

  /**
   * Conditions and their placeholders: refused until the expression language lands, never
   * ignored; placeholders without any expression get DynamoDB's own message.
   */
  static void checkExpressions(Request request, String... expressionMembers) {
    Unsupported.refuse(request, "Expected", "ConditionalOperator");
    Unsupported.refuse(request, expressionMembers);
    if (request.has("ExpressionAttributeNames")) {
      throw DynamoDbException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (request.has("ExpressionAttributeValues")) {
      throw DynamoDbException.validation(
          "ExpressionAttributeValues can only be specified when using expressions: "
              + expressionMembers[0]
              + " is null");
    }
  }

  /** ReturnValues for PutItem and DeleteItem: NONE or ALL_OLD only. */
  static boolean returnsOld(Request request) {
    String returnValues = request.string("ReturnValues");
    if (returnValues == null || returnValues.equals("NONE")) {
      return false;
    }
    if (!returnValues.equals("ALL_OLD")) {
      throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    return true;
  }

  static void checkItemSize(Map<String, AttributeValue> item) {
    if (ItemSize.of(item) > ItemSize.MAX_ITEM_SIZE) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
  }

  /** Adds Attributes (when there is an item to return) to a response. */
  static JsonBuilder attributes(JsonBuilder response, Map<String, AttributeValue> item) {
    return item == null ? response : response.put("Attributes", AttributeValues.mapToJson(item));
  }

  static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}

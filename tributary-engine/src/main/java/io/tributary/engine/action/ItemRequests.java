package io.tributary.engine.action;

import io.tributary.engine.item.ItemStore;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.json.JsonBuilder;
import java.util.Map;

/** Checks and response members that PutItem, UpdateItem and DeleteItem share. */
final class ItemRequests {
  private ItemRequests() {}

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
      throw DynamoDbException.validation(ItemSize.EXCEEDED);
    }
  }

  /**
   * The response of a single-item write: Attributes when there is something to return (never an
   * empty map), and ConsumedCapacity for the larger of the old and new item.
   */
  static JsonBuilder writeResponse(
      Request request,
      TableDefinition table,
      Map<String, AttributeValue> attributes,
      ItemStore.Written written) {
    JsonBuilder response = JsonBuilder.object();
    if (attributes != null && !attributes.isEmpty()) {
      response.put("Attributes", AttributeValues.mapToJson(attributes));
    }
    return response.put(
        "ConsumedCapacity",
        ConsumedCapacity.of(
            request.string("ReturnConsumedCapacity"),
            table.name(),
            ConsumedCapacity.writeUnits(size(written.oldItem()), size(written.newItem()))));
  }

  static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}

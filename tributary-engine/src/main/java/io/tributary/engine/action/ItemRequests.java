package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ItemSize;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks and response members that PutItem, UpdateItem and DeleteItem share, and the
 * ItemCollectionMetrics that BatchWriteItem and TransactWriteItems answer with by table.
 */
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
      Database db,
      Request request,
      TableDefinition table,
      Map<String, AttributeValue> attributes,
      ItemStore.Written written) {
    JsonBuilder response = JsonBuilder.object();
    if (attributes != null && !attributes.isEmpty()) {
      response.put("Attributes", AttributeValues.mapToJson(attributes));
    }
    Json metrics = itemCollectionMetrics(request, table, written);
    if (metrics != null) {
      response.put("ItemCollectionMetrics", metrics);
    }
    return response.put(
        "ConsumedCapacity",
        Consumption.of(
            db,
            request,
            ConsumedCapacity.write(
                table, size(written.oldItem()), size(written.newItem()), written.indexWrites())));
  }

  /**
   * ItemCollectionMetrics with ReturnItemCollectionMetrics SIZE, for tables with local secondary
   * indexes only: the partition key and DynamoDB's estimate of the collection's size, a range of
   * whole gigabytes around the exact size.
   */
  static Json itemCollectionMetrics(
      Request request, TableDefinition table, ItemStore.Written written) {
    if (!"SIZE".equals(request.string("ReturnItemCollectionMetrics"))
        || written.collectionSizeBytes() < 0) {
      return null;
    }
    Map<String, AttributeValue> item =
        written.newItem() != null ? written.newItem() : written.oldItem();
    if (item == null) {
      return null;
    }
    String partitionKey = table.keySchema().partitionKey().name();
    double gigabytes = written.collectionSizeBytes() / (1024.0 * 1024 * 1024);
    long low = (long) Math.floor(gigabytes);
    return JsonBuilder.object()
        .put(
            "ItemCollectionKey",
            AttributeValues.mapToJson(Map.of(partitionKey, item.get(partitionKey))))
        .put(
            "SizeEstimateRangeGB",
            new Json.Arr(
                List.of(
                    new Json.Num(low + ".0"), new Json.Num((low + 1) + ".0"))))
        .build();
  }

  /** Adds a write's ItemCollectionMetrics, if it has any, to the list of its table's. */
  static void addItemCollectionMetrics(
      Map<String, List<Json>> byTable,
      Request request,
      TableDefinition table,
      ItemStore.Written written) {
    Json metrics = itemCollectionMetrics(request, table, written);
    if (metrics != null) {
      byTable.computeIfAbsent(table.name(), n -> new ArrayList<>()).add(metrics);
    }
  }

  /** ItemCollectionMetrics of a multi-item write, by table name; left out when there are none. */
  static void putItemCollectionMetrics(JsonBuilder response, Map<String, List<Json>> byTable) {
    if (!byTable.isEmpty()) {
      JsonBuilder object = JsonBuilder.object();
      byTable.forEach((name, list) -> object.put(name, new Json.Arr(list)));
      response.put("ItemCollectionMetrics", object.build());
    }
  }

  /**
   * PutItem and DeleteItem: replaces the item with {@code newItem} (null deletes it) if the
   * condition holds against the item as it is, under the item's lock, and answers.
   */
  static Json.Obj replace(
      Database db,
      Request request,
      TableDefinition table,
      PrimaryKey key,
      Condition condition,
      Map<String, AttributeValue> newItem,
      boolean returnOld) {
    db.throttling().admit(table, null, Operation.WRITE);
    ItemStore.Written written =
        db.items()
            .write(
                table,
                key,
                old -> {
                  RequestExpressions.check(condition, old, request);
                  return newItem;
                });
    return writeResponse(db, request, table, returnOld ? written.oldItem() : null, written).build();
  }

  static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}

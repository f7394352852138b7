package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemCursor;
import io.tributary.engine.item.KeyRange;
import io.tributary.expressions.Condition;
import io.tributary.engine.table.KeySchema;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.ItemSize;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One page of a Query or Scan, read from a cursor: at most Limit items read (before the filter),
 * and no more once 1 MB of items has been read. When the page stops early, LastEvaluatedKey is
 * the key of the last item read, even when it happens to be the last item there is.
 */
record Page(
    List<Map<String, AttributeValue>> items,
    int scannedCount,
    Map<String, AttributeValue> lastEvaluatedKey,
    long bytesRead) {

  static final long MAX_BYTES = 1024 * 1024;

  static Page read(
      ItemCursor cursor,
      Integer limit,
      Predicate<Map<String, AttributeValue>> filter,
      KeySchema keySchema) {
    return read(cursor, limit, filter, keySchema.names(), UnaryOperator.identity());
  }

  /**
   * @param keyNames the attributes of LastEvaluatedKey (an index's add its key to the table's)
   * @param resolve the item to answer with for what the cursor holds
   */
  static Page read(
      ItemCursor cursor,
      Integer limit,
      Predicate<Map<String, AttributeValue>> filter,
      List<String> keyNames,
      UnaryOperator<Map<String, AttributeValue>> resolve) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    int scanned = 0;
    long bytes = 0;
    Map<String, AttributeValue> last = null;
    while (cursor.next()) {
      Map<String, AttributeValue> item = resolve.apply(cursor.item());
      scanned++;
      bytes += ItemSize.of(item);
      if (filter.test(item)) {
        items.add(item);
      }
      if ((limit != null && scanned >= limit) || bytes >= MAX_BYTES) {
        last = keyOf(item, keyNames);
        break;
      }
    }
    return new Page(items, scanned, last, bytes);
  }

  private static Map<String, AttributeValue> keyOf(
      Map<String, AttributeValue> item, List<String> keyNames) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String name : keyNames) {
      key.put(name, item.get(name));
    }
    return key;
  }

  /** The response members Query and Scan share. */
  JsonBuilder response(Select select, Projection projection) {
    // projection null: every attribute.
    JsonBuilder b = JsonBuilder.object();
    if (select != Select.COUNT) {
      List<Json> out = new ArrayList<>(items.size());
      for (Map<String, AttributeValue> item : items) {
        out.add(AttributeValues.mapToJson(projection == null ? item : projection.apply(item)));
      }
      b.put("Items", new Json.Arr(out));
    }
    b.put("Count", items.size()).put("ScannedCount", scannedCount);
    if (lastEvaluatedKey != null) {
      b.put("LastEvaluatedKey", AttributeValues.mapToJson(lastEvaluatedKey));
    }
    return b;
  }

  /**
   * Reads one page of a Query or Scan from the table or the index {@code target} names, and
   * answers it with the capacity the read consumed.
   */
  static Json.Obj answer(
      Database db,
      Request request,
      Indexes target,
      KeyRange range,
      boolean reverse,
      Condition filter,
      Select select,
      Projection projection) {
    // A local index reads its table's throughput; a global one has its own.
    db.throttling().admit(target.table(), target.index(), Operation.READ);
    Page page;
    try (ItemCursor cursor =
        target.onIndex() ? db.items().entries(range, reverse) : db.items().items(range, reverse)) {
      Long limit = request.number("Limit");
      page =
          read(
              cursor,
              limit == null ? null : limit.intValue(),
              filter == null ? item -> true : filter::test,
              target.keyNames(),
              target.resolve());
    }
    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    // Units are counted on every item read, before the filter drops any.
    ConsumedCapacity consumed =
        ConsumedCapacity.read(target.table(), target.index(), page.bytesRead(), consistent);
    return page.response(select, projection)
        .put("ConsumedCapacity", Consumption.of(db, request, consumed))
        .build();
  }
}

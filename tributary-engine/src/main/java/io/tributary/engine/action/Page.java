package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemCursor;
import io.tributary.engine.item.KeyRange;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.ItemCodec;
import io.tributary.model.ItemJson;
import io.tributary.model.ItemSize;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One page of a Query or Scan, read from a cursor: at most Limit items read (before the filter),
 * and no more once 1 MB of items has been read. When the page stops early, LastEvaluatedKey is
 * the key of the last item read, even when it happens to be the last item there is.
 *
 * @param items the items answered, a JSON array (empty for Select COUNT)
 * @param count the items that passed the filter
 */
record Page(
    Json items,
    int count,
    int scannedCount,
    Map<String, AttributeValue> lastEvaluatedKey,
    long bytesRead) {

  static final long MAX_BYTES = 1024 * 1024;

  /**
   * @param keyNames the attributes of LastEvaluatedKey (an index's add its key to the table's)
   * @param resolve the item to answer with for what the cursor holds
   * @param render an item that passed the filter as it is answered, or null to count it only
   */
  static Page read(
      ItemCursor cursor,
      Integer limit,
      Predicate<Map<String, AttributeValue>> filter,
      List<String> keyNames,
      UnaryOperator<Map<String, AttributeValue>> resolve,
      Function<Map<String, AttributeValue>, Json> render) {
    List<Json> items = new ArrayList<>();
    int count = 0;
    int scanned = 0;
    long bytes = 0;
    Map<String, AttributeValue> last = null;
    while (cursor.next()) {
      Map<String, AttributeValue> item = resolve.apply(cursor.item());
      scanned++;
      bytes += ItemSize.of(item);
      if (filter.test(item)) {
        count++;
        if (render != null) {
          items.add(render.apply(item));
        }
      }
      if ((limit != null && scanned >= limit) || bytes >= MAX_BYTES) {
        last = keyOf(item, keyNames);
        break;
      }
    }
    return new Page(new Json.Arr(items), count, scanned, last, bytes);
  }

  /**
   * {@link #read} of a table's items answered whole and unfiltered: the items are written as one
   * JSON array straight from their stored form, and only the last one of a page that stops early
   * is decoded, for its key.
   */
  static Page readWhole(ItemCursor cursor, Integer limit, List<String> keyNames) {
    JsonWriter items = null;
    int count = 0;
    long bytes = 0;
    Map<String, AttributeValue> last = null;
    while (cursor.next()) {
      byte[] stored = cursor.storedItem();
      if (items == null) {
        int expected = ItemJson.expectedSize(stored);
        items = JsonWriter.open(expected * (limit == null ? 16 : Math.min(limit, 64)) + 2);
        items.ascii("[");
      } else {
        items.ascii(",");
      }
      bytes += ItemJson.write(stored, items);
      count++;
      if ((limit != null && count >= limit) || bytes >= MAX_BYTES) {
        last = keyOf(ItemCodec.decode(stored), keyNames);
        break;
      }
    }
    Json array =
        items == null ? new Json.Arr(List.of()) : items.ascii("]").toRaw();
    return new Page(array, count, count, last, bytes);
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
  JsonBuilder response(Select select) {
    JsonBuilder b = JsonBuilder.object();
    if (select != Select.COUNT) {
      b.put("Items", items);
    }
    b.put("Count", count).put("ScannedCount", scannedCount);
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
    Long limit = request.number("Limit");
    Integer pageLimit = limit == null ? null : limit.intValue();
    try (ItemCursor cursor =
        target.onIndex() ? db.items().entries(range, reverse) : db.items().items(range, reverse)) {
      if (!target.onIndex() && filter == null && projection == null && select != Select.COUNT) {
        page = readWhole(cursor, pageLimit, target.keyNames());
      } else {
        page =
            read(
                cursor,
                pageLimit,
                filter == null ? item -> true : filter::test,
                target.keyNames(),
                target.resolve(),
                select == Select.COUNT
                    ? null
                    : item ->
                        AttributeValues.mapToJson(
                            projection == null ? item : projection.apply(item)));
      }
    }
    boolean consistent = Boolean.TRUE.equals(request.bool("ConsistentRead"));
    // Units are counted on every item read, before the filter drops any.
    ConsumedCapacity consumed =
        ConsumedCapacity.read(target.table(), target.index(), page.bytesRead(), consistent);
    return page.response(select)
        .put("ConsumedCapacity", Consumption.of(db, request, consumed))
        .build();
  }
}

package io.tributary.engine.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ConsumedCapacity member: reads cost one unit per 4 KB (half for eventually consistent
 * reads), writes one unit per 1 KB of the larger of the old and new item, never less than one.
 */
final class ConsumedCapacity {
  private ConsumedCapacity() {}

  static double readUnits(long itemBytes, boolean consistent) {
    double units = Math.max(1, Math.ceil(itemBytes / 4096.0));
    return consistent ? units : units / 2;
  }

  static double writeUnits(long oldBytes, long newBytes) {
    return Math.max(1, Math.ceil(Math.max(oldBytes, newBytes) / 1024.0));
  }

  /** The member for ReturnConsumedCapacity (NONE or absent gives null). */
  static Json of(String returnConsumedCapacity, String tableName, double units) {
    if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
      return null;
    }
    JsonBuilder b = JsonBuilder.object().put("TableName", tableName).put("CapacityUnits", number(units));
    if (returnConsumedCapacity.equals("INDEXES")) {
      b.put("Table", JsonBuilder.object().put("CapacityUnits", number(units)).build());
    }
    return b.build();
  }

  /**
   * The member for a Query or Scan of an index: with INDEXES, the units are the index's, and the
   * table's part is zero.
   */
  static Json ofIndex(
      String returnConsumedCapacity,
      String tableName,
      String indexName,
      boolean global,
      double units) {
    if (returnConsumedCapacity == null || !returnConsumedCapacity.equals("INDEXES")) {
      return of(returnConsumedCapacity, tableName, units);
    }
    return JsonBuilder.object()
        .put("TableName", tableName)
        .put("CapacityUnits", number(units))
        .put("Table", JsonBuilder.object().put("CapacityUnits", number(0)).build())
        .put(
            global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes",
            JsonBuilder.object()
                .put(indexName, JsonBuilder.object().put("CapacityUnits", number(units)).build())
                .build())
        .build();
  }

  private static Json number(double units) {
    // DynamoDB writes capacity as a double ("1.0", "0.5").
    return new Json.Num(Double.toString(units));
  }

  /** The ConsumedCapacity list of the batch actions: one entry per table, in request order. */
  static Json list(String returnConsumedCapacity, Map<String, Double> unitsByTable) {
    if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
      return null;
    }
    List<Json> entries = new ArrayList<>();
    unitsByTable.forEach((table, units) -> entries.add(of(returnConsumedCapacity, table, units)));
    return new Json.Arr(entries);
  }
}

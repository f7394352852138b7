package io.tributary.engine.action;

import io.tributary.engine.item.ItemStore;
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

  /**
   * The member for a single-item write: TOTAL counts the table's units and every index entry put
   * or deleted; INDEXES also splits them by table and index.
   */
  static Json ofWrite(
      String returnConsumedCapacity,
      String tableName,
      double tableUnits,
      List<ItemStore.IndexWrite> indexWrites) {
    if (indexWrites.isEmpty()) {
      return of(returnConsumedCapacity, tableName, tableUnits);
    }
    if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
      return null;
    }
    double total = tableUnits;
    Map<String, Double> global = new java.util.LinkedHashMap<>();
    Map<String, Double> local = new java.util.LinkedHashMap<>();
    for (ItemStore.IndexWrite w : indexWrites) {
      double units = indexWriteUnits(w);
      total += units;
      (w.index().global() ? global : local).merge(w.index().name(), units, Double::sum);
    }
    JsonBuilder b =
        JsonBuilder.object().put("TableName", tableName).put("CapacityUnits", number(total));
    if (returnConsumedCapacity.equals("INDEXES")) {
      b.put("Table", JsonBuilder.object().put("CapacityUnits", number(tableUnits)).build());
      if (!global.isEmpty()) {
        b.put("GlobalSecondaryIndexes", unitsByIndex(global));
      }
      if (!local.isEmpty()) {
        b.put("LocalSecondaryIndexes", unitsByIndex(local));
      }
    }
    return b.build();
  }

  /** Index write units: one per 1 KB of each entry put or deleted. */
  static double indexWriteUnits(ItemStore.IndexWrite write) {
    double units = 0;
    for (long bytes : write.entryBytes()) {
      units += writeUnits(0, bytes);
    }
    return units;
  }

  private static Json unitsByIndex(Map<String, Double> units) {
    JsonBuilder b = JsonBuilder.object();
    units.forEach(
        (name, u) -> b.put(name, JsonBuilder.object().put("CapacityUnits", number(u)).build()));
    return b.build();
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

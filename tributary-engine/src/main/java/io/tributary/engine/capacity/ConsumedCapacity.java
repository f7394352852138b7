package io.tributary.engine.capacity;

import io.tributary.engine.item.ItemStore;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read or write units one request consumed on one table: on the table itself and on each of
 * its secondary indexes. Reads cost one unit per 4 KB (half for eventually consistent reads),
 * writes one unit per 1 KB of the larger of the old and new item, and each index entry put or
 * deleted costs its own write units; never less than one unit for the table.
 *
 * <p>Every data action builds one of these, charges it to the table's throughput and renders it
 * as ConsumedCapacity; nothing else counts units.
 *
 * @param transactional whether the units are a transaction's: DynamoDB then also reports them
 *     as ReadCapacityUnits or WriteCapacityUnits, which it leaves out for every other action
 * @param table the units consumed on the table itself
 * @param globalSecondaryIndexes units by index name; an index the request cost nothing is absent
 * @param localSecondaryIndexes the same for local indexes, whose units the table's throughput
 *     pays
 */
public record ConsumedCapacity(
    TableDefinition tableDefinition,
    Operation operation,
    boolean transactional,
    double table,
    Map<String, Double> globalSecondaryIndexes,
    Map<String, Double> localSecondaryIndexes) {

  public ConsumedCapacity {
    globalSecondaryIndexes = Map.copyOf(globalSecondaryIndexes);
    localSecondaryIndexes = Map.copyOf(localSecondaryIndexes);
  }

  /** Read units for {@code itemBytes} read at once (rounded once, not per item). */
  public static double readUnits(long itemBytes, boolean consistent) {
    double units = Math.max(1, Math.ceil(itemBytes / 4096.0));
    return consistent ? units : units / 2;
  }

  /** Write units for writing (or deleting) {@code bytes}. */
  public static double writeUnits(long bytes) {
    return Math.max(1, Math.ceil(bytes / 1024.0));
  }

  /** A read of {@code bytes} from the table itself. */
  public static ConsumedCapacity read(TableDefinition table, long bytes, boolean consistent) {
    return new ConsumedCapacity(
        table, Operation.READ, false, readUnits(bytes, consistent), Map.of(), Map.of());
  }

  /**
   * A read of {@code bytes} from {@code index} (null: the table): the index's units, and none on
   * the table.
   */
  public static ConsumedCapacity read(
      TableDefinition table, IndexDefinition index, long bytes, boolean consistent) {
    if (index == null) {
      return read(table, bytes, consistent);
    }
    Map<String, Double> units = Map.of(index.name(), readUnits(bytes, consistent));
    return new ConsumedCapacity(
        table,
        Operation.READ,
        false,
        0,
        index.global() ? units : Map.of(),
        index.global() ? Map.of() : units);
  }

  /**
   * A write that replaced an item of {@code oldBytes} with one of {@code newBytes} (either zero
   * when absent) and changed the index entries in {@code indexWrites}.
   */
  public static ConsumedCapacity write(
      TableDefinition table,
      long oldBytes,
      long newBytes,
      List<ItemStore.IndexWrite> indexWrites) {
    Map<String, Double> global = new LinkedHashMap<>();
    Map<String, Double> local = new LinkedHashMap<>();
    for (ItemStore.IndexWrite w : indexWrites) {
      double units = 0;
      for (long bytes : w.entryBytes()) {
        units += writeUnits(bytes);
      }
      (w.index().global() ? global : local).merge(w.index().name(), units, Double::sum);
    }
    return new ConsumedCapacity(
        table,
        Operation.WRITE,
        false,
        writeUnits(Math.max(oldBytes, newBytes)),
        global,
        local);
  }

  /**
   * What a transaction's ConditionCheck of an item of {@code itemBytes} costs: DynamoDB bills it
   * as a write of the item it read, though it writes nothing.
   */
  public static ConsumedCapacity conditionCheck(TableDefinition table, long itemBytes) {
    return write(table, itemBytes, 0, List.of());
  }

  /**
   * The same units as part of a transaction, which does each read or write twice (prepare and
   * commit): the table's units double; index entries are written once, so their units stay.
   */
  public ConsumedCapacity inTransaction() {
    return new ConsumedCapacity(
        tableDefinition,
        operation,
        true,
        2 * table,
        globalSecondaryIndexes,
        localSecondaryIndexes);
  }

  /** This request's units and {@code other}'s, on the same table, added up. */
  public ConsumedCapacity plus(ConsumedCapacity other) {
    if (other.tableDefinition.tableId() != tableDefinition.tableId()
        || other.operation != operation) {
      throw new IllegalArgumentException("units of different tables or operations do not add up");
    }
    return new ConsumedCapacity(
        tableDefinition,
        operation,
        transactional || other.transactional,
        table + other.table,
        sum(globalSecondaryIndexes, other.globalSecondaryIndexes),
        sum(localSecondaryIndexes, other.localSecondaryIndexes));
  }

  /** Units consumed by one request per table, added up by table in the order tables first come. */
  public static List<ConsumedCapacity> perTable(List<ConsumedCapacity> consumed) {
    Map<Long, ConsumedCapacity> byTable = new LinkedHashMap<>();
    for (ConsumedCapacity c : consumed) {
      byTable.merge(c.tableDefinition.tableId(), c, ConsumedCapacity::plus);
    }
    return List.copyOf(byTable.values());
  }

  /** Everything consumed: the table's units and every index's. */
  public double total() {
    double total = table;
    for (double u : globalSecondaryIndexes.values()) {
      total += u;
    }
    for (double u : localSecondaryIndexes.values()) {
      total += u;
    }
    return total;
  }

  /**
   * The ConsumedCapacity member as {@code returnConsumedCapacity} asks for it: nothing for NONE
   * (or absent), the table name and total for TOTAL, and the parts of the table and each index
   * for INDEXES.
   */
  public Json toJson(String returnConsumedCapacity) {
    if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
      return null;
    }
    JsonBuilder b = JsonBuilder.object().put("TableName", tableDefinition.name());
    units(b, total());
    if (returnConsumedCapacity.equals("INDEXES")) {
      b.put("Table", units(JsonBuilder.object(), table).build());
      if (!globalSecondaryIndexes.isEmpty()) {
        b.put("GlobalSecondaryIndexes", byIndex(globalSecondaryIndexes));
      }
      if (!localSecondaryIndexes.isEmpty()) {
        b.put("LocalSecondaryIndexes", byIndex(localSecondaryIndexes));
      }
    }
    return b.build();
  }

  /** The ConsumedCapacity list of the batch and transaction actions: one entry per table. */
  public static Json toJson(String returnConsumedCapacity, List<ConsumedCapacity> perTable) {
    if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
      return null;
    }
    List<Json> entries = new ArrayList<>();
    for (ConsumedCapacity c : perTable) {
      entries.add(c.toJson(returnConsumedCapacity));
    }
    return new Json.Arr(entries);
  }

  private JsonBuilder units(JsonBuilder b, double units) {
    b.put("CapacityUnits", number(units));
    if (transactional) {
      b.put(operation == Operation.READ ? "ReadCapacityUnits" : "WriteCapacityUnits", number(units));
    }
    return b;
  }

  private Json byIndex(Map<String, Double> units) {
    JsonBuilder b = JsonBuilder.object();
    // Map.copyOf forgets the order; DynamoDB's maps have none to keep, so answer by name.
    units.keySet().stream()
        .sorted()
        .forEach(name -> b.put(name, units(JsonBuilder.object(), units.get(name)).build()));
    return b.build();
  }

  private static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> out = new LinkedHashMap<>(a);
    b.forEach((name, units) -> out.merge(name, units, Double::sum));
    return out;
  }

  private static Json number(double units) {
    // DynamoDB writes capacity as a double ("1.0", "0.5").
    return new Json.Num(Double.toString(units));
  }
}

package io.tributary.engine.table;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.function.LongFunction;

/**
 * The tables of every region, kept in memory and written through to the catalog keyspace. Table
 * ids come from a counter in the system keyspace and are never reused, so the items of a deleted
 * table can be purged in the background while a new table of the same name is used.
 */
public final class Catalog {
  private static final byte[] NEXT_TABLE_ID = "next-table-id".getBytes(StandardCharsets.UTF_8);

  private static final byte[] PURGE_PREFIX = "purge/".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PURGE_END = "purge0".getBytes(StandardCharsets.UTF_8);

  private final Store store;
  private final Clock clock;
  private final LongConsumer purge;
  private final Consumer<TableDefinition> changed;
  private final Map<String, NavigableMap<String, TableDefinition>> regions =
      new ConcurrentHashMap<>();
  private long nextTableId;

  /**
   * @param purge called with the id of a table (or index) that is gone, to remove its items (or
   *     entries)
   */
  public Catalog(Store store, Clock clock, LongConsumer purge) {
    this(store, clock, purge, t -> {});
  }

  /**
   * @param changed called with every definition created or updated, before the call returns
   */
  public Catalog(
      Store store, Clock clock, LongConsumer purge, Consumer<TableDefinition> changed) {
    this.store = store;
    this.clock = clock;
    this.purge = purge;
    this.changed = changed;
    byte[] next = store.get(Keyspace.SYSTEM, NEXT_TABLE_ID);
    this.nextTableId = next == null ? 1 : ByteBuffer.wrap(next).getLong();
    try (EntryIterator it = store.scan(Keyspace.CATALOG, new byte[0], null, false)) {
      while (it.next()) {
        TableDefinition t = TableDefinitionCodec.decode(it.value());
        tables(t.region()).put(t.name(), t);
      }
    }
  }

  /** The table, or null when there is none (or its deletion is over). */
  public TableDefinition find(String region, String name) {
    TableDefinition t = tables(region).get(name);
    if (t != null && t.deletedAt(clock.instant())) {
      forget(t);
      return null;
    }
    return t;
  }

  /** Every table the catalog holds, those still DELETING included. */
  public List<TableDefinition> all() {
    List<TableDefinition> out = new ArrayList<>();
    regions.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** Table names of the region in ascending order, starting after {@code exclusiveStart}. */
  public List<String> names(String region, String exclusiveStart, int limit) {
    NavigableMap<String, TableDefinition> tables = tables(region);
    NavigableMap<String, TableDefinition> tail =
        exclusiveStart == null ? tables : tables.tailMap(exclusiveStart, false);
    List<String> out = new ArrayList<>();
    for (TableDefinition t : tail.values()) {
      if (out.size() == limit) {
        break;
      }
      if (find(region, t.name()) != null) {
        out.add(t.name());
      }
    }
    return out;
  }

  /**
   * Adds a table built by {@code factory} from a fresh table id, unless the name is taken.
   *
   * @return the new table, or null when a table of that name exists
   */
  public synchronized TableDefinition create(
      String region, String name, LongFunction<TableDefinition> factory) {
    return create(region, name, 0, factory);
  }

  /**
   * Adds a table as {@link #create(String, String, LongFunction)} does, reserving {@code
   * indexIds} more ids after the table's for its indexes.
   */
  public synchronized TableDefinition create(
      String region, String name, int indexIds, LongFunction<TableDefinition> factory) {
    return create(region, name, indexIds, factory, (t, batch) -> {});
  }

  /**
   * Adds a table as {@link #create(String, String, int, LongFunction)} does, with what {@code
   * alongside} adds to the same atomic batch for the new table (its tags, say), so that a crash
   * leaves either the table with all of it or nothing.
   */
  public synchronized TableDefinition create(
      String region,
      String name,
      int indexIds,
      LongFunction<TableDefinition> factory,
      BiConsumer<TableDefinition, WriteBatch> alongside) {
    if (find(region, name) != null) {
      return null;
    }
    long id = nextTableId;
    TableDefinition t = factory.apply(id);
    long next = id + 1 + indexIds;
    WriteBatch batch =
        new WriteBatch()
            .put(Keyspace.SYSTEM, NEXT_TABLE_ID, ByteBuffer.allocate(8).putLong(next).array())
            .put(Keyspace.CATALOG, key(t), TableDefinitionCodec.encode(t));
    alongside.accept(t, batch);
    store.write(batch);
    nextTableId = next;
    tables(region).put(name, t);
    changed.accept(t);
    return t;
  }

  /** Replaces a table's definition (same region, name and id). */
  public synchronized void update(TableDefinition t) {
    store.write(new WriteBatch().put(Keyspace.CATALOG, key(t), TableDefinitionCodec.encode(t)));
    tables(t.region()).put(t.name(), t);
    changed.accept(t);
    if (t.deletedAt(clock.instant())) {
      forget(t);
    }
  }

  /**
   * Applies {@code change} to the current definition of table {@code tableId}, if it still
   * exists under that name (background work finishing, say, while requests change the table).
   *
   * @return the new definition, or null when the table is gone
   */
  public synchronized TableDefinition change(
      String region, String name, long tableId, UnaryOperator<TableDefinition> change) {
    TableDefinition t = tables(region).get(name);
    if (t == null || t.tableId() != tableId || t.status() == TableStatus.DELETING) {
      return null;
    }
    TableDefinition updated = change.apply(t);
    update(updated);
    return updated;
  }

  /** A fresh id from the table-id counter (a new index's), never reused. */
  public synchronized long reserveId() {
    long id = nextTableId;
    store.write(
        new WriteBatch()
            .put(Keyspace.SYSTEM, NEXT_TABLE_ID, ByteBuffer.allocate(8).putLong(id + 1).array()));
    nextTableId = id + 1;
    return id;
  }

  private synchronized void forget(TableDefinition t) {
    if (tables(t.region()).remove(t.name(), t)) {
      // The purge marker goes in the same batch, so a crash cannot leave orphaned items behind.
      WriteBatch batch =
          new WriteBatch()
              .delete(Keyspace.CATALOG, key(t))
              .delete(Keyspace.SYSTEM, Tags.key(t.tableId()))
              .delete(Keyspace.SYSTEM, TimeToLive.key(t.tableId()))
              .put(Keyspace.SYSTEM, purgeMarker(t.tableId()), new byte[0]);
      for (IndexDefinition index : t.indexes()) {
        batch.put(Keyspace.SYSTEM, purgeMarker(index.indexId()), new byte[0]);
      }
      store.write(batch);
      purge.accept(t.tableId());
      for (IndexDefinition index : t.indexes()) {
        purge.accept(index.indexId());
      }
    }
  }

  /** Ids of deleted tables whose items may not all be purged yet (say, after a crash). */
  public List<Long> pendingPurges() {
    List<Long> ids = new ArrayList<>();
    try (EntryIterator it = store.scan(Keyspace.SYSTEM, PURGE_PREFIX, PURGE_END, false)) {
      while (it.next()) {
        ids.add(ByteBuffer.wrap(it.key(), PURGE_PREFIX.length, 8).getLong());
      }
    }
    return ids;
  }

  /** The system-keyspace key that marks table {@code tableId}'s items as still to be purged. */
  public static byte[] purgeMarker(long tableId) {
    return ByteBuffer.allocate(PURGE_PREFIX.length + 8).put(PURGE_PREFIX).putLong(tableId).array();
  }

  private NavigableMap<String, TableDefinition> tables(String region) {
    return regions.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
  }

  private static byte[] key(TableDefinition t) {
    return (t.region() + '\0' + t.name()).getBytes(StandardCharsets.UTF_8);
  }
}

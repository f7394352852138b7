package io.tributary.engine.item;

import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.ItemCodec;
import io.tributary.model.ItemSize;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Reads and writes items. Writes to one item are serialised by a striped lock, so a
 * read-modify-write sees the item it replaces; the new item and everything that goes with it
 * are written in one atomic batch.
 */
public final class ItemStore {
  private static final int STRIPES = 1024;

  private final Store store;
  private final TableStatistics statistics;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  /**
   * The indexes writes keep, by table id, as of the latest definition. A write reads this under
   * its item lock rather than trusting the definition its request started with, so an index
   * added while the request ran is kept from its backfill's start: the backfill locks each item
   * after this was set, and sees whatever an older write left.
   */
  private final Map<Long, List<IndexDefinition>> maintained = new ConcurrentHashMap<>();

  private final Staging staging;
  private final ChangeLog log;
  private final Transactions transactions = new Transactions();

  /**
   * Held for reading by every write from reading the list of indexes to writing its batch, and
   * for writing while that list changes.
   */
  private final ReentrantReadWriteLock indexChanges = new ReentrantReadWriteLock();

  public ItemStore(Store store, TableStatistics statistics) {
    this(
        store,
        statistics,
        io.tributary.engine.EngineConfig.ITEM_COLLECTION_SIZE_LIMIT,
        ChangeLog.none(store));
  }

  /**
   * @param itemCollectionSizeLimit the bytes one partition key's items and local index entries
   *     may take (tables with local secondary indexes only)
   */
  public ItemStore(
      Store store, TableStatistics statistics, long itemCollectionSizeLimit, ChangeLog log) {
    this.store = store;
    this.log = log;
    this.statistics = statistics;
    this.staging = new Staging(store, statistics, itemCollectionSizeLimit);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * The result of a write: the item before and after (either may be null).
   *
   * @param collectionSizeBytes the size of the item's collection after the write, for tables
   *     with local secondary indexes; -1 otherwise
   */
  public record Written(
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      long collectionSizeBytes,
      List<IndexWrite> indexWrites) {}

  /**
   * What a write did to one index: the sizes of the entries it put or deleted (none when the
   * entry did not change), which is what DynamoDB charges index write capacity for.
   */
  public record IndexWrite(IndexDefinition index, List<Long> entryBytes) {}

  /** The item with this key, or null. */
  public Map<String, AttributeValue> get(TableDefinition table, PrimaryKey key) {
    return read(ItemKeys.of(table.tableId(), key));
  }

  /**
   * The item with this key in its stored form ({@link ItemCodec}'s), or null: for answering with
   * the whole item without decoding it.
   */
  public byte[] getStored(TableDefinition table, PrimaryKey key) {
    return store.get(Keyspace.ITEMS, ItemKeys.of(table.tableId(), key));
  }

  /**
   * The items with these keys as of one moment: no write, and no part of a transaction, lands
   * between the reads. Each entry is null when there is no such item.
   */
  public List<Map<String, AttributeValue>> getAll(List<TableDefinition> tables, List<PrimaryKey> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
    try (Snapshot snapshot = store.snapshot()) {
      for (int i = 0; i < keys.size(); i++) {
        byte[] value =
            snapshot.get(Keyspace.ITEMS, ItemKeys.of(tables.get(i).tableId(), keys.get(i)));
        items.add(value == null ? null : ItemCodec.decode(value));
      }
    }
    return items;
  }

  /** The items of a key range, forward or backward. */
  public ItemCursor items(KeyRange range, boolean reverse) {
    return new ItemCursor(store.scan(Keyspace.ITEMS, range.from(), range.to(), reverse));
  }

  /** Applies {@code write} to the item with this key, atomically. */
  public Written write(TableDefinition table, PrimaryKey key, ItemWrite write) {
    return write(table, key, write, false);
  }

  /**
   * The same for time to live's deletes of expired items, which stream records attribute to the
   * service rather than to a client.
   */
  public Written expire(TableDefinition table, PrimaryKey key, ItemWrite write) {
    return write(table, key, write, true);
  }

  private Written write(TableDefinition table, PrimaryKey key, ItemWrite write, boolean timeToLive) {
    byte[] storageKey = ItemKeys.of(table.tableId(), key);
    ReentrantLock lock = lockOf(storageKey);
    lock.lock();
    try {
      if (transactions.holds(storageKey)) {
        throw DynamoDbException.of(
            ErrorType.TRANSACTION_CONFLICT, Transactions.CONFLICT_MESSAGE);
      }
      Map<String, AttributeValue> oldItem = read(storageKey);
      Map<String, AttributeValue> newItem = write.apply(oldItem);
      if (newItem == oldItem) {
        // Nothing to change (no item to delete, or the write kept the item as it was).
        return new Written(oldItem, newItem, -1, List.of());
      }
      indexChanges.readLock().lock();
      try {
        WriteBatch batch = new WriteBatch();
        Staging.Staged staged =
            staging.stage(
                table, key, storageKey, oldItem, newItem, maintained(table), batch, new HashMap<>());
        if (log.records(table.tableId())) {
          log.write(batch, List.of(new ChangeLog.Change(table, oldItem, newItem, timeToLive)));
        } else {
          store.write(batch);
        }
        return staged.commit();
      } finally {
        indexChanges.readLock().unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /** One item's part of a transaction: the change {@code write} makes to the item with {@code key}. */
  public record Mutation(TableDefinition table, PrimaryKey key, ItemWrite write) {}

  /**
   * Applies every mutation, or none: each item's change is computed from the item as it is, and
   * all of them are written in one atomic batch together with what {@code batch} already holds.
   * Items that another transaction is changing are not waited for: the transaction is cancelled
   * with TransactionConflict for them. Single-item writes to an item this transaction holds fail
   * with TransactionConflictException meanwhile.
   *
   * @param mutations at most one per item
   * @return what was written, in the order of {@code mutations}
   * @throws DynamoDbException a TransactionCanceledException whose reasons are in the order of
   *     {@code mutations}, when any item conflicts, fails its condition or cannot be written
   */
  public List<Written> transact(List<Mutation> mutations, WriteBatch batch) {
    int n = mutations.size();
    byte[][] keys = new byte[n][];
    for (int i = 0; i < n; i++) {
      Mutation m = mutations.get(i);
      keys[i] = ItemKeys.of(m.table().tableId(), m.key());
    }
    Transactions.Held held = transactions.hold(keys, this::lockOf);
    try {
      List<Map<String, AttributeValue>> oldItems = new ArrayList<>();
      List<Map<String, AttributeValue>> newItems = new ArrayList<>();
      DynamoDbException[] failures = new DynamoDbException[n];
      for (int i = 0; i < n; i++) {
        Map<String, AttributeValue> oldItem = read(keys[i]);
        oldItems.add(oldItem);
        try {
          newItems.add(mutations.get(i).write().apply(oldItem));
        } catch (DynamoDbException e) {
          newItems.add(oldItem);
          failures[i] = e;
        }
      }
      Transactions.throwIfAnyFailed(failures);
      indexChanges.readLock().lock();
      try {
        Map<ByteBuffer, Long> pending = new HashMap<>();
        Staging.Staged[] staged = new Staging.Staged[n];
        for (int i = 0; i < n; i++) {
          Mutation m = mutations.get(i);
          if (newItems.get(i) != oldItems.get(i)) {
            try {
              staged[i] =
                  staging.stage(
                      m.table(),
                      m.key(),
                      keys[i],
                      oldItems.get(i),
                      newItems.get(i),
                      maintained(m.table()),
                      batch,
                      pending);
            } catch (DynamoDbException e) {
              failures[i] = e;
            }
          }
        }
        Transactions.throwIfAnyFailed(failures);
        List<ChangeLog.Change> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Mutation m = mutations.get(i);
          if (staged[i] != null && log.records(m.table().tableId())) {
            changes.add(new ChangeLog.Change(m.table(), oldItems.get(i), newItems.get(i), false));
          }
        }
        if (!changes.isEmpty()) {
          log.write(batch, changes);
        } else if (!batch.isEmpty()) {
          store.write(batch);
        }
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          written.add(
              staged[i] == null
                  ? new Written(oldItems.get(i), newItems.get(i), -1, List.of())
                  : staged[i].commit());
        }
        return written;
      } finally {
        indexChanges.readLock().unlock();
      }
    } finally {
      held.release();
    }
  }

  private Map<String, AttributeValue> read(byte[] storageKey) {
    byte[] value = store.get(Keyspace.ITEMS, storageKey);
    return value == null ? null : ItemCodec.decode(value);
  }

  private List<IndexDefinition> maintained(TableDefinition table) {
    return maintained.getOrDefault(table.tableId(), List.of());
  }

  private ReentrantLock lockOf(byte[] storageKey) {
    return locks[Math.floorMod(Arrays.hashCode(storageKey), STRIPES)];
  }

  /** Records which indexes writes to {@code table} keep from now on. */
  public void indexesChanged(TableDefinition table) {
    // Waits for the writes that read the old list: once this returns, no write can add an entry
    // to an index that stopped being kept, so purging it afterwards leaves nothing behind.
    indexChanges.writeLock().lock();
    try {
      maintained.put(
          table.tableId(), table.indexes().stream().filter(IndexDefinition::maintained).toList());
    } finally {
      indexChanges.writeLock().unlock();
    }
  }

  /**
   * Writes the entries of a new index for every item of the table, in key order, each under its
   * item's lock. Writes keep the index already (see {@link #indexesChanged}), so an entry that
   * exists is theirs and newer; running this again after a crash finds the same entries.
   * Items whose index key has the wrong type or is empty are left out, as DynamoDB does.
   */
  public void backfill(
      TableDefinition table, IndexDefinition index, java.util.function.BooleanSupplier wanted) {
    byte[] next = ItemKeys.tableStart(table.tableId());
    byte[] end = ItemKeys.tableEnd(table.tableId());
    while (true) {
      List<byte[]> keys = new ArrayList<>();
      try (EntryIterator it = store.scan(Keyspace.ITEMS, next, end, false)) {
        while (keys.size() < 1000 && it.next()) {
          keys.add(it.key());
        }
      }
      if (keys.isEmpty() || !wanted.getAsBoolean()) {
        return;
      }
      for (byte[] key : keys) {
        backfillOne(table, index, key);
      }
      next = KeyRange.successor(keys.get(keys.size() - 1));
    }
  }

  private void backfillOne(TableDefinition table, IndexDefinition index, byte[] storageKey) {
    ReentrantLock lock = lockOf(storageKey);
    lock.lock();
    try {
      while (transactions.holds(storageKey)) {
        // A transaction has read the item and will write its entries; wait for it to finish.
        lock.unlock();
        Thread.onSpinWait();
        Thread.yield();
        lock.lock();
      }
      byte[] value = store.get(Keyspace.ITEMS, storageKey);
      if (value == null) {
        return;
      }
      Map<String, AttributeValue> item = ItemCodec.decode(value);
      if (!IndexEntries.fits(index, item)) {
        return;
      }
      byte[] entryKey = IndexEntries.key(table, index, item);
      if (entryKey == null || store.get(Keyspace.INDEXES, entryKey) != null) {
        return;
      }
      Map<String, AttributeValue> entry = IndexEntries.projected(table, index, item);
      store.write(new WriteBatch().put(Keyspace.INDEXES, entryKey, ItemCodec.encode(entry)));
      statistics.of(index.indexId()).add(1, ItemSize.of(entry));
    } finally {
      lock.unlock();
    }
  }

  /** The entries of an index's key range, forward or backward. */
  public ItemCursor entries(KeyRange range, boolean reverse) {
    return new ItemCursor(store.scan(Keyspace.INDEXES, range.from(), range.to(), reverse));
  }

  /** Counts a table's items and bytes from storage (at start-up, before any write). */
  public void recount(TableDefinition table) {
    indexesChanged(table);
    long items = 0;
    long bytes = 0;
    try (EntryIterator it =
        store.scan(
            Keyspace.ITEMS,
            ItemKeys.tableStart(table.tableId()),
            ItemKeys.tableEnd(table.tableId()),
            false)) {
      while (it.next()) {
        items++;
        bytes += ItemSize.of(ItemCodec.decode(it.value()));
      }
    }
    statistics.of(table.tableId()).add(items, bytes);
    for (IndexDefinition index : table.indexes()) {
      long entries = 0;
      long entryBytes = 0;
      try (EntryIterator it =
          store.scan(
              Keyspace.INDEXES,
              ItemKeys.tableStart(index.indexId()),
              ItemKeys.tableEnd(index.indexId()),
              false)) {
        while (it.next()) {
          entries++;
          entryBytes += ItemSize.of(ItemCodec.decode(it.value()));
        }
      }
      statistics.of(index.indexId()).add(entries, entryBytes);
    }
  }

  /**
   * Deletes every item of a table that is gone, a batch at a time, then its purge marker. Safe
   * to run again after a crash: the marker stays until the last batch is written.
   */
  public void purge(long tableId) {
    // Table and index ids come from one counter, so an id names items or index entries, never
    // both: purging both keyspaces serves either.
    purge(Keyspace.ITEMS, tableId);
    purge(Keyspace.INDEXES, tableId);
    store.write(new WriteBatch().delete(Keyspace.SYSTEM, Catalog.purgeMarker(tableId)));
    statistics.forget(tableId);
    maintained.remove(tableId);
  }

  private void purge(Keyspace keyspace, long id) {
    byte[] start = ItemKeys.tableStart(id);
    byte[] end = ItemKeys.tableEnd(id);
    while (true) {
      WriteBatch batch = new WriteBatch();
      int n = 0;
      try (EntryIterator it = store.scan(keyspace, start, end, false)) {
        while (n < 1000 && it.next()) {
          batch.delete(keyspace, it.key());
          n++;
        }
      }
      if (n == 0) {
        break;
      }
      store.write(batch);
    }
  }

}

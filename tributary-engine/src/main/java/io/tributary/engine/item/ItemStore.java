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
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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

  private final long itemCollectionSizeLimit;

  public ItemStore(Store store, TableStatistics statistics) {
    this(store, statistics, io.tributary.engine.EngineConfig.ITEM_COLLECTION_SIZE_LIMIT);
  }

  /**
   * @param itemCollectionSizeLimit the bytes one partition key's items and local index entries
   *     may take (tables with local secondary indexes only)
   */
  public ItemStore(Store store, TableStatistics statistics, long itemCollectionSizeLimit) {
    this.store = store;
    this.statistics = statistics;
    this.itemCollectionSizeLimit = itemCollectionSizeLimit;
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
    byte[] value = store.get(Keyspace.ITEMS, ItemKeys.of(table.tableId(), key));
    return value == null ? null : ItemCodec.decode(value);
  }

  /** The items of a key range, forward or backward. */
  public ItemCursor items(KeyRange range, boolean reverse) {
    return new ItemCursor(store.scan(Keyspace.ITEMS, range.from(), range.to(), reverse));
  }

  /** Applies {@code write} to the item with this key, atomically. */
  public Written write(TableDefinition table, PrimaryKey key, ItemWrite write) {
    byte[] storageKey = ItemKeys.of(table.tableId(), key);
    ReentrantLock lock = locks[Math.floorMod(Arrays.hashCode(storageKey), STRIPES)];
    lock.lock();
    try {
      byte[] oldValue = store.get(Keyspace.ITEMS, storageKey);
      Map<String, AttributeValue> oldItem = oldValue == null ? null : ItemCodec.decode(oldValue);
      Map<String, AttributeValue> newItem = write.apply(oldItem);
      if (newItem == oldItem) {
        // Nothing to change (no item to delete, or the write kept the item as it was).
        return new Written(oldItem, newItem, -1, List.of());
      }
      List<IndexDefinition> indexes = maintained.getOrDefault(table.tableId(), List.of());
      if (newItem != null) {
        IndexEntries.check(table, indexes, newItem);
      }
      long collection = -1;
      if (indexes.stream().anyMatch(i -> !i.global())) {
        collection = collectionSize(table, indexes, key.partitionKey());
        long change =
            size(newItem) - size(oldItem) + localEntriesSize(table, indexes, newItem)
                - localEntriesSize(table, indexes, oldItem);
        if (change > 0 && collection + change > itemCollectionSizeLimit) {
          throw DynamoDbException.of(
              ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Item collection size limit exceeded.");
        }
        collection += change;
      }
      WriteBatch batch = new WriteBatch();
      if (newItem == null) {
        batch.delete(Keyspace.ITEMS, storageKey);
      } else {
        batch.put(Keyspace.ITEMS, storageKey, ItemCodec.encode(newItem));
      }
      List<EntryChange> changes = new ArrayList<>();
      for (IndexDefinition index : indexes) {
        changes.add(indexEntries(table, index, oldItem, newItem, batch));
      }
      store.write(batch);
      long items = (newItem == null ? 0 : 1) - (oldItem == null ? 0 : 1);
      long bytes = size(newItem) - size(oldItem);
      statistics.of(table.tableId()).add(items, bytes);
      List<IndexWrite> indexWrites = new ArrayList<>();
      for (EntryChange c : changes) {
        statistics.of(c.write().index().indexId()).add(c.entries(), c.bytes());
        if (!c.write().entryBytes().isEmpty()) {
          indexWrites.add(c.write());
        }
      }
      return new Written(oldItem, newItem, collection, indexWrites);
    } finally {
      lock.unlock();
    }
  }

  /** One index's part of a write: its counters' change and what it wrote. */
  private record EntryChange(IndexWrite write, long entries, long bytes) {}

  /**
   * Adds to {@code batch} the change of one index's entry from {@code oldItem} to {@code
   * newItem}; returns the change to the index's counters, to apply once the batch is written.
   */
  private EntryChange indexEntries(
      TableDefinition table,
      IndexDefinition index,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      WriteBatch batch) {
    byte[] oldKey = oldItem == null ? null : IndexEntries.key(table, index, oldItem);
    if (oldKey != null
        && index.status() == IndexDefinition.IndexStatus.CREATING
        && store.get(Keyspace.INDEXES, oldKey) == null) {
      // Not backfilled yet (or left out for a wrong type): there is no entry to replace.
      oldKey = null;
    }
    byte[] newKey = newItem == null ? null : IndexEntries.key(table, index, newItem);
    if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
      batch.delete(Keyspace.INDEXES, oldKey);
    }
    Map<String, AttributeValue> oldEntry =
        oldKey == null ? null : IndexEntries.projected(table, index, oldItem);
    Map<String, AttributeValue> newEntry =
        newKey == null ? null : IndexEntries.projected(table, index, newItem);
    if (newKey != null) {
      batch.put(Keyspace.INDEXES, newKey, ItemCodec.encode(newEntry));
    }
    long entries = (newKey == null ? 0 : 1) - (oldKey == null ? 0 : 1);
    long bytes = size(newEntry) - size(oldEntry);
    List<Long> written = new ArrayList<>();
    if (oldKey != null && newKey != null && Arrays.equals(oldKey, newKey)) {
      if (!oldEntry.equals(newEntry)) {
        written.add(Math.max(size(oldEntry), size(newEntry)));
      }
    } else {
      if (oldKey != null) {
        written.add(size(oldEntry));
      }
      if (newKey != null) {
        written.add(size(newEntry));
      }
    }
    return new EntryChange(new IndexWrite(index, written), entries, bytes);
  }

  /**
   * The bytes of one partition key's items and their local index entries. It is read from
   * storage each time, which costs a scan of the collection per write to a table with local
   * indexes; exact, and simple to keep right across crashes.
   */
  private long collectionSize(
      TableDefinition table, List<IndexDefinition> indexes, AttributeValue partitionKey) {
    long bytes = sizeOf(Keyspace.ITEMS, ItemKeys.partition(table.tableId(), partitionKey));
    for (IndexDefinition index : indexes) {
      if (!index.global()) {
        bytes += sizeOf(Keyspace.INDEXES, ItemKeys.partition(index.indexId(), partitionKey));
      }
    }
    return bytes;
  }

  private long sizeOf(Keyspace keyspace, KeyRange range) {
    long bytes = 0;
    try (EntryIterator it = store.scan(keyspace, range.from(), range.to(), false)) {
      while (it.next()) {
        bytes += ItemSize.of(ItemCodec.decode(it.value()));
      }
    }
    return bytes;
  }

  private static long localEntriesSize(
      TableDefinition table, List<IndexDefinition> indexes, Map<String, AttributeValue> item) {
    long bytes = 0;
    if (item != null) {
      for (IndexDefinition index : indexes) {
        if (!index.global() && IndexEntries.key(table, index, item) != null) {
          bytes += ItemSize.of(IndexEntries.projected(table, index, item));
        }
      }
    }
    return bytes;
  }

  /** Records which indexes writes to {@code table} keep from now on. */
  public void indexesChanged(TableDefinition table) {
    maintained.put(
        table.tableId(), table.indexes().stream().filter(IndexDefinition::maintained).toList());
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
    ReentrantLock lock = locks[Math.floorMod(Arrays.hashCode(storageKey), STRIPES)];
    lock.lock();
    try {
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

  private static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}

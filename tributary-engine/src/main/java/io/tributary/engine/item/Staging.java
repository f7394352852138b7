package io.tributary.engine.item;

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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the change of one item into the operations of a write batch: the item itself, the entries
 * of the indexes the table keeps, and the check of the item collection size limit. Nothing is
 * counted until the batch is written ({@link Staged#commit}).
 */
final class Staging {
  private final Store store;
  private final TableStatistics statistics;
  private final long itemCollectionSizeLimit;

  Staging(Store store, TableStatistics statistics, long itemCollectionSizeLimit) {
    this.store = store;
    this.statistics = statistics;
    this.itemCollectionSizeLimit = itemCollectionSizeLimit;
  }

  /** One index's part of a write: its counters' change and what it wrote. */
  private record EntryChange(ItemStore.IndexWrite write, long entries, long bytes) {}

  /** A change added to a batch, to count once the batch is written. */
  final class Staged {
    private final TableDefinition table;
    private final Map<String, AttributeValue> oldItem;
    private final Map<String, AttributeValue> newItem;
    private final long collection;
    private final List<EntryChange> changes;

    private Staged(
        TableDefinition table,
        Map<String, AttributeValue> oldItem,
        Map<String, AttributeValue> newItem,
        long collection,
        List<EntryChange> changes) {
      this.table = table;
      this.oldItem = oldItem;
      this.newItem = newItem;
      this.collection = collection;
      this.changes = changes;
    }

    /** Counts the change, now that its batch is written, and says what was written. */
    ItemStore.Written commit() {
      long items = (newItem == null ? 0 : 1) - (oldItem == null ? 0 : 1);
      statistics.of(table.tableId()).add(items, size(newItem) - size(oldItem));
      List<ItemStore.IndexWrite> indexWrites = new ArrayList<>();
      for (EntryChange c : changes) {
        statistics.of(c.write().index().indexId()).add(c.entries(), c.bytes());
        if (!c.write().entryBytes().isEmpty()) {
          indexWrites.add(c.write());
        }
      }
      return new ItemStore.Written(oldItem, newItem, collection, indexWrites);
    }
  }

  /**
   * Adds the change from {@code oldItem} to {@code newItem} (either may be null, not both) to
   * {@code batch}.
   *
   * @param pending the growth of item collections by changes staged earlier in the same batch,
   *     keyed by collection; updated with this one
   * @throws DynamoDbException when an index key has the wrong type, or the item's collection
   *     would grow past its limit
   */
  Staged stage(
      TableDefinition table,
      PrimaryKey key,
      byte[] storageKey,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      List<IndexDefinition> indexes,
      WriteBatch batch,
      Map<ByteBuffer, Long> pending) {
    if (newItem != null) {
      IndexEntries.check(table, indexes, newItem);
    }
    long collection = -1;
    if (indexes.stream().anyMatch(i -> !i.global())) {
      ByteBuffer collectionKey =
          ByteBuffer.wrap(ItemKeys.partitionPrefix(table.tableId(), key.partitionKey()));
      collection =
          collectionSize(table, indexes, key.partitionKey())
              + pending.getOrDefault(collectionKey, 0L);
      long change =
          size(newItem) - size(oldItem) + localEntriesSize(table, indexes, newItem)
              - localEntriesSize(table, indexes, oldItem);
      if (change > 0 && collection + change > itemCollectionSizeLimit) {
        throw DynamoDbException.of(
            ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
      }
      collection += change;
      pending.merge(collectionKey, change, Long::sum);
    }
    if (newItem == null) {
      batch.delete(Keyspace.ITEMS, storageKey);
    } else {
      batch.put(Keyspace.ITEMS, storageKey, ItemCodec.encode(newItem));
    }
    List<EntryChange> changes = new ArrayList<>();
    for (IndexDefinition index : indexes) {
      changes.add(indexEntries(table, index, oldItem, newItem, batch));
    }
    return new Staged(table, oldItem, newItem, collection, changes);
  }

  /** Adds to {@code batch} the change of one index's entry from {@code oldItem} to {@code newItem}. */
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
    return new EntryChange(new ItemStore.IndexWrite(index, written), entries, bytes);
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

  static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }
}

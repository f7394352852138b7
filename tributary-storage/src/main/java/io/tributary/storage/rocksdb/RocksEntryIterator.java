package io.tributary.storage.rocksdb;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A scan over a RocksDB iterator bounded by {@code iterate_lower_bound} and {@code
 * iterate_upper_bound}, so RocksDB itself stops at the range's ends (and skips the tombstones
 * beyond them). A RocksDB iterator reads an implicit snapshot taken when it is created.
 */
final class RocksEntryIterator implements EntryIterator, RocksStore.Releasable {

  private final RocksStore store;
  private final Keyspace keyspace;
  private final boolean reverse;
  // All null when the range is empty: there is nothing to read and nothing native to hold.
  private final Slice lower;
  private final Slice upper;
  private final ReadOptions readOptions;
  private final RocksIterator iterator;

  private boolean started;
  private boolean positioned;
  private boolean closed;
  private boolean released;

  RocksEntryIterator(
      RocksStore store,
      RocksDB db,
      ColumnFamilyHandle handle,
      Keyspace keyspace,
      byte[] from,
      byte[] to,
      boolean reverse,
      org.rocksdb.Snapshot snapshot) {
    this.store = store;
    this.keyspace = keyspace;
    this.reverse = reverse;
    if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
      lower = null;
      upper = null;
      readOptions = null;
      iterator = null;
      return;
    }
    lower = from.length == 0 ? null : new Slice(from);
    upper = to == null ? null : new Slice(to);
    readOptions = new ReadOptions();
    if (lower != null) {
      readOptions.setIterateLowerBound(lower);
    }
    if (upper != null) {
      readOptions.setIterateUpperBound(upper);
    }
    if (snapshot != null) {
      readOptions.setSnapshot(snapshot);
    }
    iterator = db.newIterator(handle, readOptions);
  }

  @Override
  public boolean next() {
    checkOpen();
    store.enter();
    try {
      if (iterator == null) {
        return false;
      }
      if (!started) {
        started = true;
        // With bounds set, these seek to the first/last key inside the range.
        if (reverse) {
          iterator.seekToLast();
        } else {
          iterator.seekToFirst();
        }
      } else if (positioned) {
        if (reverse) {
          iterator.prev();
        } else {
          iterator.next();
        }
      } else {
        return false;
      }
      positioned = iterator.isValid();
      if (!positioned) {
        // An iterator also becomes invalid on an I/O error or corruption; only status() tells.
        iterator.status();
      }
      return positioned;
    } catch (RocksDBException e) {
      positioned = false;
      throw RocksStore.failure("scan failed", e, store.directory(), keyspace);
    } finally {
      store.exit();
    }
  }

  @Override
  public byte[] key() {
    checkPositioned();
    store.enter();
    try {
      return iterator.key();
    } finally {
      store.exit();
    }
  }

  @Override
  public byte[] value() {
    checkPositioned();
    store.enter();
    try {
      return iterator.value();
    } finally {
      store.exit();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!store.tryEnter()) {
      return; // the store is closing and frees every open iterator itself
    }
    try {
      release();
      store.forget(this);
    } finally {
      store.exit();
    }
  }

  @Override
  public void release() {
    if (released) {
      return;
    }
    released = true;
    // The iterator points at the bounds and options, so it goes first.
    if (iterator != null) {
      iterator.close();
      readOptions.close();
    }
    if (lower != null) {
      lower.close();
    }
    if (upper != null) {
      upper.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the iterator is closed");
    }
  }

  private void checkPositioned() {
    checkOpen();
    if (!positioned) {
      throw new IllegalStateException("the iterator is not on an entry");
    }
  }
}

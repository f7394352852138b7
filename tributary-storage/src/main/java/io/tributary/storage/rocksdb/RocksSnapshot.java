package io.tributary.storage.rocksdb;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import java.util.Objects;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A RocksDB snapshot: reads pass it in their ReadOptions. Threads may share a snapshot, so it has
 * its own gate: closing waits for reads in flight before the snapshot is released.
 */
final class RocksSnapshot implements Snapshot, RocksStore.Releasable {

  private final RocksStore store;
  private final RocksDB db;
  private final org.rocksdb.Snapshot snapshot;
  private final ReadOptions readOptions;
  private final CloseGate gate = new CloseGate();

  RocksSnapshot(RocksStore store, RocksDB db, org.rocksdb.Snapshot snapshot) {
    this.store = store;
    this.db = db;
    this.snapshot = snapshot;
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    Objects.requireNonNull(key, "key");
    store.enter();
    try {
      enter();
      try {
        return db.get(store.handle(keyspace), readOptions, key);
      } finally {
        gate.exit();
      }
    } catch (RocksDBException e) {
      throw RocksStore.failure("get failed", e, store.directory(), keyspace);
    } finally {
      store.exit();
    }
  }

  @Override
  public EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse) {
    store.enter();
    try {
      enter();
      try {
        // The iterator keeps its own reference to the snapshot's data, so it outlives close().
        return store.openScan(keyspace, from, to, reverse, snapshot);
      } finally {
        gate.exit();
      }
    } finally {
      store.exit();
    }
  }

  @Override
  public void close() {
    if (!store.tryEnter()) {
      return; // the store is closing and releases every open snapshot itself
    }
    try {
      if (gate.closeAndDrain()) {
        releaseNative();
        store.forget(this);
      }
    } finally {
      store.exit();
    }
  }

  @Override
  public void release() {
    if (gate.closeAndDrain()) {
      releaseNative();
    }
  }

  private void enter() {
    if (!gate.tryEnter()) {
      throw new IllegalStateException("the snapshot is closed");
    }
  }

  private void releaseNative() {
    readOptions.close();
    db.releaseSnapshot(snapshot);
    snapshot.close();
  }
}

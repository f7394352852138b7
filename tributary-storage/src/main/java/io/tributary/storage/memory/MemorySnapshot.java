package io.tributary.storage.memory;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** A pinned read point: while it is open, writers keep every version visible at it. */
final class MemorySnapshot implements Snapshot {

  private final MemoryStore store;
  private final long readPoint;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Takes over a pin of {@code readPoint}, released on close. */
  MemorySnapshot(MemoryStore store, long readPoint) {
    this.store = store;
    this.readPoint = readPoint;
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    Objects.requireNonNull(key, "key");
    store.checkOpen();
    checkOpen();
    Version visible = store.keyspace(keyspace).visible(key, readPoint);
    if (visible == Version.PRUNED) {
      checkOpen(); // closed by another thread during the read
      throw MemoryStore.prunedWhilePinned();
    }
    return visible == null || visible.isTombstone() ? null : visible.value.clone();
  }

  @Override
  public EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse) {
    Objects.requireNonNull(from, "from");
    store.checkOpen();
    checkOpen();
    // The iterator pins the read point itself, so it stays valid after this snapshot closes.
    if (!store.readPoints().retain(readPoint)) {
      throw new IllegalStateException("the snapshot is closed");
    }
    return new MemoryEntryIterator(
        store, store.keyspace(keyspace).range(from, to, reverse), readPoint);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      store.readPoints().release(readPoint);
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the snapshot is closed");
    }
  }
}

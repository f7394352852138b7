package io.tributary.storage.memory;

import io.tributary.storage.EntryIterator;
import java.util.Iterator;
import java.util.Map;

/**
 * A lazy scan at a pinned read point: walks the skip list and shows each key as it was at that
 * point, skipping keys that did not exist then. Keys written later are either absent from the
 * walk or resolve to an older version (or none), so the scan is point-in-time without copying.
 */
final class MemoryEntryIterator implements EntryIterator {

  private final MemoryStore store;
  private final Iterator<Map.Entry<byte[], MemoryKeyspace.Slot>> entries;
  private final long readPoint;
  private byte[] key;
  private byte[] value;
  private boolean closed;

  /** Takes over a pin of {@code readPoint}, released on close. */
  MemoryEntryIterator(
      MemoryStore store, Iterator<Map.Entry<byte[], MemoryKeyspace.Slot>> entries, long readPoint) {
    this.store = store;
    this.entries = entries;
    this.readPoint = readPoint;
  }

  @Override
  public boolean next() {
    checkOpen();
    store.checkOpen();
    while (entries.hasNext()) {
      Map.Entry<byte[], MemoryKeyspace.Slot> entry = entries.next();
      Version visible = Version.visible(entry.getValue().head, readPoint);
      if (visible == Version.PRUNED) {
        throw MemoryStore.prunedWhilePinned();
      }
      if (visible != null && !visible.isTombstone()) {
        key = entry.getKey();
        value = visible.value;
        return true;
      }
    }
    key = null;
    value = null;
    return false;
  }

  @Override
  public byte[] key() {
    return current(key);
  }

  @Override
  public byte[] value() {
    return current(value);
  }

  private byte[] current(byte[] bytes) {
    checkOpen();
    store.checkOpen();
    if (bytes == null) {
      throw new IllegalStateException("the iterator is not on an entry");
    }
    return bytes.clone(); // the stored arrays are shared by every reader
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      key = null;
      value = null;
      store.readPoints().release(readPoint);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the iterator is closed");
    }
  }
}

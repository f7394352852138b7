package io.tributary.storage.memory;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.StorageException;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Store} in memory, for tests and for servers that need no durability: nothing survives
 * {@link #close} or the process.
 *
 * <p>Multi-version concurrency control. Each keyspace is a skip list from key to a chain of
 * {@link Version}s, newest first. Batches are applied by one writer at a time: every operation of
 * batch {@code n} is installed as version {@code n}, and only then is {@code n} published as the
 * last commit. A reader reads at a read point (a commit number) and sees, for each key, the newest
 * version numbered at or below it, so it sees a batch entirely or not at all, and never blocks or
 * is blocked by writers.
 *
 * <p>Snapshots and scans pin their read point. A write keeps, for each key it touches, the new
 * version plus the one version each pinned read point sees, and links around the rest; a key left
 * holding versions for pins (or a tombstone) waits in a queue that later writes drain once those
 * pins are released. So a snapshot costs nothing to take, and keeps alive at most one old version
 * per key overwritten while it is open, however often that key is overwritten. A point read does
 * not pin: it reads at the last commit and, in the rare case that a concurrent writer dropped the
 * version it was after, reads again at the newer commit (see {@link Version}).
 */
public final class MemoryStore implements Store {

  /** Queued keys cleaned per write beyond the batch's own count, so a backlog shrinks steadily. */
  private static final int EXTRA_CLEANING_PER_WRITE = 64;

  private final MemoryKeyspace[] keyspaces = new MemoryKeyspace[Keyspace.values().length];
  private final ReadPoints readPoints = new ReadPoints();
  private final ReentrantLock writer = new ReentrantLock();

  /**
   * Keys holding versions kept only for pinned read points, at most once each, roughly in commit
   * order; guarded by {@link #writer}. A key is cleaned once every pin is at or past its number.
   */
  private final ArrayDeque<Garbage> garbage = new ArrayDeque<>();

  private volatile boolean closed;

  private record Garbage(MemoryKeyspace keyspace, byte[] key, long number) {}

  public MemoryStore() {
    for (Keyspace keyspace : Keyspace.values()) {
      keyspaces[keyspace.ordinal()] = new MemoryKeyspace(keyspace == Keyspace.ITEMS);
    }
  }

  @Override
  public boolean neverWaitsOnIo() {
    return true;
  }

  @Override
  public byte[] get(Keyspace keyspace, byte[] key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    MemoryKeyspace entries = keyspace(keyspace);
    while (true) {
      Version visible = entries.visible(key, readPoints.committed());
      if (visible != Version.PRUNED) {
        return visible == null || visible.isTombstone() ? null : visible.value.clone();
      }
      // A writer dropped history we were reading; its commit is published now, so read at it.
    }
  }

  @Override
  public EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse) {
    Objects.requireNonNull(from, "from");
    checkOpen();
    MemoryKeyspace entries = keyspace(keyspace);
    long readPoint = readPoints.pin();
    return new MemoryEntryIterator(this, entries.range(from, to, reverse), readPoint);
  }

  @Override
  public Snapshot snapshot() {
    checkOpen();
    return new MemorySnapshot(this, readPoints.pin());
  }

  @Override
  public void write(WriteBatch batch) {
    checkOpen();
    List<WriteBatch.Operation> operations = batch.operations();
    if (operations.isEmpty()) {
      return;
    }
    // Copy first: the caller may reuse its arrays, and readers share ours.
    int size = operations.size();
    MemoryKeyspace[] targets = new MemoryKeyspace[size];
    byte[][] keys = new byte[size][];
    byte[][] values = new byte[size][];
    for (int i = 0; i < size; i++) {
      WriteBatch.Operation op = operations.get(i);
      targets[i] = keyspace(op.keyspace());
      keys[i] = op.key().clone();
      values[i] = op.value() == null ? null : op.value().clone();
    }
    Version[] installed = new Version[size];
    writer.lock();
    try {
      checkOpen();
      long number = readPoints.committed() + 1;
      long[] points = readPoints.readPoints();
      for (int i = 0; i < size; i++) {
        installed[i] = targets[i].install(keys[i], values[i], number, points);
      }
      readPoints.publish(number);
      // Now that the batch is visible, what it replaced is needed only by pinned readers.
      points = readPoints.readPoints();
      for (int i = 0; i < size; i++) {
        Version version = installed[i];
        if (version != null
            && targets[i].clean(keys[i], version, points)
            && !version.queued) {
          version.queued = true;
          garbage.addLast(new Garbage(targets[i], keys[i], number));
        }
      }
      cleanQueued(points, size + EXTRA_CLEANING_PER_WRITE);
    } finally {
      writer.unlock();
    }
  }

  /**
   * Cleans up to {@code budget} queued keys whose garbage was kept for read points that are no
   * longer pinned. A key still holding versions for newer pins goes to the back of the queue.
   */
  private void cleanQueued(long[] points, int budget) {
    long oldest = points[points.length - 1];
    for (int i = 0; i < budget; i++) {
      Garbage next = garbage.peekFirst();
      if (next == null || next.number() > oldest) {
        return;
      }
      garbage.pollFirst();
      Version head = next.keyspace().head(next.key());
      if (head == null) {
        continue;
      }
      if (next.keyspace().clean(next.key(), head, points)) {
        garbage.addLast(new Garbage(next.keyspace(), next.key(), head.number));
      } else {
        head.queued = false;
      }
    }
  }

  /** Drops all data; open snapshots and iterators throw from now on. */
  @Override
  public void close() {
    writer.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (MemoryKeyspace keyspace : keyspaces) {
        keyspace.clear();
      }
      garbage.clear();
    } finally {
      writer.unlock();
    }
  }

  MemoryKeyspace keyspace(Keyspace keyspace) {
    return keyspaces[keyspace.ordinal()];
  }

  ReadPoints readPoints() {
    return readPoints;
  }

  void checkOpen() {
    if (closed) {
      throw new StorageException("the store is closed", "store", "memory");
    }
  }

  static StorageException prunedWhilePinned() {
    return new StorageException("a version visible at a pinned read point was dropped");
  }

  // For tests that check old versions are dropped.

  int versions(Keyspace keyspace, byte[] key) {
    return keyspace(keyspace).versions(key);
  }

  int keysHeld(Keyspace keyspace) {
    return keyspace(keyspace).size();
  }

  int pinnedReadPoints() {
    return readPoints.pinned();
  }

  int garbageQueued() {
    writer.lock();
    try {
      return garbage.size();
    } finally {
      writer.unlock();
    }
  }
}

package io.tributary.triggers.logs;

import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;

/**
 * Hands out the events' sequence numbers: unique across all logs and never reused, even after a
 * crash, without a write per event. The store keeps a mark above every number handed out; numbers
 * are handed out from memory up to the mark, and the mark is moved up a block at a time, written
 * before any number above the old mark is used. After a restart, numbering resumes at the mark,
 * skipping what the last run had reserved and not used. Thread-safe.
 */
final class EventSequence {
  /** How far the mark moves at a time: one small write per this many events. */
  static final long BLOCK = 1 << 16;

  private final Store store;
  private long next;
  private long mark;

  EventSequence(Store store) {
    this.store = store;
    byte[] stored = store.get(Keyspace.TRIGGERS, LogKeys.SEQUENCE);
    this.next = stored == null ? 1 : LogKeys.decodeLong(stored, 0);
    this.mark = next;
  }

  /** Reserves {@code count} consecutive numbers and returns the first. */
  synchronized long reserve(int count) {
    if (next + count > mark) {
      long newMark = Math.max(next + count, mark) + BLOCK;
      store.write(
          new WriteBatch().put(Keyspace.TRIGGERS, LogKeys.SEQUENCE, LogKeys.encodeLong(newMark)));
      mark = newMark;
    }
    long first = next;
    next += count;
    return first;
  }
}

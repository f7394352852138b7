package io.tributary.storage.memory;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The entries of one keyspace: each key maps to the head of its {@link Version} chain. Readers
 * use it without locks; only the store's writer (holding its lock) calls {@link #install} and
 * {@link #clean}.
 */
final class MemoryKeyspace {

  private final ConcurrentSkipListMap<byte[], Version> entries =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);

  /** See {@link Version#visible}. */
  Version visible(byte[] key, long readPoint) {
    return Version.visible(entries.get(key), readPoint);
  }

  Version head(byte[] key) {
    return entries.get(key);
  }

  /**
   * The entries of {@code from <= key < to} in key order (or reverse), read lazily; the heads
   * may be newer than a reader's read point, which resolves them with {@link Version#visible}.
   */
  Iterator<Map.Entry<byte[], Version>> range(byte[] from, byte[] to, boolean reverse) {
    if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return Collections.emptyIterator();
    }
    NavigableMap<byte[], Version> range =
        to == null ? entries.tailMap(from, true) : entries.subMap(from, true, to, false);
    return (reverse ? range.descendingMap() : range).entrySet().iterator();
  }

  /**
   * Writes {@code value} (null: delete) as version {@code number}, not yet published, keeping what
   * {@code readPoints} (see {@link Version#prune}) can see. Returns the new head, or null when
   * nothing changed (deleting an absent key).
   */
  Version install(byte[] key, byte[] value, long number, long[] readPoints) {
    Version head = entries.get(key);
    if (value == null && (head == null || head.isTombstone())) {
      return null; // already absent for every reader
    }
    Version older = head;
    if (head != null) {
      // Set before the new head is reachable: a reader that takes the old head at a read point
      // that includes this batch must learn it is stale.
      head.supersededAt = number;
      if (head.number == number) {
        older = head.older; // the same batch wrote this key before: the later operation wins
      }
    }
    Version version = new Version(number, value, older);
    version.queued = head != null && head.queued;
    Version.prune(version, readPoints);
    entries.put(key, version);
    return version;
  }

  /**
   * Drops what {@code readPoints} cannot see from the chain under {@code head}, and the key itself
   * if every read point sees it deleted. Returns whether garbage remains for later.
   */
  boolean clean(byte[] key, Version head, long[] readPoints) {
    Version.prune(head, readPoints);
    if (head.isTombstone() && head.number <= readPoints[readPoints.length - 1]) {
      entries.remove(key, head);
      return false;
    }
    return head.hasGarbage();
  }

  void clear() {
    entries.clear();
  }

  /** Keys held, tombstones included. */
  int size() {
    return entries.size();
  }

  /** Versions held for the key, tombstones included. */
  int versions(byte[] key) {
    int count = 0;
    for (Version v = entries.get(key); v != null && v != Version.PRUNED; v = v.older) {
      count++;
    }
    return count;
  }
}

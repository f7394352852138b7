package io.tributary.storage.memory;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The entries of one keyspace: each key maps to a {@link Slot} holding the head of its
 * {@link Version} chain. Readers use it without locks; only the store's writer (holding its lock)
 * calls {@link #install} and {@link #clean}.
 */
final class MemoryKeyspace {

  /**
   * Where a key's chain starts. A write to a key already held only replaces the head here, without
   * walking the skip list again; a key's slot leaves both maps together, when its tombstone is
   * visible to every reader, and a later write of the key makes a new slot. A slot is its own key
   * in {@link #byKey}: one object less per item for the collector to mark.
   */
  static final class Slot extends Key {
    volatile Version head;

    Slot(byte[] key, Version head) {
      super(key);
      this.head = head;
    }
  }

  private final ConcurrentSkipListMap<byte[], Slot> entries =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);

  /**
   * The same slots by key, when the keyspace is read one key at a time (items: GetItem, and the
   * read before every write): one hash probe instead of a walk down the skip list, whose ~17
   * levels at 100,000 keys are as many cache misses. Null for keyspaces read in ranges.
   */
  private final ConcurrentHashMap<Key, Slot> byKey; // each slot under itself

  MemoryKeyspace(boolean readByKey) {
    this.byKey = readByKey ? new ConcurrentHashMap<>() : null;
  }

  /** See {@link Version#visible}. */
  Version visible(byte[] key, long readPoint) {
    return Version.visible(head(key), readPoint);
  }

  Version head(byte[] key) {
    Slot slot = slot(key);
    return slot == null ? null : slot.head;
  }

  private Slot slot(byte[] key) {
    return byKey == null ? entries.get(key) : byKey.get(new Key(key));
  }

  /**
   * The entries of {@code from <= key < to} in key order (or reverse), read lazily; the heads
   * may be newer than a reader's read point, which resolves them with {@link Version#visible}.
   */
  Iterator<Map.Entry<byte[], Slot>> range(byte[] from, byte[] to, boolean reverse) {
    if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return Collections.emptyIterator();
    }
    NavigableMap<byte[], Slot> range =
        to == null ? entries.tailMap(from, true) : entries.subMap(from, true, to, false);
    return (reverse ? range.descendingMap() : range).entrySet().iterator();
  }

  /**
   * Writes {@code value} (null: delete) as version {@code number}, not yet published, keeping what
   * {@code readPoints} (see {@link Version#prune}) can see. Returns the new head, or null when
   * nothing changed (deleting an absent key).
   */
  Version install(byte[] key, byte[] value, long number, long[] readPoints) {
    Slot slot = slot(key);
    Version head = slot == null ? null : slot.head;
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
    if (slot != null) {
      slot.head = version;
    } else {
      slot = new Slot(key, version);
      entries.put(key, slot);
      if (byKey != null) {
        byKey.put(slot, slot);
      }
    }
    return version;
  }

  /**
   * Drops what {@code readPoints} cannot see from the chain under {@code head}, and the key itself
   * if every read point sees it deleted. Returns whether garbage remains for later.
   */
  boolean clean(byte[] key, Version head, long[] readPoints) {
    Version.prune(head, readPoints);
    if (head.isTombstone() && head.number <= readPoints[readPoints.length - 1]) {
      Slot slot = slot(key);
      if (slot != null && slot.head == head) {
        entries.remove(key, slot);
        if (byKey != null) {
          byKey.remove(slot, slot);
        }
      }
      return false;
    }
    return head.hasGarbage();
  }

  void clear() {
    entries.clear();
    if (byKey != null) {
      byKey.clear();
    }
  }

  /** Keys held, tombstones included. */
  int size() {
    return entries.size();
  }

  /** Versions held for the key, tombstones included. */
  int versions(byte[] key) {
    int count = 0;
    for (Version v = head(key); v != null && v != Version.PRUNED; v = v.older) {
      count++;
    }
    return count;
  }

  /** A key as a hash-map key: its bytes compared by content (a slot or a key looked up). */
  private static class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}

package io.tributary.storage.memory;

/**
 * One version of one key: the value written by the batch with commit number {@link #number}, or a
 * tombstone, linked to an older version. A key's chain runs newest first.
 *
 * <p>A reader at read point {@code r} takes the first version numbered {@code <= r}; it is the
 * right one if {@code r < supersededAt} (the number of the write that replaced it). Writers drop
 * versions that no pinned read point can see by linking around them, so a reader that does not
 * pin (a point read) may find that the right version was dropped: the check tells it so, and it
 * reads again at the newest commit. Pinned readers never meet a dropped version.
 *
 * <p>Number and value never change. {@link #older} and {@link #supersededAt} change under the
 * store's writer lock and are volatile for the lock-free readers; {@link #queued} is the writer's
 * alone.
 */
final class Version {

  /**
   * Ends a chain whose older history was dropped because no pinned reader can need it. A chain
   * that ends in {@code null} instead means the key did not exist before its oldest version.
   */
  static final Version PRUNED = new Version(-1, null, null);

  final long number;
  /** Null for a tombstone. */
  final byte[] value;

  volatile Version older;
  volatile long supersededAt = Long.MAX_VALUE;
  /** Whether the store's cleaning queue holds this key; writer only. */
  boolean queued;

  Version(long number, byte[] value, Version older) {
    this.number = number;
    this.value = value;
    this.older = older;
  }

  boolean isTombstone() {
    return value == null;
  }

  /**
   * The version of the chain visible at {@code readPoint}: a value or a tombstone, null if the key
   * did not exist then, or {@link #PRUNED} if that version is gone (read again, later).
   */
  static Version visible(Version head, long readPoint) {
    for (Version v = head; v != null; v = v.older) {
      if (v == PRUNED) {
        return PRUNED;
      }
      if (v.number <= readPoint) {
        return readPoint < v.supersededAt ? v : PRUNED;
      }
    }
    return null;
  }

  /**
   * Keeps {@code head} and, for each read point, the version visible at it; links around the
   * rest. {@code readPoints} is sorted newest first and must include every pinned read point and
   * the last commit.
   */
  static void prune(Version head, long[] readPoints) {
    int i = 0;
    while (i < readPoints.length && readPoints[i] >= head.number) {
      i++; // these see the head
    }
    Version kept = head;
    Version v = head.older;
    while (v != null && v != PRUNED) {
      if (i == readPoints.length) {
        kept.older = PRUNED; // nobody reads below the last kept version
        return;
      }
      Version older = v.older;
      // The oldest version stays while anyone reads below the newer ones: it is what says that
      // the key did not exist before it.
      if (v.number <= readPoints[i] || older == null) {
        if (kept.older != v) {
          kept.older = v;
        }
        kept = v;
        while (i < readPoints.length && readPoints[i] >= v.number) {
          i++;
        }
      }
      v = older;
    }
    if (kept.older != v) {
      kept.older = v;
    }
  }

  /** Whether the chain holds anything beyond a live head: older versions or a tombstone. */
  boolean hasGarbage() {
    Version o = older;
    return isTombstone() || (o != null && o != PRUNED);
  }
}

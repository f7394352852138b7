package io.tributary.storage.memory;

import java.util.TreeMap;

/**
 * The commit counter and the read points pinned by open snapshots and scans. Writers keep every
 * version a pinned read point can see and drop the others.
 *
 * <p>Pinning reads the last commit under the same lock as {@link #readPoints}, so a writer never
 * misses a pin being taken at that moment: a pin taken after the writer looked is at least the
 * last commit the writer saw, which it keeps too.
 */
final class ReadPoints {

  private volatile long committed;
  private final TreeMap<Long, Integer> pins = new TreeMap<>();

  /** The number of the last batch whose versions all readers may see. */
  long committed() {
    return committed;
  }

  /** Makes a batch visible; called by the single writer after installing all its versions. */
  void publish(long number) {
    committed = number;
  }

  /** Pins the last commit and returns it; {@link #release} it when done. */
  synchronized long pin() {
    long readPoint = committed;
    pins.merge(readPoint, 1, Integer::sum);
    return readPoint;
  }

  /** Pins a read point again if it is pinned already; returns false if it is not. */
  synchronized boolean retain(long readPoint) {
    Integer count = pins.get(readPoint);
    if (count == null) {
      return false;
    }
    pins.put(readPoint, count + 1);
    return true;
  }

  synchronized void release(long readPoint) {
    pins.computeIfPresent(readPoint, (point, count) -> count == 1 ? null : count - 1);
  }

  /** The last commit and every pinned read point, newest first, without repeats. */
  synchronized long[] readPoints() {
    long[] points = new long[pins.size() + 1];
    int n = 0;
    points[n++] = committed;
    for (long pin : pins.descendingKeySet()) {
      if (pin < committed) {
        points[n++] = pin;
      }
    }
    return n == points.length ? points : java.util.Arrays.copyOf(points, n);
  }

  synchronized int pinned() {
    return pins.values().stream().mapToInt(Integer::intValue).sum();
  }
}

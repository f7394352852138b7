package io.tributary.storage.rocksdb;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps native handles from being freed while a call is using them. Each call enters and exits;
 * closing waits until no call is inside, and after that no call gets in. A freed RocksDB handle
 * used from Java crashes the JVM, so this is what turns "used after close" into an exception.
 *
 * <p>One atomic word: the sign bit says closed, the rest counts the calls inside.
 */
final class CloseGate {

  private static final long CLOSED = Long.MIN_VALUE;

  private final AtomicLong state = new AtomicLong();

  /** Enters unless closed; a true result must be paired with {@link #exit}. */
  boolean tryEnter() {
    if (state.getAndIncrement() < 0) {
      state.getAndDecrement();
      return false;
    }
    return true;
  }

  void exit() {
    state.getAndDecrement();
  }

  boolean isClosed() {
    return state.get() < 0;
  }

  /**
   * Closes the gate and waits until every call inside has left. Returns true for the one caller
   * that closed it, who then owns freeing what the gate protects.
   */
  boolean closeAndDrain() {
    long current;
    do {
      current = state.get();
      if (current < 0) {
        return false;
      }
    } while (!state.compareAndSet(current, current | CLOSED));
    // Calls inside are short (one native call each), so a brief park is enough.
    while (state.get() != CLOSED) {
      LockSupport.parkNanos(10_000);
    }
    return true;
  }
}

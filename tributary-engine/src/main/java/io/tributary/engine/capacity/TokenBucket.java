package io.tributary.engine.capacity;

/**
 * The units a table or index may still consume: refilled at its rate, up to {@code burst}
 * seconds' worth, and starting full. A request is let in while anything is left and charged
 * afterwards with what it consumed, so the bucket may go below zero (a large Scan page, say) and
 * then keeps requests out until the rate has paid for it.
 */
final class TokenBucket {
  private double perSecond;
  private double capacity;
  private double units;
  private long refilledAt;

  TokenBucket(double perSecond, long burstSeconds, long nowNanos) {
    this.perSecond = perSecond;
    this.capacity = perSecond * burstSeconds;
    this.units = capacity;
    this.refilledAt = nowNanos;
  }

  /** Whether nothing is left, at the rate and burst the table has now. */
  synchronized boolean empty(double perSecond, long burstSeconds, long nowNanos) {
    refill(perSecond, burstSeconds, nowNanos);
    return units <= 0;
  }

  /** Takes {@code consumed} units, at the rate and burst the table has now. */
  synchronized void take(double consumed, double perSecond, long burstSeconds, long nowNanos) {
    refill(perSecond, burstSeconds, nowNanos);
    units -= consumed;
  }

  /**
   * Adds what the current rate earned until now, so that a rate about to change applies from now
   * on.
   */
  synchronized void settle(long nowNanos) {
    earn(nowNanos);
  }

  /** The units left (for tests). */
  synchronized double units() {
    return units;
  }

  /**
   * Takes the rate and burst the table has now, then adds what that rate earned since the last
   * refill. A rate changes only through UpdateTable, which {@linkplain #settle settles} the bucket
   * at the old rate first, so the new one counts from the change on.
   */
  private void refill(double newPerSecond, long burstSeconds, long nowNanos) {
    if (newPerSecond != perSecond || newPerSecond * burstSeconds != capacity) {
      perSecond = newPerSecond;
      capacity = newPerSecond * burstSeconds;
      units = Math.min(units, capacity);
    }
    earn(nowNanos);
  }

  private void earn(long nowNanos) {
    if (nowNanos > refilledAt) {
      units = Math.min(capacity, units + perSecond * (nowNanos - refilledAt) / 1e9);
      refilledAt = nowNanos;
    }
  }
}

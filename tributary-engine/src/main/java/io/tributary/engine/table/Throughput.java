package io.tributary.engine.table;

import java.time.Instant;

/**
 * Provisioned throughput as DynamoDB describes it. On-demand tables have zero read and write
 * units.
 */
public record Throughput(
    long readCapacityUnits,
    long writeCapacityUnits,
    Instant lastIncrease,
    Instant lastDecrease,
    int decreasesToday) {

  public static final Throughput ON_DEMAND = new Throughput(0, 0, null, null, 0);

  public static Throughput of(long read, long write) {
    return new Throughput(read, write, null, null, 0);
  }

  /** The throughput after a change to {@code read}/{@code write} at {@code now}. */
  public Throughput changedTo(long read, long write, Instant now) {
    boolean increase = read > readCapacityUnits || write > writeCapacityUnits;
    boolean decrease = read < readCapacityUnits || write < writeCapacityUnits;
    return new Throughput(
        read,
        write,
        increase ? now : lastIncrease,
        decrease ? now : lastDecrease,
        decrease ? decreasesToday + 1 : decreasesToday);
  }
}

package io.tributary.engine.stream;

import java.time.Duration;

/**
 * How streams manage their shards and records.
 *
 * @param shardMaxAge how long a shard stays open before it closes and a child takes over its
 *     hash range (DynamoDB's roll over about every four hours)
 * @param splitRecords how many records a shard takes before its hash range splits in two, the
 *     way a DynamoDB partition splits when it grows
 * @param retention how long records stay readable (DynamoDB's 24 hours)
 */
public record StreamSettings(Duration shardMaxAge, long splitRecords, Duration retention) {
  public static final StreamSettings DEFAULTS =
      new StreamSettings(Duration.ofHours(4), 1_000_000, Duration.ofHours(24));
}

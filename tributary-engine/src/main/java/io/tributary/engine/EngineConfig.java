package io.tributary.engine;

import io.tributary.engine.stream.StreamSettings;
import java.time.Duration;

/**
 * Settings of one engine.
 *
 * @param accountId the 12-digit account id used in ARNs
 * @param transientStatusDelay how long tables stay CREATING/UPDATING/DELETING; zero for at once
 * @param timeToLiveSweepInterval how often expired items are looked for and deleted
 * @param itemCollectionSizeLimit the bytes one partition key's items and local index entries may
 *     take in a table with local secondary indexes (DynamoDB's 10 GB; smaller in tests)
 * @param streams how streams split and roll over their shards and how long records are kept
 * @param throttling whether provisioned tables are held to their throughput, as in DynamoDB
 */
public record EngineConfig(
    String accountId,
    Duration transientStatusDelay,
    Duration timeToLiveSweepInterval,
    long itemCollectionSizeLimit,
    StreamSettings streams,
    boolean throttling) {
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  public static final Duration DEFAULT_TTL_SWEEP_INTERVAL = Duration.ofSeconds(10);
  public static final long ITEM_COLLECTION_SIZE_LIMIT = 10L * 1024 * 1024 * 1024;

  public EngineConfig(String accountId, Duration transientStatusDelay) {
    this(
        accountId,
        transientStatusDelay,
        DEFAULT_TTL_SWEEP_INTERVAL,
        ITEM_COLLECTION_SIZE_LIMIT,
        StreamSettings.DEFAULTS,
        true);
  }

  public static EngineConfig defaults() {
    return new EngineConfig(DEFAULT_ACCOUNT_ID, Duration.ZERO);
  }

  public EngineConfig withAccountId(String id) {
    return new EngineConfig(
        id, transientStatusDelay, timeToLiveSweepInterval, itemCollectionSizeLimit, streams,
        throttling);
  }

  public EngineConfig withTransientStatusDelay(Duration delay) {
    return new EngineConfig(
        accountId, delay, timeToLiveSweepInterval, itemCollectionSizeLimit, streams, throttling);
  }

  public EngineConfig withTimeToLiveSweepInterval(Duration interval) {
    return new EngineConfig(
        accountId, transientStatusDelay, interval, itemCollectionSizeLimit, streams, throttling);
  }

  public EngineConfig withItemCollectionSizeLimit(long limit) {
    return new EngineConfig(
        accountId, transientStatusDelay, timeToLiveSweepInterval, limit, streams, throttling);
  }

  public EngineConfig withStreams(StreamSettings settings) {
    return new EngineConfig(
        accountId,
        transientStatusDelay,
        timeToLiveSweepInterval,
        itemCollectionSizeLimit,
        settings,
        throttling);
  }

  /** The same settings with throttling on (DynamoDB's way) or off. */
  public EngineConfig withThrottling(boolean enabled) {
    return new EngineConfig(
        accountId,
        transientStatusDelay,
        timeToLiveSweepInterval,
        itemCollectionSizeLimit,
        streams,
        enabled);
  }
}

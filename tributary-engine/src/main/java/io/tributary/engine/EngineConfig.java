package io.tributary.engine;

import java.time.Duration;

/**
 * Settings of one engine.
 *
 * @param accountId the 12-digit account id used in ARNs
 * @param transientStatusDelay how long tables stay CREATING/UPDATING/DELETING; zero for at once
 * @param timeToLiveSweepInterval how often expired items are looked for and deleted
 */
public record EngineConfig(
    String accountId, Duration transientStatusDelay, Duration timeToLiveSweepInterval) {
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  public static final Duration DEFAULT_TTL_SWEEP_INTERVAL = Duration.ofSeconds(10);

  public EngineConfig(String accountId, Duration transientStatusDelay) {
    this(accountId, transientStatusDelay, DEFAULT_TTL_SWEEP_INTERVAL);
  }

  public static EngineConfig defaults() {
    return new EngineConfig(DEFAULT_ACCOUNT_ID, Duration.ZERO);
  }
}

package io.tributary.engine;

import java.time.Duration;

/**
 * Settings of one engine.
 *
 * @param accountId the 12-digit account id used in ARNs
 * @param transientStatusDelay how long tables stay CREATING/UPDATING/DELETING; zero for at once
 */
public record EngineConfig(String accountId, Duration transientStatusDelay) {
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";

  public static EngineConfig defaults() {
    return new EngineConfig(DEFAULT_ACCOUNT_ID, Duration.ZERO);
  }
}

package io.tributary.triggers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the triggers.
 *
 * @param accountId the 12-digit account id in function and mapping ARNs
 * @param workDirectory where functions' packages are unpacked to run
 * @param pollInterval how often a mapping reads each shard (Lambda's four times a second)
 */
public record TriggersConfig(String accountId, Path workDirectory, Duration pollInterval) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
}

package io.tributary.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void startsWithThreeHundredSecondsOfUnitsAndRefillsAtItsRateUpToThem() {
    TokenBucket bucket = new TokenBucket(5, 300, 0);
    assertThat(bucket.units()).isEqualTo(1500.0);
    assertThat(bucket.empty(5, 300, 0)).isFalse();
    bucket.take(1600, 5, 300, 0);
    assertThat(bucket.empty(5, 300, 0)).isTrue();
    assertThat(bucket.empty(5, 300, 20 * SECOND)).isTrue();
    assertThat(bucket.empty(5, 300, 20 * SECOND + SECOND / 5)).isFalse();
    assertThat(bucket.units()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    // Unused units pile up to the burst and no further.
    assertThat(bucket.empty(5, 300, 10_000 * SECOND)).isFalse();
    assertThat(bucket.units()).isEqualTo(1500.0);
  }

  @Test
  void aNewRateCountsFromTheSettlementOn() {
    TokenBucket bucket = new TokenBucket(1, 300, 0);
    bucket.take(400, 1, 300, 0);
    bucket.settle(10 * SECOND);
    assertThat(bucket.units()).isEqualTo(-90.0);
    // From the settlement on, 100 units a second: a second later the debt is paid.
    assertThat(bucket.empty(100, 300, 11 * SECOND)).isFalse();
    assertThat(bucket.units()).isEqualTo(10.0);
    // A lower rate lowers the burst: what is left is cut to it.
    bucket.take(-29_990, 100, 300, 11 * SECOND);
    assertThat(bucket.units()).isEqualTo(30_000.0);
    assertThat(bucket.empty(2, 300, 11 * SECOND)).isFalse();
    assertThat(bucket.units()).isEqualTo(600.0);
  }
}

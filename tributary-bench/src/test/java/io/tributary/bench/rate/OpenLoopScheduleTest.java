package io.tributary.bench.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
  private static final long MS = 1_000_000;

  /** What the schedule sent: on which connection, for which intended time. */
  record Sent(String connection, long intendedNanos) {}

  private final List<Sent> sent = new ArrayList<>();

  private OpenLoopSchedule<String> schedule(double rate, long measureFrom, long end) {
    return new OpenLoopSchedule<>(0, rate, measureFrom, end, (c, t) -> sent.add(new Sent(c, t)));
  }

  @Test
  void aRequestThatWaitsForItsConnectionIsTimedFromItsIntendedTime() {
    // 1,000 a second on one connection: requests meant for 0, 1 and 2 ms.
    OpenLoopSchedule<String> schedule = schedule(1000, 0, 3 * MS);
    schedule.connected("c", 0);
    schedule.advance(0);
    assertThat(sent).containsExactly(new Sent("c", 0));
    schedule.advance(1 * MS);
    schedule.advance(2 * MS);
    assertThat(sent).hasSize(1); // the connection is busy: requests 1 and 2 wait

    schedule.answered("c", 0, true, 2_500_000); // 2.5 ms after it was meant to go
    assertThat(sent).containsExactly(new Sent("c", 0), new Sent("c", 1 * MS));
    schedule.answered("c", 1 * MS, true, 2_700_000); // sent at 2.5 ms, meant for 1 ms
    schedule.answered("c", 2 * MS, true, 2_800_000);

    assertThat(schedule.finished()).isTrue();
    RateResult result = schedule.result(1000, -1);
    assertThat(result.requests()).isEqualTo(3);
    assertThat(result.queued()).isEqualTo(2);
    assertThat(result.errors()).isZero();
    // 2.5, 1.7 and 0.8 ms; timed from the sending, the last two would be 0.2 and 0.1 ms.
    assertThat(result.p50Micros()).isCloseTo(1700, within(2L));
    assertThat(result.maxMicros()).isCloseTo(2500, within(3L));
    // Sent 0, 1.5 and 0.7 ms after their time.
    assertThat(result.sendLagP50Micros()).isCloseTo(700, within(1L));
    assertThat(result.sendLagP99Micros()).isCloseTo(1500, within(2L));
  }

  @Test
  void freeConnectionsTakeRequestsAtTheirTimeAndWaitingOnesInOrder() {
    OpenLoopSchedule<String> schedule = schedule(1000, 0, 4 * MS);
    schedule.connected("a", 0);
    schedule.connected("b", 0);
    schedule.advance(2 * MS); // late timer: 0, 1 and 2 ms are due at once
    assertThat(sent).extracting(Sent::intendedNanos).containsExactly(0L, 1 * MS);
    schedule.answered(sent.get(1).connection(), 1 * MS, true, 2_100_000);
    assertThat(sent).extracting(Sent::intendedNanos).containsExactly(0L, 1 * MS, 2 * MS);
    assertThat(schedule.nextIntendedNanos()).isEqualTo(3 * MS);
  }

  @Test
  void intendedTimesComeFromTheIndexAndDoNotDrift() {
    // A third of a second does not add up exactly; the millionth request is still on time.
    OpenLoopSchedule<String> schedule = schedule(3, 0, 1_000_000_000);
    assertThat(schedule.intendedNanos(3)).isEqualTo(1_000_000_000);
    assertThat(schedule.intendedNanos(3_000_000)).isEqualTo(1_000_000_000L * 1_000_000);
    schedule.connected("c", 0);
    schedule.advance(999_999_999);
    schedule.answered("c", 0, true, 999_999_999);
    schedule.answered("c", schedule.intendedNanos(1), true, 999_999_999);
    schedule.answered("c", schedule.intendedNanos(2), true, 999_999_999);
    assertThat(schedule.nextIntendedNanos()).isEqualTo(-1); // 0, 1/3 and 2/3 s: three in 1 s
    assertThat(schedule.finished()).isTrue();
  }

  @Test
  void theWarmUpIsNotMeasured() {
    OpenLoopSchedule<String> schedule = schedule(1000, 2 * MS, 4 * MS);
    schedule.connected("c", 0);
    for (long t = 0; t < 4 * MS; t += MS) {
      schedule.advance(t);
      schedule.answered("c", t, t != 0, t + 10 * MS); // the warm-up's first answer is a 500
    }
    RateResult result = schedule.result(1000, 2_000_000);
    assertThat(result.requests()).isEqualTo(2);
    assertThat(result.non2xx()).isZero();
    assertThat(result.p50Micros()).isCloseTo(10_000, within(10L));
    // From the start of the measured part (2 ms) to the last answer (13 ms).
    assertThat(result.durationMicros()).isEqualTo(11_000);
    assertThat(result.achievedRate()).isCloseTo(2 / 0.011, within(0.1));
    assertThat(result.clientCpuMicrosPerRequest()).isEqualTo(1000);
  }

  @Test
  void non2xxLostAndUnansweredRequestsAreErrors() {
    OpenLoopSchedule<String> schedule = schedule(1000, 0, 4 * MS);
    schedule.connected("a", 0);
    schedule.connected("b", 0);
    schedule.advance(1 * MS);
    schedule.answered(sent.get(0).connection(), 0, false, 1_500_000); // a 400
    schedule.closed(sent.get(1).connection());
    schedule.lost(1 * MS); // its connection closed with it in flight
    schedule.advance(3 * MS); // 2 ms goes out on the one left, 3 ms waits: never answered

    assertThat(schedule.finished()).isFalse();
    RateResult result = schedule.result(1000, -1);
    assertThat(result.requests()).isEqualTo(1);
    assertThat(result.non2xx()).isEqualTo(1);
    assertThat(result.unanswered()).isEqualTo(2);
    assertThat(result.errors()).isEqualTo(4);
    assertThat(result.clientCpuMicrosPerRequest()).isEqualTo(-1);
  }
}

package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EventPositionTest {

  @Property
  void digitsReadBackAndSortAsThePositions(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long t1,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long s1,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long t2,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long s2) {
    EventPosition a = new EventPosition(t1, s1);
    EventPosition b = new EventPosition(t2, s2);
    assertThat(a.digits()).hasSize(56).containsOnlyDigits();
    assertThat(EventPosition.parse(a.digits())).isEqualTo(a);
    assertThat(Integer.signum(a.digits().compareTo(b.digits())))
        .isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Test
  void digitsAreTheTimestampThenTheSequence() {
    assertThat(new EventPosition(1_767_225_600_000L, 42).digits())
        .isEqualTo("00000001767225600000" + "0".repeat(34) + "42");
  }

  @Test
  void onlyFiftySixDigitsThatFitInLongsAreAPosition() {
    assertThat(EventPosition.parse("123")).isNull();
    assertThat(EventPosition.parse("x".repeat(56))).isNull();
    assertThat(EventPosition.parse("9".repeat(56))).isNull();
    assertThat(EventPosition.parse("0".repeat(55) + "-")).isNull();
  }
}

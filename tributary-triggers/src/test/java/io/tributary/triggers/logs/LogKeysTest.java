package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LogKeysTest {

  @Provide
  Arbitrary<String> names() {
    // Few distinct characters, the two escaped ones and a multi-byte one among them, so
    // prefixes and equal names come up often.
    return Arbitraries.strings().withChars('a', 'b', '\0', '\1', '/', 'é').ofMaxLength(6);
  }

  @Property
  void streamKeysSortAsTheirNamesUtf8Bytes(@ForAll("names") String a, @ForAll("names") String b) {
    int byKey = Arrays.compareUnsigned(LogKeys.stream("r", "g", a), LogKeys.stream("r", "g", b));
    int byName =
        Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    assertThat(Integer.signum(byKey)).isEqualTo(Integer.signum(byName));
  }

  @Property
  void aStreamsEventRangeHoldsNoOtherStreamsEvents(
      @ForAll("names") String a, @ForAll("names") String b) {
    byte[] from = LogKeys.events("r", "g", a);
    byte[] to = LogKeys.end(from);
    byte[] other = LogKeys.event(LogKeys.events("r", "g", b), new EventPosition(5, 7));
    boolean inside =
        Arrays.compareUnsigned(other, from) >= 0 && Arrays.compareUnsigned(other, to) < 0;
    assertThat(inside).isEqualTo(a.equals(b));
  }

  @Property
  void aPrefixRangeHoldsExactlyTheNamesStartingWithIt(
      @ForAll("names") String prefix, @ForAll("names") String name) {
    byte[] from = LogKeys.streamsFrom("r", "g", prefix);
    byte[] key = LogKeys.stream("r", "g", name);
    boolean inside =
        Arrays.compareUnsigned(key, from) >= 0
            && Arrays.compareUnsigned(key, LogKeys.end(from)) < 0;
    assertThat(inside).isEqualTo(name.startsWith(prefix));
  }

  @Property
  void theNameComesBackFromItsKey(@ForAll("names") String name) {
    byte[] parent = LogKeys.streamsFrom("us-east-1", "/aws/lambda/f", "");
    assertThat(LogKeys.nameAfter(parent, LogKeys.stream("us-east-1", "/aws/lambda/f", name)))
        .isEqualTo(name);
  }

  @Property
  void eventKeysSortByTimestampThenSequence(
      @ForAll("positions") EventPosition a, @ForAll("positions") EventPosition b) {
    byte[] prefix = LogKeys.events("r", "g", "s");
    int byKey = Arrays.compareUnsigned(LogKeys.event(prefix, a), LogKeys.event(prefix, b));
    assertThat(Integer.signum(byKey)).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(LogKeys.position(prefix, LogKeys.event(prefix, a))).isEqualTo(a);
  }

  @Provide
  Arbitrary<EventPosition> positions() {
    Arbitrary<Long> values =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 300), Arbitraries.longs().greaterOrEqual(0));
    return values.tuple2().map(t -> new EventPosition(t.get1(), t.get2()));
  }

  @Test
  void groupsOfOneRegionStayOutOfAnothersRange() {
    byte[] east = LogKeys.groupsFrom("us-east-1", "");
    byte[] eastLonger = LogKeys.group("us-east-10", "g");
    assertThat(Arrays.compareUnsigned(eastLonger, LogKeys.end(east))).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theEndOfAPrefixFollowsEveryKeyStartingWithIt() {
    assertThat(LogKeys.end(new byte[] {1, (byte) 0xFF})).containsExactly(2);
    assertThat(LogKeys.end(new byte[] {1, 2})).containsExactly(1, 3);
  }
}

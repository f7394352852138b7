package io.tributary.model;

import static io.tributary.model.AttributeValueArbitraries.concat;
import static io.tributary.model.AttributeValueArbitraries.sign;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyEncodingPropertiesTest {
  /** Two values of one key type. */
  record Pair(AttributeValue a, AttributeValue b) {}

  @Provide
  Arbitrary<Pair> pairs() {
    return Arbitraries.oneOf(
        AttributeValueArbitraries.strings()
            .map(AttributeValue.S::new)
            .list()
            .ofSize(2)
            .map(KeyEncodingPropertiesTest::pair),
        AttributeValueArbitraries.numbers()
            .map(AttributeValue.N::new)
            .list()
            .ofSize(2)
            .map(KeyEncodingPropertiesTest::pair),
        AttributeValueArbitraries.binaries()
            .map(AttributeValue.B::new)
            .list()
            .ofSize(2)
            .map(KeyEncodingPropertiesTest::pair));
  }

  private static Pair pair(List<? extends AttributeValue> two) {
    return new Pair(two.get(0), two.get(1));
  }

  @Provide
  Arbitrary<AttributeValue> keyValues() {
    return AttributeValueArbitraries.keyValues();
  }

  @Property(tries = 3000)
  void encodingsCompareAsTheValuesDo(@ForAll("pairs") Pair p) {
    int expected = sign(KeyEncoding.compare(p.a(), p.b()));
    assertThat(sign(Arrays.compareUnsigned(KeyEncoding.encode(p.a()), KeyEncoding.encode(p.b()))))
        .isEqualTo(expected);
  }

  @Property(tries = 3000)
  void concatenationsCompareFieldByField(
      @ForAll("pairs") Pair first, @ForAll("pairs") Pair second) {
    byte[] a = concat(KeyEncoding.encode(first.a()), KeyEncoding.encode(second.a()));
    byte[] b = concat(KeyEncoding.encode(first.b()), KeyEncoding.encode(second.b()));
    int byFirst = KeyEncoding.compare(first.a(), first.b());
    int expected = sign(byFirst != 0 ? byFirst : KeyEncoding.compare(second.a(), second.b()));
    assertThat(sign(Arrays.compareUnsigned(a, b))).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void decodingInvertsEncoding(
      @ForAll("keyValues") AttributeValue v, @ForAll byte[] prefix, @ForAll byte[] suffix) {
    byte[] encoded = KeyEncoding.encode(v);
    byte[] framed = concat(concat(prefix, encoded), suffix);
    KeyEncoding.Decoded decoded = KeyEncoding.decode(v.type(), framed, prefix.length);
    assertThat(decoded.value()).isEqualTo(v);
    assertThat(decoded.next()).isEqualTo(prefix.length + encoded.length);
  }

  @Property
  void equalValuesHashAlike(@ForAll("pairs") Pair p) {
    if (KeyEncoding.compare(p.a(), p.b()) == 0) {
      assertThat(KeyEncoding.partitionHash(p.a())).isEqualTo(KeyEncoding.partitionHash(p.b()));
    }
  }

  @Provide
  Arbitrary<Pair> mixedSignNumbers() {
    return Combinators.combine(
            AttributeValueArbitraries.numbers(), AttributeValueArbitraries.numbers())
        .as((x, y) -> new Pair(new AttributeValue.N(x), new AttributeValue.N(y.negate())));
  }

  @Property
  void numbersOfOppositeSignsOrderBySign(@ForAll("mixedSignNumbers") Pair p) {
    encodingsCompareAsTheValuesDo(p);
  }

  @Property(tries = 3000)
  void prefixEncodingMatchesBeginsWith(
      @ForAll("stringPairs") Pair p) {
    String value = ((AttributeValue.S) p.a()).value();
    String prefix = ((AttributeValue.S) p.b()).value();
    byte[] encoded = KeyEncoding.encode(p.a());
    byte[] encodedPrefix = KeyEncoding.encodePrefix(p.b());
    boolean startsWith =
        encoded.length >= encodedPrefix.length
            && Arrays.equals(encoded, 0, encodedPrefix.length, encodedPrefix, 0, encodedPrefix.length);
    assertThat(startsWith).isEqualTo(value.startsWith(prefix));
  }

  @Provide
  Arbitrary<Pair> stringPairs() {
    Arbitrary<String> strings = AttributeValueArbitraries.strings();
    return Combinators.combine(strings, strings, Arbitraries.integers().between(0, 3))
        .as((a, b, cut) -> {
          // Often make the second a real prefix of the first.
          // Cut at a code point boundary: a lone surrogate is not a string DynamoDB can hold.
          int points = a.codePointCount(0, a.length());
          String prefix = cut == 0 ? b : a.substring(0, a.offsetByCodePoints(0, cut * points / 3));
          return new Pair(new AttributeValue.S(a), new AttributeValue.S(prefix));
        });
  }
}

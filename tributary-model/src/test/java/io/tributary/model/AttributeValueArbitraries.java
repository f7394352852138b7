package io.tributary.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for valid attribute values: every value here is one DynamoDB would accept
 * (numbers in range, sets non-empty and distinct, nesting well under 32 levels). Half of each
 * scalar arbitrary draws from a small pool, so equal values and shared prefixes turn up often. Copy
 * freely.
 */
public final class AttributeValueArbitraries {
  private AttributeValueArbitraries() {}

  /** Valid Unicode strings, including NUL, U+FFFF and a supplementary character. */
  public static Arbitrary<String> strings() {
    Arbitrary<String> pooled =
        Arbitraries.of("", "\0", "a", "b", "ab", "\u00ff", "\uffff", "\uD83D\uDE00")
            .list()
            .ofMaxSize(4)
            .map(pieces -> String.join("", pieces));
    Arbitrary<String> any =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .list()
            .ofMaxSize(12)
            .map(
                cps -> {
                  StringBuilder sb = new StringBuilder();
                  cps.forEach(sb::appendCodePoint);
                  return sb.toString();
                });
    return Arbitraries.oneOf(pooled, any);
  }

  /** Numbers over DynamoDB's whole range: 1 to 38 digits, exponents -130 to 125, both signs. */
  public static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigDecimal> any =
        Combinators.combine(
                Arbitraries.of(1, -1),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(38),
                Arbitraries.integers().between(Numbers.MIN_EXPONENT, Numbers.MAX_EXPONENT))
            .as(
                (sign, digits, adjusted) -> {
                  // A non-zero first digit, so `adjusted` is the power of the first digit.
                  String d = digits.charAt(0) == '0' ? "1" + digits.substring(1) : digits;
                  BigInteger unscaled = new BigInteger(d);
                  return new BigDecimal(
                      sign < 0 ? unscaled.negate() : unscaled, d.length() - 1 - adjusted);
                });
    Arbitrary<BigDecimal> pooled =
        Arbitraries.of(
                "0",
                "1",
                "-1",
                "1.5",
                "15",
                "-1.5",
                "10",
                "100",
                "0.01",
                "9",
                "99",
                "1E-130",
                "-1E-130",
                "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125",
                "12345678901234567890123456789012345678")
            .map(BigDecimal::new);
    return Arbitraries.oneOf(
        pooled, any, Arbitraries.integers().between(-1000, 1000).map(BigDecimal::valueOf));
  }

  public static Arbitrary<byte[]> binaries() {
    Arbitrary<byte[]> pooled =
        Arbitraries.of((byte) 0, (byte) 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)
            .array(byte[].class)
            .ofMaxSize(4);
    return Arbitraries.oneOf(pooled, Arbitraries.bytes().array(byte[].class).ofMaxSize(16));
  }

  /** Key values: S, N or B. */
  public static Arbitrary<AttributeValue> keyValues() {
    return Arbitraries.oneOf(
        strings().map(AttributeValue.S::new),
        numbers().map(AttributeValue.N::new),
        binaries().map(AttributeValue.B::new));
  }

  public static Arbitrary<AttributeValue> scalarsAndSets() {
    return Arbitraries.oneOf(
        keyValues(),
        Arbitraries.of(
            AttributeValue.Bool.TRUE, AttributeValue.Bool.FALSE, AttributeValue.Null.INSTANCE),
        strings().list().uniqueElements().ofMinSize(1).ofMaxSize(5).map(AttributeValue.SS::new),
        numbers()
            .list()
            .uniqueElements(n -> n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros())
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(AttributeValue.NS::new),
        binaries()
            .list()
            .uniqueElements(ByteBuffer::wrap)
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(AttributeValue.BS::new));
  }

  /** Any value, nested up to {@code depth} lists and maps deep. */
  public static Arbitrary<AttributeValue> values(int depth) {
    if (depth == 0) {
      return scalarsAndSets();
    }
    Arbitrary<AttributeValue> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalarsAndSets()),
        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(AttributeValue.L::new)),
        net.jqwik.api.Tuple.of(1, attributeMaps(inner, 4).map(AttributeValue.M::new)));
  }

  public static Arbitrary<AttributeValue> values() {
    return values(3);
  }

  /** Items: up to 8 attributes of any value, in a stable order. */
  public static Arbitrary<Map<String, AttributeValue>> items() {
    return attributeMaps(values(), 8);
  }

  private static Arbitrary<Map<String, AttributeValue>> attributeMaps(
      Arbitrary<AttributeValue> values, int maxSize) {
    return Arbitraries.maps(strings(), values).ofMaxSize(maxSize).map(LinkedHashMap::new);
  }

  /** Equality that also requires numbers to have the same scale (1.0 is not 1.00 here). */
  public static boolean exactlyEqual(AttributeValue a, AttributeValue b) {
    return switch (a) {
      case AttributeValue.N n -> b instanceof AttributeValue.N m && n.value().equals(m.value());
      case AttributeValue.NS ns ->
          b instanceof AttributeValue.NS ms && ns.values().equals(ms.values());
      case AttributeValue.L l ->
          b instanceof AttributeValue.L k && exactlyEqual(l.values(), k.values());
      case AttributeValue.M m ->
          b instanceof AttributeValue.M k && exactlyEqual(m.values(), k.values());
      default -> a.equals(b);
    };
  }

  public static boolean exactlyEqual(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    return List.copyOf(a.keySet()).equals(List.copyOf(b.keySet()))
        && a.keySet().stream().allMatch(k -> exactlyEqual(a.get(k), b.get(k)));
  }

  private static boolean exactlyEqual(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!exactlyEqual(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  static int sign(int comparison) {
    return Integer.signum(comparison);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package io.tributary.expressions.eval;

import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How expressions compare values: equality across every type (sets as sets, numbers by value),
 * order only between two strings, two numbers or two binaries; and the value functions size,
 * contains and begins_with.
 */
public final class ValueSemantics {
  private ValueSemantics() {}

  public static boolean equal(AttributeValue a, AttributeValue b) {
    return switch (a) {
      case AttributeValue.S s -> b instanceof AttributeValue.S t && s.value().equals(t.value());
      case AttributeValue.N n ->
          b instanceof AttributeValue.N m && n.value().compareTo(m.value()) == 0;
      case AttributeValue.B x -> b instanceof AttributeValue.B y && Arrays.equals(x.value(), y.value());
      case AttributeValue.Bool x -> b instanceof AttributeValue.Bool y && x.value() == y.value();
      case AttributeValue.Null x -> b instanceof AttributeValue.Null;
      case AttributeValue.SS x ->
          b instanceof AttributeValue.SS y && sameSet(Set.copyOf(x.values()), y.values());
      case AttributeValue.NS x ->
          b instanceof AttributeValue.NS y && sameSet(numbers(x.values()), numbers(y.values()));
      case AttributeValue.BS x ->
          b instanceof AttributeValue.BS y && sameSet(binaries(x.values()), binaries(y.values()));
      case AttributeValue.L x -> b instanceof AttributeValue.L y && sameList(x.values(), y.values());
      case AttributeValue.M x -> b instanceof AttributeValue.M y && sameMap(x.values(), y.values());
    };
  }

  /** The order of two values of one ordered type (S, N or B); null if they have none. */
  public static Integer compare(AttributeValue a, AttributeValue b) {
    if (!isOrdered(a) || !a.type().equals(b.type())) {
      return null;
    }
    return KeyEncoding.compare(a, b);
  }

  static boolean isOrdered(AttributeValue v) {
    return v instanceof AttributeValue.S || v instanceof AttributeValue.N || v instanceof AttributeValue.B;
  }

  static boolean isStringOrBinary(AttributeValue v) {
    return v instanceof AttributeValue.S || v instanceof AttributeValue.B;
  }

  /**
   * size(): characters of a string (UTF-16 units, as the service's Java strings count them), bytes
   * of a binary, members of a set, list or map; nothing for a number, boolean or null.
   */
  public static AttributeValue size(AttributeValue v) {
    Integer size =
        switch (v) {
          case AttributeValue.S s -> s.value().length();
          case AttributeValue.B b -> b.value().length;
          case AttributeValue.SS s -> s.values().size();
          case AttributeValue.NS s -> s.values().size();
          case AttributeValue.BS s -> s.values().size();
          case AttributeValue.L l -> l.values().size();
          case AttributeValue.M m -> m.values().size();
          default -> null;
        };
    return size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
  }

  /**
   * contains(a, b): a substring of a string or binary of the same type, a member of a set of
   * b's type, or an element of a list; false otherwise.
   */
  public static boolean contains(AttributeValue container, AttributeValue member) {
    if (container == null || member == null) {
      return false;
    }
    return switch (container) {
      case AttributeValue.S s -> member instanceof AttributeValue.S t && s.value().contains(t.value());
      case AttributeValue.B b -> member instanceof AttributeValue.B c && indexOf(b.value(), c.value());
      case AttributeValue.L l -> l.values().stream().anyMatch(e -> equal(e, member));
      case AttributeValue.SS ss -> member instanceof AttributeValue.S t && ss.values().contains(t.value());
      case AttributeValue.NS ns ->
          member instanceof AttributeValue.N n
              && ns.values().stream().anyMatch(x -> x.compareTo(n.value()) == 0);
      case AttributeValue.BS bs ->
          member instanceof AttributeValue.B c
              && bs.values().stream().anyMatch(x -> Arrays.equals(x, c.value()));
      default -> false;
    };
  }

  /** begins_with(a, b): both strings or both binaries, a starting with b. */
  public static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
    return switch (value) {
      case AttributeValue.S s -> prefix instanceof AttributeValue.S p && s.value().startsWith(p.value());
      case AttributeValue.B b ->
          prefix instanceof AttributeValue.B p
              && p.value().length <= b.value().length
              && Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
      default -> false;
    };
  }

  private static boolean indexOf(byte[] source, byte[] target) {
    for (int i = 0; i + target.length <= source.length; i++) {
      if (Arrays.equals(source, i, i + target.length, target, 0, target.length)) {
        return true;
      }
    }
    return false;
  }

  private static <T> boolean sameSet(Set<T> a, List<T> b) {
    return a.size() == b.size() && a.containsAll(b);
  }

  private static <T> boolean sameSet(Set<T> a, Set<T> b) {
    return a.equals(b);
  }

  private static Set<BigDecimal> numbers(List<BigDecimal> values) {
    Set<BigDecimal> out = new HashSet<>();
    values.forEach(v -> out.add(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
    return out;
  }

  private static Set<ByteBuffer> binaries(List<byte[]> values) {
    Set<ByteBuffer> out = new HashSet<>();
    values.forEach(v -> out.add(ByteBuffer.wrap(v)));
    return out;
  }

  private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameMap(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      AttributeValue other = b.get(e.getKey());
      if (other == null || !equal(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}

package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a pattern's value list ({@code "Name": [ entry, entry ]}), tested against one leaf
 * value of the record: a string, number, boolean or null, never an object or an array (arrays are
 * opened by {@link FilterPattern} before a matcher sees their elements).
 */
sealed interface ValueMatcher {

  boolean matches(Json value);

  /** A JSON value written as is: same type, and for numbers the same text, as EventBridge does. */
  record Exact(Json expected) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return same(expected, value);
    }
  }

  record Prefix(String prefix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return value instanceof Json.Str(String s)
          && (ignoreCase ? fold(s).startsWith(fold(prefix)) : s.startsWith(prefix));
    }
  }

  record Suffix(String suffix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return value instanceof Json.Str(String s)
          && (ignoreCase ? fold(s).endsWith(fold(suffix)) : s.endsWith(suffix));
    }
  }

  record EqualsIgnoreCase(String expected) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return value instanceof Json.Str(String s) && fold(s).equals(fold(expected));
    }
  }

  /**
   * {@code anything-but} a list of strings or numbers. A null, a boolean or a value of the other
   * type is "anything but" them and matches; only an absent field does not (it has no value).
   */
  record AnythingBut(List<Json> excluded) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      for (Json e : excluded) {
        if (same(e, value)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code anything-but} with a prefix, suffix or equals-ignore-case inside: the negation. */
  record AnythingButAny(List<ValueMatcher> excluded) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      for (ValueMatcher e : excluded) {
        if (e.matches(value)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * {@code numeric}: a bound or a range, compared by value (unlike exact matching), and only
   * against JSON numbers. A null bound is open-ended.
   */
  record Numeric(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
      implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      if (!(value instanceof Json.Num(String text))) {
        return false;
      }
      BigDecimal x;
      try {
        x = new BigDecimal(text);
      } catch (NumberFormatException e) {
        return false;
      }
      if (lower != null) {
        int c = x.compareTo(lower);
        if (c < 0 || (c == 0 && !lowerInclusive)) {
          return false;
        }
      }
      if (upper != null) {
        int c = x.compareTo(upper);
        if (c > 0 || (c == 0 && !upperInclusive)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code cidr}: a string holding an IP address of the block's family, inside the block. */
  record Cidr(IpBlock block) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return value instanceof Json.Str(String s) && block.contains(s);
    }
  }

  /**
   * {@code exists}. It speaks of whether the field has a value at all, so {@link FilterPattern}
   * decides it before looking at values; {@link #matches} is never the question.
   */
  record Exists(boolean present) implements ValueMatcher {
    @Override
    public boolean matches(Json value) {
      return present;
    }
  }

  /** Equality of leaf values as EventBridge defines it: numbers by their text, not their value. */
  static boolean same(Json a, Json b) {
    return switch (a) {
      case Json.Str(String s) -> b instanceof Json.Str(String t) && s.equals(t);
      case Json.Num(String s) -> b instanceof Json.Num(String t) && s.equals(t);
      case Json.Bool(boolean v) -> b instanceof Json.Bool(boolean w) && v == w;
      case Json.Null n -> b instanceof Json.Null;
      case Json.Obj o -> false;
      case Json.Arr r -> false;
      case Json.Raw r -> false; // never in a parsed event
    };
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

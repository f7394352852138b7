package io.tributary.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DynamoDB numbers: at most 38 significant digits, magnitude from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, returned as plain digits.
 */
public final class Numbers {
  public static final int MAX_SIGNIFICANT_DIGITS = 38;

  /** The largest power of ten a first significant digit may have. */
  public static final int MAX_EXPONENT = 125;

  /** The smallest power of ten a first significant digit may have. */
  public static final int MIN_EXPONENT = -130;

  public static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
  public static final String TOO_MANY_DIGITS =
      "Attempting to store more than 38 significant digits in a Number";
  public static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  public static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

  private Numbers() {}

  /** Parses an "N" value as PutItem does; see {@link #parse(String, Wording)}. */
  public static BigDecimal parse(String text) {
    return parse(text, Wording.CURRENT);
  }

  /**
   * Parses and validates an "N" value, returning it without trailing zeros. Accepts Java
   * BigDecimal's grammar in ASCII: an optional sign, digits with an optional point (at least one
   * digit), an optional exponent. Range is checked before the digit count, as dynalite does.
   *
   * @throws DynamoDbException a ValidationException with DynamoDB's message
   */
  public static BigDecimal parse(String text, Wording wording) {
    String s = text == null ? "" : text;
    Shape shape = Shape.of(s);
    if (shape == null) {
      throw notNumeric(s, wording);
    }
    return wording == Wording.CURRENT ? fromShape(s, shape) : legacy(s, shape);
  }

  /** The form DynamoDB returns: plain digits, no exponent, no trailing fraction zeros. */
  public static String toText(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /** Whether DynamoDB could have stored this value (range and digits). */
  public static boolean isStorable(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    long adjusted = adjustedExponent(stripped);
    return stripped.precision() <= MAX_SIGNIFICANT_DIGITS
        && adjusted >= MIN_EXPONENT
        && adjusted <= MAX_EXPONENT;
  }

  /** The power of ten of the first significant digit of a non-zero value. */
  static long adjustedExponent(BigDecimal value) {
    return (long) value.precision() - value.scale() - 1;
  }

  private static DynamoDbException notNumeric(String text, Wording wording) {
    // The older layer drops the colon when there is nothing to echo; the current one keeps it.
    if (wording == Wording.LEGACY && text.isEmpty()) {
      return DynamoDbException.validation(NOT_NUMERIC);
    }
    return DynamoDbException.validation(NOT_NUMERIC + ": " + text);
  }

  /** The current layer reads the exponent in full, as a 64-bit integer. */
  private static BigDecimal fromShape(String s, Shape shape) {
    long exponent;
    try {
      exponent = shape.expStart < 0 ? 0 : Long.parseLong(s.substring(shape.expStart));
    } catch (NumberFormatException e) {
      throw notNumeric(s, Wording.CURRENT);
    }
    String digits =
        s.substring(shape.intStart, shape.intEnd) + s.substring(shape.fracStart, shape.fracEnd);
    int intLength = shape.intEnd - shape.intStart;
    int first = firstNonZero(digits);
    if (first < 0) {
      // Zero is range-checked by the exponent it was written with: 0e126 overflows.
      checkRange(subtractSaturating(exponent, digits.length() - intLength));
      return BigDecimal.ZERO;
    }
    int last = lastNonZero(digits);
    long adjusted = addSaturating(intLength - 1L - first, exponent);
    checkRange(adjusted);
    int significant = last - first + 1;
    if (significant > MAX_SIGNIFICANT_DIGITS) {
      throw DynamoDbException.validation(TOO_MANY_DIGITS);
    }
    BigInteger unscaled = new BigInteger(digits.substring(first, last + 1));
    if (s.charAt(0) == '-') {
      unscaled = unscaled.negate();
    }
    return new BigDecimal(unscaled, (int) (significant - 1 - adjusted));
  }

  /**
   * The older layer reads the text as Java 8's BigDecimal does: the exponent and the scale must fit
   * in 32 bits, and the range check is done in 32-bit arithmetic, so 1e2147483647 wraps to an
   * underflow there, as DynamoDB reports. (Newer JDKs accept some of these exponents, so this does
   * not call the BigDecimal parser.)
   */
  private static BigDecimal legacy(String s, Shape shape) {
    int scale;
    try {
      long exponent = shape.expStart < 0 ? 0 : Long.parseLong(s.substring(shape.expStart));
      scale = Math.subtractExact(shape.fracEnd - shape.fracStart, Math.toIntExact(exponent));
    } catch (ArithmeticException | NumberFormatException e) {
      throw notNumeric(s, Wording.LEGACY);
    }
    String digits =
        s.substring(shape.intStart, shape.intEnd) + s.substring(shape.fracStart, shape.fracEnd);
    int first = firstNonZero(digits);
    // BigDecimal's precision, computed from the text so a huge digit string stays cheap.
    int precision = first < 0 ? 1 : digits.length() - first;
    int digitsBeforePoint = precision - scale;
    if (digitsBeforePoint > MAX_EXPONENT + 1) {
      throw DynamoDbException.validation(OVERFLOW);
    }
    if (digitsBeforePoint < MIN_EXPONENT + 1) {
      throw DynamoDbException.validation(UNDERFLOW);
    }
    if (first < 0) {
      return BigDecimal.ZERO;
    }
    int last = lastNonZero(digits);
    if (last - first + 1 > MAX_SIGNIFICANT_DIGITS) {
      throw DynamoDbException.validation(TOO_MANY_DIGITS);
    }
    BigInteger unscaled = new BigInteger(digits.substring(first, last + 1));
    int strippedScale = scale - (digits.length() - 1 - last);
    return new BigDecimal(s.charAt(0) == '-' ? unscaled.negate() : unscaled, strippedScale);
  }

  private static void checkRange(long adjusted) {
    if (adjusted > MAX_EXPONENT) {
      throw DynamoDbException.validation(OVERFLOW);
    }
    if (adjusted < MIN_EXPONENT) {
      throw DynamoDbException.validation(UNDERFLOW);
    }
  }

  private static long addSaturating(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return r;
  }

  private static long subtractSaturating(long a, long b) {
    return addSaturating(a, -b);
  }

  private static int firstNonZero(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) != '0') {
        return i;
      }
    }
    return -1;
  }

  private static int lastNonZero(String digits) {
    for (int i = digits.length() - 1; i >= 0; i--) {
      if (digits.charAt(i) != '0') {
        return i;
      }
    }
    return -1;
  }

  /** Where the parts of a syntactically valid number sit in its text. */
  private record Shape(int intStart, int intEnd, int fracStart, int fracEnd, int expStart) {
    /** Returns null unless the whole text is a number in BigDecimal's grammar, ASCII only. */
    static Shape of(String s) {
      int n = s.length();
      int i = 0;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int intStart = i;
      i = skipDigits(s, i);
      int intEnd = i;
      int fracStart = i;
      int fracEnd = i;
      if (i < n && s.charAt(i) == '.') {
        fracStart = ++i;
        i = skipDigits(s, i);
        fracEnd = i;
      }
      if (intEnd == intStart && fracEnd == fracStart) {
        return null;
      }
      int expStart = -1;
      if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        expStart = ++i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        int digitsStart = i;
        i = skipDigits(s, i);
        if (i == digitsStart) {
          return null;
        }
      }
      return i == n ? new Shape(intStart, intEnd, fracStart, fracEnd, expStart) : null;
    }

    private static int skipDigits(String s, int i) {
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i;
    }
  }
}

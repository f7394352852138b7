package io.tributary.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Order-preserving, self-delimiting encoding of key values (S, N, B): comparing two encodings as
 * unsigned bytes gives DynamoDB's order of the values, and so does comparing concatenations of
 * them, field by field. Every byte layout here is written to disk: never change one.
 *
 * <ul>
 *   <li>S: the UTF-8 bytes, B: the bytes; 0x00 is escaped as 0x00 0xFF and the value ends with 0x00
 *       0x01, so no encoding is a prefix of another.
 *   <li>N: 0x80 for zero; otherwise a sign byte (0xC0 positive, 0x40 negative), one byte of
 *       exponent (power of the first significant digit + 130), the significant digits two to a byte
 *       (pair + 1), and 0x00; negative numbers invert the exponent, digit and end bytes.
 * </ul>
 */
public final class KeyEncoding {
  // Written to disk: never change.
  private static final int ESCAPE = 0x00;
  private static final int ESCAPED_ZERO = 0xFF;
  private static final int END = 0x01;
  private static final int NEGATIVE = 0x40;
  private static final int ZERO = 0x80;
  private static final int POSITIVE = 0xC0;
  private static final int DIGITS_END = 0x00;
  private static final int PARTITION_HASH_SEED = 0;

  /** A decoded value and the offset just past it. */
  public record Decoded(AttributeValue value, int next) {}

  private KeyEncoding() {}

  public static byte[] encode(AttributeValue value) {
    ByteWriter out = new ByteWriter(32);
    encode(value, out);
    return out.toByteArray();
  }

  /** Appends the encoding of an S, N or B value. */
  public static void encode(AttributeValue value, ByteWriter out) {
    switch (value) {
      case AttributeValue.S s -> escaped(s.value().getBytes(StandardCharsets.UTF_8), out);
      case AttributeValue.B b -> escaped(b.value(), out);
      case AttributeValue.N n -> number(n.value(), out);
      default -> throw new IllegalArgumentException("not a key type: " + value.type());
    }
  }

  /** Decodes a value of the given type ("S", "N" or "B") starting at {@code offset}. */
  public static Decoded decode(String type, byte[] buf, int offset) {
    return switch (type) {
      case "S" -> {
        Decoded raw = unescaped(buf, offset);
        byte[] bytes = ((AttributeValue.B) raw.value()).value();
        yield new Decoded(
            new AttributeValue.S(new String(bytes, StandardCharsets.UTF_8)), raw.next());
      }
      case "B" -> unescaped(buf, offset);
      case "N" -> number(buf, offset);
      default -> throw new IllegalArgumentException("not a key type: " + type);
    };
  }

  /**
   * A stable 64-bit hash of a partition key: MurmurHash3 (x64, 128-bit, seed 0, first half) of its
   * key encoding, so numerically equal numbers hash alike. Written to disk as the big-endian prefix
   * that gives scan order: never change it.
   */
  public static long partitionHash(AttributeValue partitionKey) {
    return MurmurHash3.hash64(encode(partitionKey), PARTITION_HASH_SEED);
  }

  /** DynamoDB's string order: by UTF-8 bytes, which is code point order. */
  public static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** DynamoDB's binary order: unsigned bytes. */
  public static int compareBinary(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** DynamoDB's order of two key values of the same type (S, N or B). */
  public static int compare(AttributeValue a, AttributeValue b) {
    return switch (a) {
      case AttributeValue.S s when b instanceof AttributeValue.S t ->
          compareStrings(s.value(), t.value());
      case AttributeValue.N n when b instanceof AttributeValue.N m ->
          n.value().compareTo(m.value());
      case AttributeValue.B x when b instanceof AttributeValue.B y ->
          compareBinary(x.value(), y.value());
      default ->
          throw new IllegalArgumentException("not comparable: " + a.type() + ", " + b.type());
    };
  }

  /**
   * The encoding of an S or B value without its end marker: exactly the encodings of the values
   * that begin with it start with these bytes (begins_with on a sort key).
   */
  public static byte[] encodePrefix(AttributeValue value) {
    ByteWriter out = new ByteWriter(32);
    switch (value) {
      case AttributeValue.S s -> escapedBytes(s.value().getBytes(StandardCharsets.UTF_8), out);
      case AttributeValue.B b -> escapedBytes(b.value(), out);
      default -> throw new IllegalArgumentException("no prefix encoding for " + value.type());
    }
    return out.toByteArray();
  }

  private static void escaped(byte[] bytes, ByteWriter out) {
    escapedBytes(bytes, out);
    out.write(ESCAPE).write(END);
  }

  private static void escapedBytes(byte[] bytes, ByteWriter out) {
    for (byte b : bytes) {
      out.write(b);
      if (b == ESCAPE) {
        out.write(ESCAPED_ZERO);
      }
    }
  }

  private static Decoded unescaped(byte[] buf, int offset) {
    ByteWriter out = new ByteWriter(16);
    int i = offset;
    while (true) {
      int b = byteAt(buf, i++);
      if (b != ESCAPE) {
        out.write(b);
        continue;
      }
      int next = byteAt(buf, i++);
      if (next == END) {
        return new Decoded(new AttributeValue.B(out.toByteArray()), i);
      }
      if (next != ESCAPED_ZERO) {
        throw new IllegalArgumentException("corrupt key at " + (i - 1));
      }
      out.write(ESCAPE);
    }
  }

  private static void number(BigDecimal value, ByteWriter out) {
    if (value.signum() == 0) {
      out.write(ZERO);
      return;
    }
    if (!Numbers.isStorable(value)) {
      throw new IllegalArgumentException("not a DynamoDB number: " + value);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    boolean negative = stripped.signum() < 0;
    int flip = negative ? 0xFF : 0x00;
    String digits = stripped.unscaledValue().abs().toString();
    int exponent = (int) Numbers.adjustedExponent(stripped) - Numbers.MIN_EXPONENT;
    out.write(negative ? NEGATIVE : POSITIVE).write(exponent ^ flip);
    for (int i = 0; i < digits.length(); i += 2) {
      int high = digits.charAt(i) - '0';
      int low = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      out.write((high * 10 + low + 1) ^ flip);
    }
    out.write(DIGITS_END ^ flip);
  }

  private static Decoded number(byte[] buf, int offset) {
    int sign = byteAt(buf, offset);
    if (sign == ZERO) {
      return new Decoded(new AttributeValue.N(BigDecimal.ZERO), offset + 1);
    }
    if (sign != POSITIVE && sign != NEGATIVE) {
      throw new IllegalArgumentException("corrupt number at " + offset);
    }
    int flip = sign == NEGATIVE ? 0xFF : 0x00;
    int adjusted = (byteAt(buf, offset + 1) ^ flip) + Numbers.MIN_EXPONENT;
    StringBuilder digits = new StringBuilder();
    int i = offset + 2;
    for (int b = byteAt(buf, i++) ^ flip; b != DIGITS_END; b = byteAt(buf, i++) ^ flip) {
      if (b < 1 || b > 100) {
        throw new IllegalArgumentException("corrupt number at " + (i - 1));
      }
      int pair = b - 1;
      digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
    }
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("corrupt number at " + offset);
    }
    if (digits.charAt(digits.length() - 1) == '0') {
      digits.setLength(digits.length() - 1); // the pad of an odd digit count
    }
    BigInteger unscaled = new BigInteger(digits.toString());
    BigDecimal value =
        new BigDecimal(flip == 0 ? unscaled : unscaled.negate(), digits.length() - 1 - adjusted);
    return new Decoded(new AttributeValue.N(value), i);
  }

  private static int byteAt(byte[] buf, int i) {
    if (i >= buf.length) {
      throw new IllegalArgumentException("truncated key at " + i);
    }
    return buf[i] & 0xFF;
  }
}

package io.tributary.model.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes {@link Json} trees as compact UTF-8 JSON bytes, as a JSON generator would: strings
 * escaped as JSON requires ({@code "}, {@code \}, control characters) and nothing more, so that
 * non-ASCII text leaves as UTF-8.
 *
 * <p>A character outside the Basic Multilingual Plane leaves as its four UTF-8 bytes, not as two
 * {@code \\u} escapes; a lone surrogate, which has no UTF-8 form, as its escape.
 *
 * <p>Written by hand rather than through a generator because answers are mostly strings of
 * plain ASCII (names and values of items): such a string is copied as its bytes after one pass
 * that finds nothing to escape, where a generator copies it character by character.
 */
public final class JsonWriter {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** The bytes a string may hold as they are: ASCII but quote, backslash, controls and '?'. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int b = 0x20; b < 0x80; b++) {
      PLAIN[b] = b != '"' && b != '\\' && b != '?';
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf = new byte[512];
  private int size;

  private JsonWriter() {}

  public static byte[] write(Json value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value);
    return writer.toByteArray();
  }

  /**
   * A writer to write piece by piece, for callers that write JSON without building a tree (an
   * item written straight from its stored form); the caller puts the punctuation.
   */
  public static JsonWriter open() {
    return new JsonWriter();
  }

  /** The JSON written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void value(Json value) {
    switch (value) {
      case Json.Obj o -> {
        put((byte) '{');
        boolean first = true;
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
          if (!first) {
            put((byte) ',');
          }
          first = false;
          writeString(e.getKey());
          put((byte) ':');
          value(e.getValue());
        }
        put((byte) '}');
      }
      case Json.Arr a -> {
        put((byte) '[');
        for (int i = 0; i < a.elements().size(); i++) {
          if (i > 0) {
            put((byte) ',');
          }
          value(a.elements().get(i));
        }
        put((byte) ']');
      }
      case Json.Str s -> writeString(s.value());
      case Json.Num n -> ascii(n.text()); // the parser's or the engine's digits, signs and 'E'
      case Json.Bool b -> put(b.value() ? TRUE : FALSE);
      case Json.Null ignored -> put(NULL);
      case Json.Raw raw -> put(raw.utf8());
    }
  }

  /**
   * A JSON string of the UTF-8 text {@code length} bytes long at {@code from} in {@code utf8},
   * which must be valid UTF-8: only quotes, backslashes and control characters need escaping.
   */
  public JsonWriter utf8String(byte[] utf8, int from, int length) {
    put((byte) '"');
    int end = from + length;
    int i = from;
    while (i + 8 <= end && !mightNeedEscaping((long) LONGS.get(utf8, i))) {
      i += 8;
    }
    ensure(end - from);
    System.arraycopy(utf8, from, buf, size, i - from);
    size += i - from;
    for (; i < end; i++) {
      byte b = utf8[i];
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        escape((char) b);
      } else {
        put(b);
      }
    }
    put((byte) '"');
    return this;
  }

  private void writeString(String s) {
    put((byte) '"');
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (plainAscii(utf8, s)) {
      put(utf8);
    } else {
      escaped(s);
    }
    put((byte) '"');
  }

  /**
   * True when {@code utf8} is {@code s} in plain ASCII with nothing to escape: no quote,
   * backslash or control character. With one byte per character, every character is ASCII or a
   * lone surrogate, which the encoder turned into '?': a '?' must be one in {@code s} too.
   */
  private static boolean plainAscii(byte[] utf8, String s) {
    if (utf8.length != s.length()) {
      return false;
    }
    int i = 0;
    // Eight bytes at a time; a word with anything that might need a look gets one byte by byte.
    for (; i + 8 <= utf8.length; i += 8) {
      if (mightNeedALook((long) LONGS.get(utf8, i)) && !plainBytes(utf8, s, i, i + 8)) {
        return false;
      }
    }
    return plainBytes(utf8, s, i, utf8.length);
  }

  private static boolean plainBytes(byte[] utf8, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!PLAIN[utf8[i] & 0xff] && (utf8[i] != '?' || s.charAt(i) != '?')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether any of the eight bytes is non-ASCII, a control character, a quote, a backslash or a
   * '?' (the classic zero-byte and less-than tests on a word; a false alarm only costs a look).
   */
  private static boolean mightNeedALook(long x) {
    long high = 0x8080808080808080L;
    long controls = (x - 0x2020202020202020L) & ~x;
    return ((x | controls | zeroByte(x ^ 0x2222222222222222L) | zeroByte(x ^ 0x5c5c5c5c5c5c5c5cL)
                | zeroByte(x ^ 0x3f3f3f3f3f3f3f3fL))
            & high)
        != 0;
  }

  /** Whether any of the eight UTF-8 bytes is a control character, a quote or a backslash. */
  private static boolean mightNeedEscaping(long x) {
    long controls = (x - 0x2020202020202020L) & ~x;
    return ((controls | zeroByte(x ^ 0x2222222222222222L) | zeroByte(x ^ 0x5c5c5c5c5c5c5c5cL))
            & 0x8080808080808080L)
        != 0;
  }

  private static long zeroByte(long v) {
    return (v - 0x0101010101010101L) & ~v;
  }

  /**
   * The slow path, character by character: escapes, UTF-8 for non-ASCII, and a lone surrogate
   * (which has no UTF-8 form) as its {@code \\uXXXX} escape.
   */
  private void escaped(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\' || c < 0x20) {
          escape(c);
        } else {
          put((byte) c);
        }
      } else if (c < 0x800) {
        ensure(2);
        buf[size++] = (byte) (0xc0 | (c >> 6));
        buf[size++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4);
        buf[size++] = (byte) (0xf0 | (cp >> 18));
        buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[size++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        unicodeEscape(c);
      } else {
        ensure(3);
        buf[size++] = (byte) (0xe0 | (c >> 12));
        buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[size++] = (byte) (0x80 | (c & 0x3f));
      }
    }
  }

  /** A quote, a backslash or a control character, escaped. */
  private void escape(char c) {
    switch (c) {
      case '"' -> put2('\\', '"');
      case '\\' -> put2('\\', '\\');
      case '\n' -> put2('\\', 'n');
      case '\r' -> put2('\\', 'r');
      case '\t' -> put2('\\', 't');
      case '\b' -> put2('\\', 'b');
      case '\f' -> put2('\\', 'f');
      default -> unicodeEscape(c);
    }
  }

  private void unicodeEscape(char c) {
    ensure(6);
    buf[size++] = '\\';
    buf[size++] = 'u';
    buf[size++] = HEX[(c >> 12) & 0xf];
    buf[size++] = HEX[(c >> 8) & 0xf];
    buf[size++] = HEX[(c >> 4) & 0xf];
    buf[size++] = HEX[c & 0xf];
  }

  /**
   * ASCII text as it is: punctuation, {@code true}, a number's text, base64. Nothing is escaped.
   */
  public JsonWriter ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      buf[size++] = (byte) text.charAt(i);
    }
    return this;
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  private void put2(char a, char b) {
    ensure(2);
    buf[size++] = (byte) a;
    buf[size++] = (byte) b;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}

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
 * <p>Written by hand rather than through a generator because answers are mostly strings (names
 * and values of items): a string's UTF-8 bytes are copied in runs, eight bytes looked at a time
 * for what needs escaping, where a generator copies it character by character.
 */
public final class JsonWriter {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf = new byte[512];
  private int size;

  private JsonWriter() {}

  public static byte[] write(Json value) {
    JsonWriter writer = open(512 + rawLength(value));
    writer.value(value);
    return writer.toByteArray();
  }

  /**
   * The bytes of pre-written JSON in the tree: most of an answer that holds any (a page of items),
   * so the buffer is made big enough at once rather than doubled and copied on the way.
   */
  private static int rawLength(Json value) {
    return switch (value) {
      case Json.Raw raw -> raw.length();
      case Json.Obj o -> {
        int length = 0;
        for (Json member : o.members().values()) {
          length += rawLength(member);
        }
        yield length;
      }
      case Json.Arr a -> {
        int length = 0;
        for (Json element : a.elements()) {
          length += rawLength(element);
        }
        yield length;
      }
      default -> 0;
    };
  }

  /**
   * A writer to write piece by piece, for callers that write JSON without building a tree (an
   * item written straight from its stored form); the caller puts the punctuation.
   */
  public static JsonWriter open(int expectedSize) {
    JsonWriter writer = new JsonWriter();
    writer.buf = new byte[Math.max(16, expectedSize)];
    return writer;
  }

  /** The JSON written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** The JSON written so far, handing over the buffer: nothing may be written after. */
  public Json.Raw toRaw() {
    Json.Raw raw = new Json.Raw(buf, size);
    buf = null;
    return raw;
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
      case Json.Raw raw -> put(raw.utf8(), 0, raw.length());
    }
  }

  /**
   * A JSON string of the UTF-8 text {@code length} bytes long at {@code from} in {@code utf8},
   * which must be valid UTF-8: only quotes, backslashes and control characters need escaping.
   * Eight bytes at a time; the runs between escapes are copied whole.
   */
  public JsonWriter utf8String(byte[] utf8, int from, int length) {
    put((byte) '"');
    int end = from + length;
    int copied = from;
    int i = from;
    while (i < end) {
      if (i + 8 <= end && !mightNeedEscaping((long) LONGS.get(utf8, i))) {
        i += 8;
        continue;
      }
      for (int stop = Math.min(i + 8, end); i < stop; i++) {
        byte b = utf8[i];
        if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
          put(utf8, copied, i);
          escape((char) b);
          copied = i + 1;
        }
      }
    }
    put(utf8, copied, end);
    put((byte) '"');
    return this;
  }

  /**
   * A string: its UTF-8 bytes written as {@link #utf8String} writes them, unless it holds a lone
   * surrogate, which has no UTF-8 form (the encoder made it a '?'): then character by character.
   */
  private void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (!holdsQuestionMark(utf8) || !holdsLoneSurrogate(s)) {
      utf8String(utf8, 0, utf8.length);
    } else {
      put((byte) '"');
      escaped(s);
      put((byte) '"');
    }
  }

  private static boolean holdsQuestionMark(byte[] utf8) {
    int i = 0;
    for (; i + 8 <= utf8.length; i += 8) {
      if ((zeroByte((long) LONGS.get(utf8, i) ^ 0x3f3f3f3f3f3f3f3fL) & 0x8080808080808080L) != 0) {
        return true;
      }
    }
    for (; i < utf8.length; i++) {
      if (utf8[i] == '?') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} is not valid UTF-16: a surrogate without its other half. */
  static boolean holdsLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
    put(bytes, 0, bytes.length);
  }

  private void put(byte[] bytes, int from, int to) {
    ensure(to - from);
    System.arraycopy(bytes, from, buf, size, to - from);
    size += to - from;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}

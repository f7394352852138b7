package io.tributary.model.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value, as requests arrive and responses leave. Numbers keep their text so that
 * nothing is rounded on the way through.
 */
public sealed interface Json {

  /** A JSON object; members in the order they appeared. */
  record Obj(Map<String, Json> members) implements Json {
    public Json get(String name) {
      return members.get(name);
    }
  }

  record Arr(List<Json> elements) implements Json {}

  record Str(String value) implements Json {}

  /** A JSON number, exactly as written. */
  record Num(String text) implements Json {}

  record Bool(boolean value) implements Json {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);
  }

  /**
   * A value already written as JSON text (UTF-8), which {@link JsonWriter} copies as it is. Only
   * answers hold one (an item a page wrote straight from its stored form); requests never do. The
   * text is the first {@code length} bytes of {@code utf8}: a writer's buffer is handed over
   * without a copy (see {@link JsonWriter#toRaw}).
   */
  record Raw(byte[] utf8, int length) implements Json {
    public Raw {
      if (length < 0 || length > utf8.length) {
        throw new IllegalArgumentException("length " + length + " of " + utf8.length + " bytes");
      }
    }

    /** The text's bytes, exactly. */
    public byte[] text() {
      return length == utf8.length ? utf8 : Arrays.copyOf(utf8, length);
    }
  }

  record Null() implements Json {
    public static final Null INSTANCE = new Null();
  }
}

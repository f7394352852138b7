package io.tributary.triggers.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of log groups, streams and events in the store's triggers keyspace, all under {@code
 * log/} so that other parts of the triggers can share the keyspace. These bytes are on disk: never
 * change them.
 *
 * <pre>
 *   log/g/&lt;region&gt;&lt;group&gt;                                    a log group
 *   log/s/&lt;region&gt;&lt;group&gt;&lt;stream&gt;                            a log stream
 *   log/e/&lt;region&gt;&lt;group&gt;&lt;stream&gt;&lt;timestamp&gt;&lt;sequence&gt;       an event
 *   log/sequence                                             the events' sequence mark
 * </pre>
 *
 * <p>Names are UTF-8, each followed by a 0x00 terminator; inside a name, 0x00 is written 0x01 0x01
 * and 0x01 is written 0x01 0x02, so no escaped name holds a 0x00. Keys then sort by region, group
 * and stream name; everything under one name lies between {@code <name> 0x00} and {@code <name>
 * 0x01}, apart from the keys of every other name, a longer one that starts with it included; and
 * the escaped form of a prefix is a byte prefix of the escaped form of every name that starts with
 * it. Timestamps and sequences are 8 bytes big-endian with the sign bit flipped, so events sort by
 * (timestamp, sequence) within their stream.
 */
final class LogKeys {
  private static final byte[] GROUP = ascii("log/g/");
  private static final byte[] STREAM = ascii("log/s/");
  private static final byte[] EVENT = ascii("log/e/");
  static final byte[] SEQUENCE = ascii("log/sequence");

  private LogKeys() {}

  static byte[] group(String region, String group) {
    return new KeyWriter(GROUP).name(region).name(group).bytes();
  }

  /** The start of the range of the region's groups whose names start with {@code prefix}. */
  static byte[] groupsFrom(String region, String prefix) {
    return new KeyWriter(GROUP).name(region).prefix(prefix).bytes();
  }

  static byte[] stream(String region, String group, String stream) {
    return new KeyWriter(STREAM).name(region).name(group).name(stream).bytes();
  }

  /** The start of the range of the group's streams whose names start with {@code prefix}. */
  static byte[] streamsFrom(String region, String group, String prefix) {
    return new KeyWriter(STREAM).name(region).name(group).prefix(prefix).bytes();
  }

  /** The start of the group's events, of all its streams. */
  static byte[] groupEvents(String region, String group) {
    return new KeyWriter(EVENT).name(region).name(group).bytes();
  }

  /** The start of the stream's events. */
  static byte[] events(String region, String group, String stream) {
    return new KeyWriter(EVENT).name(region).name(group).name(stream).bytes();
  }

  /** The key of the stream's event at {@code position}. */
  static byte[] event(byte[] streamEvents, EventPosition position) {
    byte[] key = Arrays.copyOf(streamEvents, streamEvents.length + 16);
    putLong(key, streamEvents.length, position.timestamp());
    putLong(key, streamEvents.length + 8, position.sequence());
    return key;
  }

  /** The position of an event whose key starts with {@code streamEvents}. */
  static EventPosition position(byte[] streamEvents, byte[] eventKey) {
    return new EventPosition(
        getLong(eventKey, streamEvents.length), getLong(eventKey, streamEvents.length + 8));
  }

  /**
   * The name that a group or stream key ends with: the one that follows {@code parent}, such as
   * {@code groupsFrom(region, "")} or {@code streamsFrom(region, group, "")}.
   */
  static String nameAfter(byte[] parent, byte[] key) {
    ByteArrayOutputStream name = new ByteArrayOutputStream();
    for (int i = parent.length; i < key.length && key[i] != 0; i++) {
      if (key[i] == 1) {
        name.write(key[++i] - 1);
      } else {
        name.write(key[i]);
      }
    }
    return name.toString(StandardCharsets.UTF_8);
  }

  /**
   * The first key after every key that starts with {@code prefix}: the exclusive end of a prefix
   * scan.
   */
  static byte[] end(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    throw new IllegalArgumentException("no key follows a prefix of 0xFF bytes only");
  }

  static byte[] encodeLong(long value) {
    byte[] bytes = new byte[8];
    putLong(bytes, 0, value);
    return bytes;
  }

  static long decodeLong(byte[] bytes, int offset) {
    return getLong(bytes, offset);
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    long flipped = value ^ Long.MIN_VALUE;
    for (int i = 7; i >= 0; i--) {
      bytes[offset + i] = (byte) flipped;
      flipped >>>= 8;
    }
  }

  private static long getLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFF);
    }
    return value ^ Long.MIN_VALUE;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Appends names to a key. */
  private static final class KeyWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    KeyWriter(byte[] kind) {
      out.writeBytes(kind);
    }

    KeyWriter name(String name) {
      prefix(name);
      out.write(0);
      return this;
    }

    /** A name without its terminator: what every name that starts with it begins with. */
    KeyWriter prefix(String name) {
      for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
        if (b == 0 || b == 1) {
          out.write(1);
          out.write(b + 1);
        } else {
          out.write(b);
        }
      }
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}

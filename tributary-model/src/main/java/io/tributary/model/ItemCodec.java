package io.tributary.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of a stored item. Layout (version 1): the version byte, then an attribute
 * map. A map is a varint count and, per entry, a varint-length UTF-8 name and a value. A value is a
 * {@link Tag} byte and its payload: strings and binaries as varint length plus bytes; numbers as a
 * zigzag-varint scale and a varint-length two's-complement unscaled value (exact, scale included);
 * L, SS, NS and BS as a varint count and their members; M as a map. Attribute order is kept.
 */
public final class ItemCodec {
  /** Written to disk as the first byte of every item: never reuse a retired version. */
  public static final int VERSION = 1;

  /** Value tags. Written to disk: never reorder or reuse a code. */
  public enum Tag {
    S(1),
    N(2),
    B(3),
    BOOL_FALSE(4),
    BOOL_TRUE(5),
    NULL(6),
    L(7),
    M(8),
    SS(9),
    NS(10),
    BS(11);

    private static final Tag[] BY_CODE = new Tag[12];

    static {
      for (Tag tag : values()) {
        BY_CODE[tag.code] = tag;
      }
    }

    public final int code;

    Tag(int code) {
      this.code = code;
    }

    /** The tag of a stored code; an unknown one is corruption. */
    static Tag of(int code) {
      Tag tag = code < BY_CODE.length ? BY_CODE[code] : null;
      if (tag == null) {
        throw new IllegalArgumentException("unknown value tag " + code);
      }
      return tag;
    }
  }

  private ItemCodec() {}

  public static byte[] encode(Map<String, AttributeValue> item) {
    ByteWriter out = new ByteWriter(128);
    out.write(VERSION);
    map(item, out);
    return out.toByteArray();
  }

  public static Map<String, AttributeValue> decode(byte[] bytes) {
    Reader in = new Reader(bytes);
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown item format version " + version);
    }
    Map<String, AttributeValue> item = in.map();
    if (in.pos != bytes.length) {
      throw new IllegalArgumentException("trailing bytes after item at " + in.pos);
    }
    return item;
  }

  private static void map(Map<String, AttributeValue> map, ByteWriter out) {
    out.writeVarint(map.size());
    map.forEach(
        (name, value) -> {
          bytes(name.getBytes(StandardCharsets.UTF_8), out);
          value(value, out);
        });
  }

  private static void value(AttributeValue value, ByteWriter out) {
    switch (value) {
      case AttributeValue.S s ->
          bytes(s.value().getBytes(StandardCharsets.UTF_8), out.write(Tag.S.code));
      case AttributeValue.N n -> number(n.value(), out.write(Tag.N.code));
      case AttributeValue.B b -> bytes(b.value(), out.write(Tag.B.code));
      case AttributeValue.Bool b -> out.write(b.value() ? Tag.BOOL_TRUE.code : Tag.BOOL_FALSE.code);
      case AttributeValue.Null n -> out.write(Tag.NULL.code);
      case AttributeValue.L l -> {
        out.write(Tag.L.code).writeVarint(l.values().size());
        l.values().forEach(v -> value(v, out));
      }
      case AttributeValue.M m -> map(m.values(), out.write(Tag.M.code));
      case AttributeValue.SS ss -> {
        out.write(Tag.SS.code).writeVarint(ss.values().size());
        ss.values().forEach(s -> bytes(s.getBytes(StandardCharsets.UTF_8), out));
      }
      case AttributeValue.NS ns -> {
        out.write(Tag.NS.code).writeVarint(ns.values().size());
        ns.values().forEach(n -> number(n, out));
      }
      case AttributeValue.BS bs -> {
        out.write(Tag.BS.code).writeVarint(bs.values().size());
        bs.values().forEach(b -> bytes(b, out));
      }
    }
  }

  private static void bytes(byte[] bytes, ByteWriter out) {
    out.writeVarint(bytes.length).write(bytes);
  }

  private static void number(BigDecimal n, ByteWriter out) {
    out.writeZigzag(n.scale());
    bytes(n.unscaledValue().toByteArray(), out);
  }

  /** A cursor over an encoded item; every read checks bounds so corrupt input fails cleanly. */
  static final class Reader {
    final byte[] buf;
    int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    Map<String, AttributeValue> map() {
      int count = count();
      Map<String, AttributeValue> map = LinkedHashMap.newLinkedHashMap(count);
      for (int i = 0; i < count; i++) {
        String name = string();
        map.put(name, value());
      }
      return Collections.unmodifiableMap(map);
    }

    AttributeValue value() {
      return switch (Tag.of(readByte())) {
        case S -> new AttributeValue.S(string());
        case N -> new AttributeValue.N(number());
        case B -> new AttributeValue.B(bytes());
        case BOOL_FALSE -> AttributeValue.Bool.FALSE;
        case BOOL_TRUE -> AttributeValue.Bool.TRUE;
        case NULL -> AttributeValue.Null.INSTANCE;
        case L -> {
          int count = count();
          List<AttributeValue> values = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            values.add(value());
          }
          yield new AttributeValue.L(Collections.unmodifiableList(values));
        }
        case M -> new AttributeValue.M(map());
        case SS -> {
          int count = count();
          List<String> values = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            values.add(string());
          }
          yield new AttributeValue.SS(Collections.unmodifiableList(values));
        }
        case NS -> {
          int count = count();
          List<BigDecimal> values = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            values.add(number());
          }
          yield new AttributeValue.NS(Collections.unmodifiableList(values));
        }
        case BS -> {
          int count = count();
          List<byte[]> values = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            values.add(bytes());
          }
          yield new AttributeValue.BS(Collections.unmodifiableList(values));
        }
      };
    }

    BigDecimal number() {
      long scale = zigzag();
      // A stored number was written out in a request no larger than an item: a scale beyond
      // that is corruption (and would make its text gigabytes long).
      if (Math.abs(scale) > ItemSize.MAX_ITEM_SIZE) {
        throw new IllegalArgumentException("corrupt number scale at " + pos);
      }
      byte[] unscaled = bytes();
      if (unscaled.length == 0) {
        throw new IllegalArgumentException("corrupt number at " + pos);
      }
      return new BigDecimal(new BigInteger(unscaled), (int) scale);
    }

    String string() {
      int length = count();
      String out = new String(buf, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return out;
    }

    byte[] bytes() {
      int length = count();
      byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + length);
      pos += length;
      return out;
    }

    /** A varint count or length, which cannot exceed the bytes left. */
    int count() {
      long value = varint();
      if (value < 0 || value > buf.length - pos) {
        throw new IllegalArgumentException("corrupt length " + value + " at " + pos);
      }
      return (int) value;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("corrupt varint at " + pos);
    }

    long zigzag() {
      long raw = varint();
      return (raw >>> 1) ^ -(raw & 1);
    }

    int readByte() {
      if (pos >= buf.length) {
        throw new IllegalArgumentException("truncated item at " + pos);
      }
      return buf[pos++] & 0xFF;
    }
  }
}

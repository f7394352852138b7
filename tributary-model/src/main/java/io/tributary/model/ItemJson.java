package io.tributary.model;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import java.math.BigDecimal;

/**
 * An item's DynamoDB JSON written straight from its stored form ({@link ItemCodec}), with its
 * size as {@link ItemSize} counts it, without making its attribute values: what a Scan or Query
 * page answers with when it neither filters nor projects. The JSON is byte for byte what {@link
 * AttributeValues#mapToJson} and {@link JsonWriter} make of the decoded item; strings, stored as
 * UTF-8, are copied as they are unless they hold something to escape.
 */
public final class ItemJson {
  /** What each value starts with: {"S":, {"BOOL": and so on, by tag. */
  private static final String[] OPENING = new String[ItemCodec.Tag.values().length];

  static {
    for (ItemCodec.Tag tag : ItemCodec.Tag.values()) {
      String type =
          switch (tag) {
            case BOOL_FALSE, BOOL_TRUE -> "BOOL";
            default -> tag.name();
          };
      OPENING[tag.ordinal()] = "{\"" + type + "\":";
    }
  }

  private ItemJson() {}

  /** An item written as JSON, and its size. */
  public record Written(Json.Raw json, long size) {}

  /**
   * @throws IllegalArgumentException if {@code stored} is not an item {@link ItemCodec} wrote
   */
  public static Written of(byte[] stored) {
    JsonWriter out = JsonWriter.open(expectedSize(stored));
    long size = write(stored, out);
    return new Written(out.toRaw(), size);
  }

  /**
   * Writes the item to {@code out} (a page writes all its items to one writer) and returns its
   * size.
   *
   * @throws IllegalArgumentException if {@code stored} is not an item {@link ItemCodec} wrote
   */
  public static long write(byte[] stored, JsonWriter out) {
    ItemCodec.Reader in = new ItemCodec.Reader(stored);
    int version = in.readByte();
    if (version != ItemCodec.VERSION) {
      throw new IllegalArgumentException("unknown item format version " + version);
    }
    long size = members(in, out, in.count());
    if (in.pos != stored.length) {
      throw new IllegalArgumentException("trailing bytes after item at " + in.pos);
    }
    return size;
  }

  /** About how long an item's JSON is: its stored form plus type names and punctuation. */
  public static int expectedSize(byte[] stored) {
    return stored.length + stored.length / 4 + 64;
  }

  /** An attribute map of {@code count} members: {"name":value,...}; returns their size. */
  private static long members(ItemCodec.Reader in, JsonWriter out, int count) {
    long size = 0;
    out.ascii("{");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.ascii(",");
      }
      size += string(in, out);
      out.ascii(":");
      size += value(in, out);
    }
    out.ascii("}");
    return size;
  }

  /** One value: {"S":"..."} and the like; returns its size. */
  private static long value(ItemCodec.Reader in, JsonWriter out) {
    ItemCodec.Tag tag = ItemCodec.Tag.of(in.readByte());
    out.ascii(OPENING[tag.ordinal()]);
    long size =
        switch (tag) {
          case S -> string(in, out);
          case N -> number(in, out);
          case B -> binary(in, out);
          case BOOL_FALSE -> {
            out.ascii("false");
            yield 1;
          }
          case BOOL_TRUE, NULL -> {
            out.ascii("true");
            yield 1;
          }
          case L -> 3 + elements(in, out, (r, w) -> 1 + value(r, w));
          case M -> {
            int count = in.count();
            yield 3 + count + members(in, out, count);
          }
          case SS -> elements(in, out, ItemJson::string);
          case NS -> elements(in, out, ItemJson::number);
          case BS -> elements(in, out, ItemJson::binary);
        };
    out.ascii("}");
    return size;
  }

  private interface Member {
    long write(ItemCodec.Reader in, JsonWriter out);
  }

  /** A list or a set: [member,...]; returns the members' sizes added up. */
  private static long elements(ItemCodec.Reader in, JsonWriter out, Member member) {
    int count = in.count();
    long size = 0;
    out.ascii("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.ascii(",");
      }
      size += member.write(in, out);
    }
    out.ascii("]");
    return size;
  }

  /** A string, copied from its stored UTF-8; its size is its UTF-8 length. */
  private static long string(ItemCodec.Reader in, JsonWriter out) {
    int length = in.count();
    out.utf8String(in.buf, in.pos, length);
    in.pos += length;
    return length;
  }

  private static long number(ItemCodec.Reader in, JsonWriter out) {
    BigDecimal n = in.number();
    out.ascii("\"").ascii(Numbers.toText(n)).ascii("\"");
    return ItemSize.ofNumber(n);
  }

  private static long binary(ItemCodec.Reader in, JsonWriter out) {
    byte[] bytes = in.bytes();
    out.ascii("\"").ascii(Base64Text.encode(bytes)).ascii("\"");
    return bytes.length;
  }
}

package io.tributary.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item's size as DynamoDB measures it against the 400 KB limit and for capacity: each
 * attribute's UTF-8 name plus its value. See the developer guide's "DynamoDB item sizes and
 * formats"; the number rule there is approximate, and the exact one is below.
 */
public final class ItemSize {
  /** An item of exactly this many bytes is accepted; one more byte is refused. */
  public static final long MAX_ITEM_SIZE = 400 * 1024;

  /** The refusal on the put paths (PutItem, BatchWriteItem, a transacted Put, PartiQL INSERT). */
  public static final String EXCEEDED = "Item size has exceeded the maximum allowed size";

  /** The refusal on the update paths (UpdateItem, a transacted Update, PartiQL UPDATE). */
  public static final String UPDATE_EXCEEDED =
      "Item size to update has exceeded the maximum allowed size";

  private ItemSize() {}

  public static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8Length(attribute.getKey()) + of(attribute.getValue());
    }
    return size;
  }

  /** One value's size, without its name. */
  public static long of(AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> utf8Length(s.value());
      case AttributeValue.N n -> ofNumber(n.value());
      case AttributeValue.B b -> b.value().length;
      case AttributeValue.Bool b -> 1;
      case AttributeValue.Null n -> 1;
      case AttributeValue.L l -> {
        long size = 3;
        for (AttributeValue element : l.values()) {
          size += 1 + of(element);
        }
        yield size;
      }
      case AttributeValue.M m -> 3 + m.values().size() + of(m.values());
      case AttributeValue.SS ss -> ss.values().stream().mapToLong(ItemSize::utf8Length).sum();
      case AttributeValue.NS ns -> ns.values().stream().mapToLong(ItemSize::ofNumber).sum();
      case AttributeValue.BS bs -> bs.values().stream().mapToLong(b -> b.length).sum();
    };
  }

  /**
   * A number's size: 1 byte of exponent, 1 byte per base-100 digit (significant digits grouped in
   * pairs aligned on the decimal point, so 1.5 needs two pairs and 15 one), and 1 byte more for a
   * negative number; zero is 1 byte. This matches every figure measured against DynamoDB (e.g. 12
   * is 2, 123 is 3, 3.14159 is 5, 1E125 is 2, -42 is 3).
   */
  public static long ofNumber(BigDecimal value) {
    if (value.signum() == 0) {
      return 1;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    long first = Numbers.adjustedExponent(stripped);
    long last = first - stripped.precision() + 1;
    long pairs = Math.floorDiv(first, 2) - Math.floorDiv(last, 2) + 1;
    return 1 + pairs + (value.signum() < 0 ? 1 : 0);
  }

  /** Throws DynamoDB's put-path refusal when the item is over the limit. */
  public static void requireWithinLimit(Map<String, AttributeValue> item) {
    if (of(item) > MAX_ITEM_SIZE) {
      throw DynamoDbException.validation(EXCEEDED);
    }
  }

  static long utf8Length(String s) {
    long length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}

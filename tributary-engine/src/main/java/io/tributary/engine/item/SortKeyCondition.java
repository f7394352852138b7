package io.tributary.engine.item;

import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.util.Arrays;

/**
 * The sort-key part of a Query's key condition. {@code high} is used by BETWEEN only.
 */
public record SortKeyCondition(Operator operator, AttributeValue low, AttributeValue high) {

  /** The operators a key condition allows on a sort key. */
  public enum Operator {
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH
  }

  /**
   * The storage keys of one partition's items that meet this condition. The sort key comes last
   * in a storage key and its encoding is order-preserving and self-delimiting, so every operator
   * is one contiguous range.
   */
  public KeyRange range(long tableId, AttributeValue partitionKey) {
    byte[] partition = ItemKeys.partitionPrefix(tableId, partitionKey);
    byte[] partitionEnd = KeyRange.prefixEnd(partition);
    return switch (operator) {
      case EQ -> new KeyRange(at(partition, low), KeyRange.successor(at(partition, low)));
      case LT -> new KeyRange(partition, at(partition, low));
      case LE -> new KeyRange(partition, KeyRange.successor(at(partition, low)));
      case GT -> new KeyRange(KeyRange.successor(at(partition, low)), partitionEnd);
      case GE -> new KeyRange(at(partition, low), partitionEnd);
      case BETWEEN -> new KeyRange(at(partition, low), KeyRange.successor(at(partition, high)));
      case BEGINS_WITH -> {
        byte[] start = concat(partition, KeyEncoding.encodePrefix(low));
        yield new KeyRange(start, start.length == partition.length ? partitionEnd : KeyRange.prefixEnd(start));
      }
    };
  }

  private static byte[] at(byte[] partition, AttributeValue sortKey) {
    return concat(partition, KeyEncoding.encode(sortKey));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

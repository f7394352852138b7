package io.tributary.engine.item;

import io.tributary.engine.table.IndexDefinition;
import io.tributary.expressions.CompositeKeyCondition;
import io.tributary.expressions.KeyCondition;
import io.tributary.expressions.SortKeyCondition;
import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The storage keys a Query reads: one partition, narrowed by the sort-key condition. The sort key
 * comes last in a storage key and its encoding is order-preserving and self-delimiting, so every
 * operator is one contiguous range.
 */
public final class QueryRange {
  private QueryRange() {}

  /**
   * @param tableId the table's id, or an index's: an index entry key continues past the index
   *     sort key with the table key, which is why the bounds after a sort key are prefix ends
   */
  public static KeyRange of(long tableId, KeyCondition condition) {
    return within(
        ItemKeys.partitionPrefix(tableId, condition.partitionKeyValue()),
        condition.sortKeyCondition());
  }

  /**
   * The entries of a multi-attribute index key: the partition of the HASH values, narrowed to
   * the leading RANGE values given, then by the condition on the next RANGE attribute.
   */
  public static KeyRange of(IndexDefinition index, CompositeKeyCondition condition) {
    Map<String, AttributeValue> hashValues = new HashMap<>();
    for (int i = 0; i < index.hashKeys().size(); i++) {
      hashValues.put(index.hashKeys().get(i).name(), condition.hashValues().get(i));
    }
    byte[] prefix = IndexEntries.prefix(index, hashValues);
    for (AttributeValue v : condition.rangeEqualities()) {
      prefix = concat(prefix, KeyEncoding.encode(v));
    }
    return within(prefix, condition.last());
  }

  /** The keys under {@code partition} whose next encoded value satisfies {@code sort}. */
  private static KeyRange within(byte[] partition, SortKeyCondition sort) {
    byte[] partitionEnd = KeyRange.prefixEnd(partition);
    if (sort == null) {
      return new KeyRange(partition, partitionEnd);
    }
    AttributeValue low = sort.values().get(0);
    return switch (sort.operator()) {
      case EQ -> new KeyRange(at(partition, low), KeyRange.prefixEnd(at(partition, low)));
      case LT -> new KeyRange(partition, at(partition, low));
      case LE -> new KeyRange(partition, KeyRange.prefixEnd(at(partition, low)));
      case GT -> new KeyRange(KeyRange.prefixEnd(at(partition, low)), partitionEnd);
      case GE -> new KeyRange(at(partition, low), partitionEnd);
      case BETWEEN ->
          new KeyRange(at(partition, low), KeyRange.prefixEnd(at(partition, sort.values().get(1))));
      case BEGINS_WITH -> {
        byte[] start = concat(partition, KeyEncoding.encodePrefix(low));
        yield new KeyRange(
            start, start.length == partition.length ? partitionEnd : KeyRange.prefixEnd(start));
      }
      default -> throw new IllegalArgumentException("not a sort key operator: " + sort.operator());
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

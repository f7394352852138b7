package io.tributary.engine.item;

import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Storage keys of items (DESIGN.md §5): {@code tableId · hash(partitionKey) · enc(partitionKey) ·
 * enc(sortKey)}. The hash prefix gives DynamoDB's scan order and keeps one partition key's items
 * together in sort-key order.
 */
public final class ItemKeys {
  private ItemKeys() {}

  public static byte[] of(long tableId, PrimaryKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.writeBytes(partitionPrefix(tableId, key.partitionKey()));
    if (key.sortKey() != null) {
      out.writeBytes(KeyEncoding.encode(key.sortKey()));
    }
    return out.toByteArray();
  }

  /** Every item of one partition key, in sort-key order. */
  public static KeyRange partition(long tableId, AttributeValue partitionKey) {
    byte[] prefix = partitionPrefix(tableId, partitionKey);
    return new KeyRange(prefix, KeyRange.prefixEnd(prefix));
  }

  /** The storage-key prefix of one partition key's items. */
  public static byte[] partitionPrefix(long tableId, AttributeValue partitionKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.writeBytes(
        ByteBuffer.allocate(16)
            .putLong(tableId)
            .putLong(KeyEncoding.partitionHash(partitionKey))
            .array());
    out.writeBytes(KeyEncoding.encode(partitionKey));
    return out.toByteArray();
  }

  /**
   * Parallel-scan segment {@code segment} of {@code total}: a contiguous range of the partition
   * hash, so the segments are disjoint and together cover the table.
   */
  public static KeyRange segment(long tableId, int segment, int total) {
    byte[] from = segment == 0 ? tableStart(tableId) : hashBoundary(tableId, segment, total);
    byte[] to = segment == total - 1 ? tableEnd(tableId) : hashBoundary(tableId, segment + 1, total);
    return new KeyRange(from, to);
  }

  /** The whole table. */
  public static KeyRange table(long tableId) {
    return new KeyRange(tableStart(tableId), tableEnd(tableId));
  }

  private static byte[] hashBoundary(long tableId, int segment, int total) {
    // segment * 2^64 / total, as an unsigned 64-bit hash value.
    long boundary =
        java.math.BigInteger.valueOf(segment)
            .shiftLeft(64)
            .divide(java.math.BigInteger.valueOf(total))
            .longValue();
    return ByteBuffer.allocate(16).putLong(tableId).putLong(boundary).array();
  }

  /** The first key of table {@code tableId}'s items. */
  public static byte[] tableStart(long tableId) {
    return ByteBuffer.allocate(8).putLong(tableId).array();
  }

  /** The first key after table {@code tableId}'s items. */
  public static byte[] tableEnd(long tableId) {
    return ByteBuffer.allocate(8).putLong(tableId + 1).array();
  }
}

package io.tributary.engine.item;

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
    out.writeBytes(ByteBuffer.allocate(16)
        .putLong(tableId)
        .putLong(KeyEncoding.partitionHash(key.partitionKey()))
        .array());
    out.writeBytes(KeyEncoding.encode(key.partitionKey()));
    if (key.sortKey() != null) {
      out.writeBytes(KeyEncoding.encode(key.sortKey()));
    }
    return out.toByteArray();
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

package io.tributary.engine.item;

/** A range of storage keys: {@code from} inclusive, {@code to} exclusive. */
public record KeyRange(byte[] from, byte[] to) {

  /** The smallest key greater than {@code key}: the key followed by a zero byte. */
  public static byte[] successor(byte[] key) {
    byte[] next = new byte[key.length + 1];
    System.arraycopy(key, 0, next, 0, key.length);
    return next;
  }

  /** The smallest key greater than every key that starts with {@code prefix}. */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = java.util.Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    throw new IllegalArgumentException("no key follows a prefix of 0xff bytes");
  }

  /** This range with its start moved past {@code key} (for ExclusiveStartKey). */
  public KeyRange after(byte[] key) {
    return new KeyRange(successor(key), to);
  }

  /** This range ending before {@code key} (ExclusiveStartKey of a backward query). */
  public KeyRange before(byte[] key) {
    return new KeyRange(from, key);
  }
}

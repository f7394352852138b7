package io.tributary.storage;

/**
 * A cursor over entries. {@link #next} moves to the next entry and returns false at the end; the
 * arrays returned by {@link #key} and {@link #value} belong to the caller.
 */
public interface EntryIterator extends AutoCloseable {
  boolean next();

  byte[] key();

  byte[] value();

  @Override
  void close();
}

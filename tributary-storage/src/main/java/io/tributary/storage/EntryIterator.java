package io.tributary.storage;

/**
 * A cursor over entries. {@link #next} moves to the next entry and returns false at the end; the
 * arrays returned by {@link #key} and {@link #value} belong to the caller. {@link #key} and {@link
 * #value} throw {@link IllegalStateException} unless the last {@link #next} returned true; every
 * method but {@link #close} throws it after close. Closing twice is harmless.
 */
public interface EntryIterator extends AutoCloseable {
  boolean next();

  byte[] key();

  byte[] value();

  @Override
  void close();
}

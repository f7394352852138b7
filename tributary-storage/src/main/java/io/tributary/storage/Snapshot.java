package io.tributary.storage;

/**
 * A consistent, read-only view of the store at one moment; threads may share it. It holds on to
 * old versions of the data, so close it soon. Iterators opened from it stay valid after it closes;
 * reading from the snapshot itself after close throws {@link IllegalStateException}.
 */
public interface Snapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}

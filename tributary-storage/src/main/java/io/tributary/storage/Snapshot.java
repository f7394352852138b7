package io.tributary.storage;

/** A consistent, read-only view of the store at one moment. */
public interface Snapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}

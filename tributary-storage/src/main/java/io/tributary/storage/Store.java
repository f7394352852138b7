package io.tributary.storage;

/**
 * An ordered key-value store: keys and values are byte arrays, compared as unsigned bytes,
 * grouped in {@link Keyspace}s. Writes are atomic batches; a batch is durable (in the write-ahead
 * log) when {@link #write} returns. All methods are thread-safe. After {@link #close}, every call
 * other than {@code close} on the store and on its open snapshots and iterators throws {@link
 * StorageException}.
 */
public interface Store extends ReadView, AutoCloseable {

  /** Applies every operation of the batch, or none of them. */
  void write(WriteBatch batch);

  /** A consistent view of the store as of now; close it when done. */
  Snapshot snapshot();

  /**
   * Whether every call returns without waiting for a disk, a sync or another process: true only
   * for a store held in memory, whose calls at most take a lock for the time of a map update.
   */
  default boolean neverWaitsOnIo() {
    return false;
  }

  @Override
  void close();
}

package io.tributary.storage;

/**
 * An ordered key-value store: keys and values are byte arrays, compared as unsigned bytes,
 * grouped in {@link Keyspace}s. Writes are atomic batches; a batch is durable (in the write-ahead
 * log) when {@link #write} returns.
 */
public interface Store extends ReadView, AutoCloseable {

  /** Applies every operation of the batch, or none of them. */
  void write(WriteBatch batch);

  /** A consistent view of the store as of now; close it when done. */
  Snapshot snapshot();

  @Override
  void close();
}

package io.tributary.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Operations applied together by {@link Store#write}, in order: when a batch touches one key twice,
 * the later operation wins. The store copies the arrays when the batch is written, so they may be
 * reused afterwards.
 */
public final class WriteBatch {

  /** One operation. {@code value} is null for a delete. */
  public record Operation(Keyspace keyspace, byte[] key, byte[] value) {}

  private final List<Operation> operations = new ArrayList<>();

  public WriteBatch put(Keyspace keyspace, byte[] key, byte[] value) {
    // A null value would silently turn the put into a delete.
    operations.add(
        new Operation(
            Objects.requireNonNull(keyspace, "keyspace"),
            Objects.requireNonNull(key, "key"),
            Objects.requireNonNull(value, "value")));
    return this;
  }

  public WriteBatch delete(Keyspace keyspace, byte[] key) {
    operations.add(
        new Operation(
            Objects.requireNonNull(keyspace, "keyspace"),
            Objects.requireNonNull(key, "key"),
            null));
    return this;
  }

  public List<Operation> operations() {
    return operations;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }
}

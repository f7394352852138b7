package io.tributary.storage;

import java.util.ArrayList;
import java.util.List;

/** Operations applied together by {@link Store#write}, in order. */
public final class WriteBatch {

  /** One operation. {@code value} is null for a delete. */
  public record Operation(Keyspace keyspace, byte[] key, byte[] value) {}

  private final List<Operation> operations = new ArrayList<>();

  public WriteBatch put(Keyspace keyspace, byte[] key, byte[] value) {
    operations.add(new Operation(keyspace, key, value));
    return this;
  }

  public WriteBatch delete(Keyspace keyspace, byte[] key) {
    operations.add(new Operation(keyspace, key, null));
    return this;
  }

  public List<Operation> operations() {
    return operations;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }
}

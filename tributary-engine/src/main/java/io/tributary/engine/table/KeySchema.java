package io.tributary.engine.table;

/** A table's primary key: the partition (HASH) key and, optionally, the sort (RANGE) key. */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {

  public boolean hasSortKey() {
    return sortKey != null;
  }

  /** Whether {@code name} is one of the key attributes. */
  public boolean isKey(String name) {
    return partitionKey.name().equals(name) || (sortKey != null && sortKey.name().equals(name));
  }
}

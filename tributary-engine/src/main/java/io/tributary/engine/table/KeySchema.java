package io.tributary.engine.table;

import java.util.List;

/** A table's primary key: the partition (HASH) key and, optionally, the sort (RANGE) key. */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {

  public boolean hasSortKey() {
    return sortKey != null;
  }

  /** Whether {@code name} is one of the key attributes. */
  public boolean isKey(String name) {
    return partitionKey.name().equals(name) || (sortKey != null && sortKey.name().equals(name));
  }

  /** The key attribute names, partition key first. */
  public List<String> names() {
    return sortKey == null
        ? List.of(partitionKey.name())
        : List.of(partitionKey.name(), sortKey.name());
  }

  /** The type of a key attribute, or null when {@code name} is not one. */
  public String typeOf(String name) {
    if (partitionKey.name().equals(name)) {
      return partitionKey.type();
    }
    return sortKey != null && sortKey.name().equals(name) ? sortKey.type() : null;
  }
}

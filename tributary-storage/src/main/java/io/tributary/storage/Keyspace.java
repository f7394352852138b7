package io.tributary.storage;

/**
 * The store's keyspaces (RocksDB column families). The ids are written to disk: never reorder
 * or reuse them.
 */
public enum Keyspace {
  CATALOG(1, "catalog"),
  ITEMS(2, "items"),
  INDEXES(3, "indexes"),
  STREAMS(4, "streams"),
  TRIGGERS(5, "triggers"),
  SYSTEM(6, "system");

  private final int id;
  private final String columnFamily;

  Keyspace(int id, String columnFamily) {
    this.id = id;
    this.columnFamily = columnFamily;
  }

  public int id() {
    return id;
  }

  public String columnFamily() {
    return columnFamily;
  }
}

/**
 * The RocksDB store: one column family per keyspace, every write through the write-ahead log,
 * snapshots and bounded iterators over RocksDB's own, and checkpoints for backups. It owns the
 * native handles' lifetimes so that no use after close can reach freed memory.
 */
package io.tributary.storage.rocksdb;

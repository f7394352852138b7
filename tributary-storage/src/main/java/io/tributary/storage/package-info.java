/**
 * The storage SPI: an ordered key-value store of byte arrays grouped in keyspaces, written in
 * atomic batches and read through point-in-time snapshots and range iterators. The engine sees
 * only these types; {@code rocksdb} and {@code memory} implement them and pass one shared
 * contract test.
 */
package io.tributary.storage;

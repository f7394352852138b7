package io.tributary.engine.stream;

import java.time.Instant;

/**
 * One shard of a stream: the records of one hash range of the table's partition keys for a
 * while. Open while {@code endCounter} is null; a closed shard's children continue its range.
 *
 * @param ordinal its number within the stream, which its records' storage keys carry
 * @param hashFrom the first partition hash it covers (signed order of the hash's key bytes, see
 *     {@link StreamLog#hashOf})
 * @param hashTo the last one, inclusive
 * @param startCounter the counter of its first record, or of the next record when it has none
 * @param endCounter the counter of its last record (its start when it has none), or null
 * @param records how many records it was given (what splits it)
 */
record Shard(
    int ordinal,
    String shardId,
    String parentShardId,
    long hashFrom,
    long hashTo,
    long startCounter,
    Long endCounter,
    Instant createdAt,
    long records) {

  boolean open() {
    return endCounter == null;
  }

  boolean covers(long hash) {
    return hash >= hashFrom && hash <= hashTo;
  }

  Shard closed(long lastCounter) {
    return new Shard(
        ordinal, shardId, parentShardId, hashFrom, hashTo, startCounter, lastCounter, createdAt,
        records);
  }

  Shard withRecords(long n) {
    return new Shard(
        ordinal, shardId, parentShardId, hashFrom, hashTo, startCounter, endCounter, createdAt, n);
  }
}

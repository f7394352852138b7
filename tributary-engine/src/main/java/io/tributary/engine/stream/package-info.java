/**
 * DynamoDB Streams: each table's stream, its shards (one open shard per hash range, closed and
 * handed to children on a split or when old), the records written with the items' own batches,
 * and the four actions of the Streams API.
 */
package io.tributary.engine.stream;

/**
 * What requests consume and what tables allow: the read or write units one request consumed on a
 * table and its indexes (the ConsumedCapacity DynamoDB reports), and the token buckets that hold
 * provisioned tables and indexes to their throughput.
 */
package io.tributary.engine.capacity;

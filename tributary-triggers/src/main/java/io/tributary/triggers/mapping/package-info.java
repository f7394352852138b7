/**
 * Event source mappings: a function fed a table's stream. One poller per mapping reads every
 * shard in lineage order, filters, batches, invokes, retries, bisects, and checkpoints durably.
 */
package io.tributary.triggers.mapping;

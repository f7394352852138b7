/**
 * The in-memory store: a multi-version skip list per keyspace, where batches commit atomically by
 * publishing a version number and snapshots are pinned version numbers rather than copies. Used
 * by tests and by servers that need no durability.
 */
package io.tributary.storage.memory;

/**
 * Items in storage: primary keys checked against a table's key schema, their storage keys, atomic
 * read-modify-write of one item together with its secondary-index entries, index backfills and
 * purges, table and index statistics, and the purge of a deleted table's items.
 */
package io.tributary.engine.item;

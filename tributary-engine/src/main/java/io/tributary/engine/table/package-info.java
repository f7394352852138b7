/**
 * Table definitions, with their secondary indexes, and the catalog that persists them. Every table
 * and index has a numeric id, from one counter, that prefixes all of its storage keys and is never
 * reused.
 */
package io.tributary.engine.table;

/**
 * Table definitions and the catalog that persists them. Every table has a numeric id that prefixes
 * all of its storage keys and is never reused.
 */
package io.tributary.engine.table;

/**
 * Functions: their definitions and code, kept in the store's triggers keyspace, and the Lambda
 * API actions that manage and invoke them.
 */
package io.tributary.triggers.function;

/**
 * Log groups, log streams and their events, kept in the store's triggers keyspace: what functions
 * print goes here, and the CloudWatch Logs API ({@code Logs_20140328.*}) reads it.
 */
package io.tributary.triggers.logs;

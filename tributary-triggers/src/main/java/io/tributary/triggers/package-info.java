/**
 * Triggers (DESIGN.md §7): functions managed through the Lambda REST API, run by runtimes that
 * speak the Lambda Runtime API, event source mappings that feed them a table's stream, and the
 * CloudWatch Logs API over what they print. {@link io.tributary.triggers.Triggers} is the whole
 * of it for the server.
 */
package io.tributary.triggers;

/**
 * The ceiling: Tributary's own HTTP/JSON front end answering canned responses without touching a
 * store. Tributary's throughput divided by the ceiling's, under the same load, says how close the
 * whole server is to what this machine can do through this front end.
 */
package io.tributary.bench.ceiling;

/**
 * Benchmarks of Tributary: JMH microbenchmarks of the hot pieces, the YCSB binding and the ceiling
 * server that the side-by-side driver ({@code tributary-bench/side-by-side}) runs against other
 * DynamoDB-compatible servers. Nothing here runs in the build beyond compiling and the unit tests
 * of the constant-rate client's arithmetic.
 */
package io.tributary.bench;

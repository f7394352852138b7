/**
 * An open-loop load generator: requests at a constant rate, each timed from when it was meant to go
 * out (wrk2's correction for coordinated omission), so that a latency percentile at a given
 * throughput means what a user arriving at that rate would see. The side-by-side driver runs it at
 * a fraction of each server's wrk throughput.
 */
package io.tributary.bench.rate;

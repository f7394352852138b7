/**
 * Running functions: each function's code in its own process that speaks the Lambda Runtime API
 * to Tributary (Java through AWS's runtime interface client, Python and Node through built-in
 * bootstraps, custom runtimes through the package's own {@code bootstrap}), kept warm between
 * invocations, stopped at its timeout, its output written to its log group.
 */
package io.tributary.triggers.runtime;

/**
 * JMH microbenchmarks of the request path's pieces, from key encoding to a whole in-process
 * PutItem/GetItem. Each class's Javadoc gives its run command; results are for comparing commits
 * on one machine, never for assertions.
 */
package io.tributary.bench.jmh;

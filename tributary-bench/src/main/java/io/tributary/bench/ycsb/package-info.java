/**
 * A YCSB binding for DynamoDB's wire protocol on the AWS SDK for Java v2, usable against any
 * DynamoDB-compatible endpoint, and the key list the driver's wrk scripts read.
 */
package io.tributary.bench.ycsb;

package io.tributary.bench.ycsb;

import java.util.Properties;

/**
 * The binding's properties (given with YCSB's {@code -p name=value} or a {@code -P} file).
 *
 * @param endpoint {@code dynamodb.endpoint}, default {@code http://127.0.0.1:8000}
 * @param region {@code dynamodb.region}, default {@code us-east-1}; servers that keep tables per
 *     region (Tributary, DynamoDB Local without -sharedDb) need every client on the same one
 * @param accessKey {@code dynamodb.accessKey}, default {@code bench}; no server here checks it
 * @param secretKey {@code dynamodb.secretKey}, default {@code bench}
 * @param primaryKey {@code dynamodb.primaryKey}: the attribute holding YCSB's key, default
 *     {@code id}
 * @param hashKeyName {@code dynamodb.hashKeyName}: when set, the table has this partition key,
 *     every record has {@code hashKeyValue} in it, and YCSB's key is the sort key; scans then are
 *     Queries in key order. Unset (the default): YCSB's key is the partition key.
 * @param hashKeyValue {@code dynamodb.hashKeyValue}, default {@code YCSB_0}
 * @param consistentReads {@code dynamodb.consistentReads}: strongly consistent reads, default false
 * @param maxConnections {@code dynamodb.connectMax}: the connection pool's size, default the larger of YCSB's
 *     {@code threadcount} and 50
 * @param createTable {@code dynamodb.createTable}: create the table (on-demand) when it does not
 *     exist, default false
 */
record BindingSettings(
    String endpoint,
    String region,
    String accessKey,
    String secretKey,
    String primaryKey,
    String hashKeyName,
    String hashKeyValue,
    boolean consistentReads,
    int maxConnections,
    boolean createTable) {

  static BindingSettings from(Properties p) {
    int threads = Integer.parseInt(p.getProperty("threadcount", "1"));
    String hashKeyName = p.getProperty("dynamodb.hashKeyName", "");
    return new BindingSettings(
        p.getProperty("dynamodb.endpoint", "http://127.0.0.1:8000"),
        p.getProperty("dynamodb.region", "us-east-1"),
        p.getProperty("dynamodb.accessKey", "bench"),
        p.getProperty("dynamodb.secretKey", "bench"),
        p.getProperty("dynamodb.primaryKey", "id"),
        hashKeyName.isEmpty() ? null : hashKeyName,
        p.getProperty("dynamodb.hashKeyValue", "YCSB_0"),
        Boolean.parseBoolean(p.getProperty("dynamodb.consistentReads", "false")),
        Integer.parseInt(
            p.getProperty("dynamodb.connectMax", Integer.toString(Math.max(threads, 50)))),
        Boolean.parseBoolean(p.getProperty("dynamodb.createTable", "false")));
  }

  /** Whether YCSB's key is a sort key under one fixed partition key. */
  boolean hashAndRange() {
    return hashKeyName != null;
  }
}

package io.tributary.bench.ycsb;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.Vector;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import site.ycsb.ByteIterator;
import site.ycsb.RandomByteIterator;
import site.ycsb.Utils;

/**
 * Warms the client and the server up before YCSB measures anything ({@code
 * dynamodb.warmupSeconds}). A fresh JVM on a small machine needs many seconds of requests before
 * the JIT has compiled the SDK's and the server's request paths; without a warm-up, a short run
 * measures mostly the compiler. The first binding of a run sends, with YCSB's thread count, the
 * operations the workload will send (reads, updates, scans, inserts as overwrites of loaded
 * records) for that long; the other threads wait for it, so YCSB's latencies hold only measured
 * operations. It then prints {@code dynamodb binding: warmed up in N ms}: the driver takes that
 * time off YCSB's run time and starts counting the server's CPU time there.
 */
final class Warmup {
  private static boolean done;

  private Warmup() {}

  static synchronized void once(DynamoDbBinding binding, Properties properties) {
    long seconds = Long.parseLong(properties.getProperty("dynamodb.warmupSeconds", "0"));
    if (done || seconds <= 0) {
      return;
    }
    done = true;
    String table = properties.getProperty("table", "usertable");
    long records = Long.parseLong(properties.getProperty("recordcount", "1000"));
    int fields = Integer.parseInt(properties.getProperty("fieldcount", "10"));
    int fieldLength = Integer.parseInt(properties.getProperty("fieldlength", "100"));
    int maxScan = Integer.parseInt(properties.getProperty("maxscanlength", "100"));
    boolean transactions = Boolean.parseBoolean(properties.getProperty("dotransactions", "true"));
    boolean reads = !transactions || proportion(properties, "readproportion", 0.95) > 0;
    boolean updates = transactions && proportion(properties, "updateproportion", 0.05) > 0;
    boolean scans = transactions && proportion(properties, "scanproportion", 0) > 0;
    boolean inserts =
        !transactions
            || proportion(properties, "insertproportion", 0) > 0
            || proportion(properties, "readmodifywriteproportion", 0) > 0;
    int threads = Integer.parseInt(properties.getProperty("threadcount", "1"));

    long started = System.nanoTime();
    long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int seed = t;
      pool.execute(
          () -> {
            SplittableRandom random = new SplittableRandom(seed);
            while (System.nanoTime() < deadline) {
              String key = "user" + Utils.hash(random.nextLong(records));
              if (reads) {
                binding.read(table, key, null, new HashMap<>());
              }
              if (updates) {
                binding.update(table, key, values(random, false, fields, fieldLength));
              }
              if (scans) {
                binding.scan(table, key, random.nextInt(1, maxScan + 1), null, new Vector<>());
              }
              if (inserts) {
                binding.insert(table, key, values(random, true, fields, fieldLength));
              }
            }
          });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.println(
        "dynamodb binding: warmed up in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
            + " ms");
    System.err.flush();
  }

  private static double proportion(Properties properties, String name, double defaultValue) {
    return Double.parseDouble(properties.getProperty(name, Double.toString(defaultValue)));
  }

  /** Every field (an insert), or one of them (an update, as YCSB's writeallfields=false). */
  private static Map<String, ByteIterator> values(
      SplittableRandom random, boolean all, int fields, int length) {
    Map<String, ByteIterator> values = new HashMap<>();
    if (all) {
      for (int i = 0; i < fields; i++) {
        values.put("field" + i, new RandomByteIterator(length));
      }
    } else {
      values.put("field" + random.nextInt(fields), new RandomByteIterator(length));
    }
    return values;
  }
}

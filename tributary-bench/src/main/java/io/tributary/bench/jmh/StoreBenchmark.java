package io.tributary.bench.jmh;

import io.tributary.model.AttributeValue;
import io.tributary.model.ByteWriter;
import io.tributary.model.ItemCodec;
import io.tributary.model.KeyEncoding;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gets and puts of 1 KB values under item-shaped keys (table id, partition hash, encoded key) on
 * each store, in the shape of Caffeine's GetPutBenchmark: a read-only, a write-only and a mixed
 * group of threads over one preloaded store. Puts overwrite existing keys, so the store does not
 * grow during the run.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar StoreBenchmark -p store=memory,rocksdb
 * }</pre>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreBenchmark {
  private static final long TABLE_ID = 7;

  @Param
  StoreKind store;

  @Param("100000")
  int keys;

  private Path directory;
  private Store opened;
  private byte[][] keyBytes;
  private byte[] value;

  /** Each thread's own walk over the keys. */
  @State(Scope.Thread)
  public static class Cursor {
    private final SplittableRandom random = new SplittableRandom();

    int next(int bound) {
      return random.nextInt(bound);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    directory = StoreKind.temporaryDirectory();
    opened = store.open(directory);
    value = ItemCodec.encode(SampleItems.ycsb.item(SampleItems.key(0)));
    keyBytes = new byte[keys][];
    for (int i = 0; i < keys; i++) {
      keyBytes[i] = itemKey(SampleItems.key(i));
    }
    for (int from = 0; from < keys; from += 1_000) {
      WriteBatch batch = new WriteBatch();
      for (int i = from; i < Math.min(keys, from + 1_000); i++) {
        batch.put(Keyspace.ITEMS, keyBytes[i], value);
      }
      opened.write(batch);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    opened.close();
    StoreKind.delete(directory);
  }

  @Benchmark
  @Group("readOnly")
  @GroupThreads(2)
  public byte[] readOnly_get(Cursor cursor) {
    return opened.get(Keyspace.ITEMS, keyBytes[cursor.next(keys)]);
  }

  @Benchmark
  @Group("writeOnly")
  @GroupThreads(2)
  public void writeOnly_put(Cursor cursor) {
    opened.write(new WriteBatch().put(Keyspace.ITEMS, keyBytes[cursor.next(keys)], value));
  }

  @Benchmark
  @Group("readWrite")
  @GroupThreads(1)
  public byte[] readWrite_get(Cursor cursor) {
    return opened.get(Keyspace.ITEMS, keyBytes[cursor.next(keys)]);
  }

  @Benchmark
  @Group("readWrite")
  @GroupThreads(1)
  public void readWrite_put(Cursor cursor) {
    opened.write(new WriteBatch().put(Keyspace.ITEMS, keyBytes[cursor.next(keys)], value));
  }

  /** A key laid out like the engine's item keys (DESIGN.md, "Storage layout"). */
  private static byte[] itemKey(String key) {
    AttributeValue partitionKey = new AttributeValue.S(key);
    long hash = KeyEncoding.partitionHash(partitionKey);
    ByteWriter out = new ByteWriter(48);
    out.writeLongBigEndian(TABLE_ID).writeLongBigEndian(hash);
    KeyEncoding.encode(partitionKey, out);
    return out.toByteArray();
  }
}

package io.tributary.bench.jmh;

import io.tributary.engine.Engine;
import io.tributary.engine.EngineConfig;
import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * A whole PutItem, GetItem and Scan in-process, bytes in and bytes out, as the HTTP layer's worker runs
 * them without Netty: parse the body, {@link Engine#execute} (shape validation, the action, the
 * store), write the answer. The difference from the side-by-side figures is what HTTP and the
 * client cost.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar EngineBenchmark -p store=memory,rocksdb
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  private static final String TABLE = "usertable";
  private static final int SCAN_LIMIT = 50;
  private static final RequestContext CONTEXT =
      new RequestContext("bench", "us-east-1", EngineConfig.DEFAULT_ACCOUNT_ID);

  @Param
  StoreKind store;

  @Param("10000")
  int items;

  private Path directory;
  private Engine engine;
  private byte[][] puts;
  private byte[][] gets;
  private byte[][] scans;

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
    engine = Engine.open(store.open(directory), EngineConfig.defaults());
    call(
        "CreateTable",
        ("{\"TableName\":\"%s\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"%s\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"%s\",\"KeyType\":\"HASH\"}]}")
            .formatted(TABLE, SampleItems.KEY, SampleItems.KEY)
            .getBytes(StandardCharsets.UTF_8));
    puts = new byte[items][];
    gets = new byte[items][];
    scans = new byte[items][];
    for (int i = 0; i < items; i++) {
      String key = SampleItems.key(i);
      puts[i] = SampleItems.putItemRequest(TABLE, SampleItems.ycsb.item(key));
      gets[i] = SampleItems.getItemRequest(TABLE, key);
      scans[i] =
          ("{\"TableName\":\"%s\",\"Limit\":%d,\"ExclusiveStartKey\":{\"%s\":{\"S\":\"%s\"}}}")
              .formatted(TABLE, SCAN_LIMIT, SampleItems.KEY, key)
              .getBytes(StandardCharsets.UTF_8);
      call("PutItem", puts[i]);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    StoreKind.delete(directory);
  }

  @Benchmark
  public byte[] getItem(Cursor cursor) {
    return call("GetItem", gets[cursor.next(items)]);
  }

  /** A page of {@value #SCAN_LIMIT} items from a random key on: YCSB's workload E's scan. */
  @Benchmark
  public byte[] scan(Cursor cursor) {
    return call("Scan", scans[cursor.next(items)]);
  }

  @Benchmark
  public byte[] putItem(Cursor cursor) {
    return call("PutItem", puts[cursor.next(items)]);
  }

  private byte[] call(String operation, byte[] body) {
    Json.Obj request = (Json.Obj) JsonReader.parse(body);
    return JsonWriter.write(engine.execute(operation, request, CONTEXT));
  }
}

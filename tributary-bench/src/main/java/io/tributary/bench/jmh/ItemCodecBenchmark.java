package io.tributary.bench.jmh;

import io.tributary.model.AttributeValue;
import io.tributary.model.ItemCodec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stored form of an item ({@link ItemCodec}): every PutItem encodes one, every GetItem decodes
 * one.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar ItemCodecBenchmark -p shape=ycsb
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ItemCodecBenchmark {

  @Param
  SampleItems shape;

  private Map<String, AttributeValue> item;
  private byte[] encoded;

  @Setup
  public void setUp() {
    item = shape.item(SampleItems.key(42));
    encoded = ItemCodec.encode(item);
  }

  @Benchmark
  public byte[] encode() {
    return ItemCodec.encode(item);
  }

  @Benchmark
  public Map<String, AttributeValue> decode() {
    return ItemCodec.decode(encoded);
  }
}

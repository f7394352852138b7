package io.tributary.bench.jmh;

import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
 * The order-preserving key encoding ({@link KeyEncoding}) of each key type: encode, decode, and
 * the partition hash that every item read and write computes.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar KeyEncodingBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyEncodingBenchmark {

  /** S: a YCSB key; N: a 20-digit decimal; B: 16 bytes with a zero byte to escape. */
  @Param({"S", "N", "B"})
  String type;

  private AttributeValue value;
  private byte[] encoded;

  @Setup
  public void setUp() {
    value =
        switch (type) {
          case "S" -> new AttributeValue.S(SampleItems.key(42));
          case "N" -> new AttributeValue.N(new BigDecimal("-123456789012.34567890"));
          case "B" ->
              new AttributeValue.B("0123456\u00007890abcde".getBytes(StandardCharsets.ISO_8859_1));
          default -> throw new IllegalArgumentException(type);
        };
    encoded = KeyEncoding.encode(value);
  }

  @Benchmark
  public byte[] encode() {
    return KeyEncoding.encode(value);
  }

  @Benchmark
  public KeyEncoding.Decoded decode() {
    return KeyEncoding.decode(type, encoded, 0);
  }

  @Benchmark
  public long partitionHash() {
    return KeyEncoding.partitionHash(value);
  }
}

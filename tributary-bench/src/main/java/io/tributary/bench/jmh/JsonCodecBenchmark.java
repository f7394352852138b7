package io.tributary.bench.jmh;

import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
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
 * JSON in and out, as the HTTP layer and the actions do it: a PutItem body parsed to a tree and
 * its Item turned into attribute values; a GetItem answer's item turned into a tree and written.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar JsonCodecBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCodecBenchmark {

  @Param
  SampleItems shape;

  private byte[] request;
  private Map<String, AttributeValue> item;

  @Setup
  public void setUp() {
    item = shape.item(SampleItems.key(42));
    request = SampleItems.putItemRequest("usertable", item);
  }

  /** The request side: bytes to a tree ({@link JsonReader}) to attribute values. */
  @Benchmark
  public Map<String, AttributeValue> decodeRequest() {
    Json.Obj body = (Json.Obj) JsonReader.parse(request);
    return AttributeValues.mapFromJson(body.get("Item"));
  }

  /** Only the parse, to tell it from the attribute value checks. */
  @Benchmark
  public Json parseOnly() {
    return JsonReader.parse(request);
  }

  /** The response side: attribute values to a tree to bytes ({@link JsonWriter}). */
  @Benchmark
  public byte[] encodeResponse() {
    return JsonWriter.write(new Json.Obj(Map.of("Item", AttributeValues.mapToJson(item))));
  }
}

package io.tributary.bench.jmh;

import io.tributary.expressions.Condition;
import io.tributary.expressions.ExpressionAttributes;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.Update;
import io.tributary.model.AttributeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The expression language: a condition parsed through the text cache and bound to a request's
 * placeholders (what every request pays: the syntax tree of a text seen before is reused), then
 * evaluated, and an update applied, against a YCSB-sized item. The parse of a new text is paid
 * once per distinct text and is not measured here: the cache holds 4096 texts, more than the
 * whitespace variants a benchmark could make of one expression.
 *
 * <pre>{@code
 * ./mvnw -pl tributary-bench -am package -DskipTests
 * java -jar tributary-bench/target/benchmarks.jar ExpressionBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
  private static final String CONDITION =
      "attribute_exists(#k) AND (#n BETWEEN :lo AND :hi OR begins_with(field1, :p))"
          + " AND size(tags) > :zero AND NOT contains(tags, :t)";
  private static final String UPDATE =
      "SET #n = #n + :one, field2 = if_not_exists(field2, :p), tags = list_append(tags, :more)"
          + " REMOVE field3";

  private Map<String, AttributeValue> item;
  private Map<String, AttributeValue> values;
  private Map<String, String> names;
  private Condition condition;
  private Update update;

  @Setup
  public void setUp() {
    item = new LinkedHashMap<>();
    item.put("id", new AttributeValue.S(SampleItems.key(7)));
    item.put("n", new AttributeValue.N(new BigDecimal("41")));
    for (int i = 0; i < 10; i++) {
      item.put("field" + i, new AttributeValue.S("x".repeat(100)));
    }
    item.put("tags", new AttributeValue.L(List.of(new AttributeValue.S("a"), new AttributeValue.S("b"))));
    names = Map.of("#k", "id", "#n", "n");
    values = new LinkedHashMap<>();
    values.put(":lo", new AttributeValue.N(BigDecimal.ZERO));
    values.put(":hi", new AttributeValue.N(new BigDecimal("100")));
    values.put(":p", new AttributeValue.S("xx"));
    values.put(":zero", new AttributeValue.N(BigDecimal.ZERO));
    values.put(":t", new AttributeValue.S("zz"));
    values.put(":one", new AttributeValue.N(BigDecimal.ONE));
    values.put(":more", new AttributeValue.L(List.of(new AttributeValue.S("c"))));
    condition = Expressions.parseCondition("ConditionExpression", CONDITION, attributes());
    update = Expressions.parseUpdate(UPDATE, attributes());
  }

  private ExpressionAttributes attributes() {
    return ExpressionAttributes.of(names, values);
  }

  /** What a request pays when its expression text was seen before: cache hit, then binding. */
  @Benchmark
  public Condition parseConditionCached() {
    return Expressions.parseCondition("ConditionExpression", CONDITION, attributes());
  }

  @Benchmark
  public boolean evaluateCondition() {
    return condition.test(item);
  }

  @Benchmark
  public Object applyUpdate() {
    return update.apply(item, Map.of("id", item.get("id")));
  }
}

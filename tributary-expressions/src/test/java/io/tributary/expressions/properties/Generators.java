package io.tributary.expressions.properties;

import io.tributary.expressions.properties.RefCondition.Constant;
import io.tributary.expressions.properties.RefCondition.Path;
import io.tributary.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random items and conditions over a small vocabulary (attributes x0..x3, map keys k0 and k1, list
 * indexes 0..2), so that conditions often meet the values they test.
 */
final class Generators {
  static final List<String> ATTRIBUTES = List.of("x0", "x1", "x2", "x3");
  private static final List<String> KEYS = List.of("k0", "k1");
  private static final List<String> TYPE_NAMES =
      List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

  private Generators() {}

  static Arbitrary<AttributeValue> strings() {
    return Arbitraries.strings().withChars("ab").ofMinLength(0).ofMaxLength(3).map(AttributeValue.S::new);
  }

  static Arbitrary<AttributeValue> numbers() {
    return Arbitraries.integers()
        .between(-3, 3)
        .map(i -> (AttributeValue) new AttributeValue.N(BigDecimal.valueOf(i)));
  }

  static Arbitrary<AttributeValue> binaries() {
    return Arbitraries.strings()
        .withChars("ab")
        .ofMinLength(0)
        .ofMaxLength(3)
        .map(s -> (AttributeValue) new AttributeValue.B(s.getBytes(StandardCharsets.US_ASCII)));
  }

  static Arbitrary<AttributeValue> scalars() {
    return Arbitraries.oneOf(
        strings(),
        numbers(),
        binaries(),
        Arbitraries.of(AttributeValue.Bool.TRUE, AttributeValue.Bool.FALSE),
        Arbitraries.just(AttributeValue.Null.INSTANCE));
  }

  static Arbitrary<AttributeValue> values() {
    Arbitrary<AttributeValue> ss =
        Arbitraries.strings().withChars("ab").ofMaxLength(2).set().ofMinSize(1).ofMaxSize(3)
            .map(s -> new AttributeValue.SS(List.copyOf(s)));
    Arbitrary<AttributeValue> ns =
        Arbitraries.integers().between(-3, 3).set().ofMinSize(1).ofMaxSize(3)
            .map(s -> new AttributeValue.NS(s.stream().map(BigDecimal::valueOf).toList()));
    Arbitrary<AttributeValue> list =
        scalars().list().ofMaxSize(3).map(l -> (AttributeValue) new AttributeValue.L(l));
    Arbitrary<AttributeValue> map =
        Combinators.combine(scalars().injectNull(0.3), scalars().injectNull(0.3))
            .as(
                (a, b) -> {
                  Map<String, AttributeValue> m = new LinkedHashMap<>();
                  if (a != null) {
                    m.put("k0", a);
                  }
                  if (b != null) {
                    m.put("k1", b);
                  }
                  return (AttributeValue) new AttributeValue.M(m);
                });
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(6, scalars()),
            Tuple.of(1, ss),
            Tuple.of(1, ns),
            Tuple.of(2, list),
            Tuple.of(2, map)));
  }

  static Arbitrary<Map<String, AttributeValue>> items() {
    return values().injectNull(0.25).list().ofSize(ATTRIBUTES.size())
        .map(
            list -> {
              Map<String, AttributeValue> item = new LinkedHashMap<>();
              for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                  item.put(ATTRIBUTES.get(i), list.get(i));
                }
              }
              return item;
            });
  }

  static Arbitrary<Path> paths() {
    Arbitrary<String> top = Arbitraries.of(ATTRIBUTES);
    Arbitrary<Object> step =
        Arbitraries.oneOf(Arbitraries.of(KEYS).map(k -> (Object) k), Arbitraries.integers().between(0, 2).map(i -> (Object) i));
    return Combinators.combine(top, step.list().ofMaxSize(1))
        .as(
            (name, steps) -> {
              List<Object> all = new java.util.ArrayList<>();
              all.add(name);
              all.addAll(steps);
              return new Path(List.copyOf(all));
            });
  }

  private static Arbitrary<Constant> constants() {
    return values().map(Constant::new);
  }

  private static Arbitrary<Constant> ordered() {
    return Arbitraries.oneOf(strings(), numbers(), binaries()).map(Constant::new);
  }

  static Arbitrary<RefCondition> conditions(int depth) {
    if (depth <= 0) {
      return atoms();
    }
    Arbitrary<RefCondition> smaller = Arbitraries.lazy(() -> conditions(depth - 1));
    Arbitrary<RefCondition> and =
        Combinators.combine(smaller, smaller)
            .as((a, b) -> new RefCondition.And(andOperand(a), andOperand(b)));
    Arbitrary<RefCondition> or = Combinators.combine(smaller, smaller).as(RefCondition.Or::new);
    Arbitrary<RefCondition> not = smaller.map(a -> new RefCondition.Not(notOperand(a)));
    Arbitrary<RefCondition> group = smaller.map(Generators::group);
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(3, atoms()),
            Tuple.of(2, and),
            Tuple.of(2, or),
            Tuple.of(1, not),
            Tuple.of(1, group)));
  }

  private static RefCondition andOperand(RefCondition c) {
    return c instanceof RefCondition.Or ? group(c) : c;
  }

  private static RefCondition notOperand(RefCondition c) {
    return c instanceof RefCondition.And || c instanceof RefCondition.Or ? group(c) : c;
  }

  private static RefCondition group(RefCondition c) {
    return c instanceof RefCondition.Group ? c : new RefCondition.Group(c);
  }

  private static Arbitrary<RefCondition> atoms() {
    Arbitrary<RefCondition> equality =
        Combinators.combine(paths(), Arbitraries.of("=", "<>"), constants())
            .as((p, op, k) -> new RefCondition.Compare(new RefCondition.PathOperand(p), op, k));
    Arbitrary<RefCondition> order =
        Combinators.combine(paths(), Arbitraries.of("<", "<=", ">", ">="), ordered())
            .as((p, op, k) -> new RefCondition.Compare(new RefCondition.PathOperand(p), op, k));
    Arbitrary<RefCondition> reversed =
        Combinators.combine(ordered(), Arbitraries.of("<", "<=", ">", ">=", "=", "<>"), paths())
            .as((k, op, p) -> new RefCondition.Compare(k, op, new RefCondition.PathOperand(p)));
    Arbitrary<RefCondition> twoPaths =
        Combinators.combine(paths(), Arbitraries.of("<", "=", "<>", ">="), paths())
            .filter((a, op, b) -> !a.equals(b))
            .as((a, op, b) -> new RefCondition.Compare(new RefCondition.PathOperand(a), op, new RefCondition.PathOperand(b)));
    Arbitrary<RefCondition> size =
        Combinators.combine(paths(), Arbitraries.of("=", "<", ">="), Arbitraries.integers().between(0, 3))
            .as((p, op, i) -> new RefCondition.Compare(new RefCondition.Size(p), op, new Constant(new AttributeValue.N(BigDecimal.valueOf(i)))));
    Arbitrary<RefCondition> between =
        Combinators.combine(paths(), Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(0, 3))
            .as(
                (p, low, width) ->
                    new RefCondition.Between(
                        new RefCondition.PathOperand(p),
                        new Constant(new AttributeValue.N(BigDecimal.valueOf(low))),
                        new Constant(new AttributeValue.N(BigDecimal.valueOf(low + width)))));
    Arbitrary<RefCondition> in =
        Combinators.combine(paths(), constants().list().ofMinSize(1).ofMaxSize(3))
            .as((p, ks) -> new RefCondition.In(new RefCondition.PathOperand(p), ks));
    Arbitrary<RefCondition> exists = paths().map(RefCondition.Exists::new);
    Arbitrary<RefCondition> notExists = paths().map(RefCondition.NotExists::new);
    Arbitrary<RefCondition> type =
        Combinators.combine(paths(), Arbitraries.of(TYPE_NAMES)).as(RefCondition.TypeIs::new);
    Arbitrary<RefCondition> begins =
        Combinators.combine(paths(), Arbitraries.oneOf(strings(), binaries()).map(Constant::new))
            .as(RefCondition.BeginsWith::new);
    Arbitrary<RefCondition> contains =
        Combinators.combine(paths(), Arbitraries.oneOf(strings(), numbers(), binaries()).map(Constant::new))
            .as(RefCondition.Contains::new);
    return Arbitraries.oneOf(
        equality, order, reversed, twoPaths, size, between, in, exists, notExists, type, begins, contains);
  }
}

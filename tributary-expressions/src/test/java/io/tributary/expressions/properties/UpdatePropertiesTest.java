package io.tributary.expressions.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.expressions.ExpressionAttributes;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.Projection;
import io.tributary.expressions.Update;
import io.tributary.expressions.UpdateResult;
import io.tributary.expressions.syntax.SyntaxCache;
import io.tributary.expressions.syntax.SyntaxPrinter;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Top-level updates and projections against a plain model of what they do. */
class UpdatePropertiesTest {
  private static final Map<String, AttributeValue> KEY = Map.of("pk", new AttributeValue.S("k"));

  /** One action on one attribute: SET to a value, SET if_not_exists, SET x = x + n, REMOVE, ADD n. */
  record Action(String attribute, String kind, AttributeValue value) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<String> kinds = Arbitraries.of("set", "ifNotExists", "plus", "remove", "add");
    Arbitrary<AttributeValue> values =
        Arbitraries.oneOf(Generators.values(), Generators.numbers());
    return Combinators.combine(kinds, values)
        .as((k, v) -> new Action(null, k, k.equals("plus") || k.equals("add") ? number(v) : v))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            list -> {
              List<Action> out = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Action a = list.get(i);
                out.add(new Action(Generators.ATTRIBUTES.get(i), a.kind(), a.value()));
              }
              return out;
            });
  }

  @Provide
  Arbitrary<Map<String, AttributeValue>> items() {
    return Generators.items();
  }

  private static AttributeValue number(AttributeValue v) {
    return v instanceof AttributeValue.N ? v : new AttributeValue.N(BigDecimal.ONE);
  }

  @Property(tries = 1000)
  void topLevelUpdatesMatchTheModel(
      @ForAll("actions") List<Action> actions, @ForAll("items") Map<String, AttributeValue> stored) {
    Map<String, AttributeValue> old = new LinkedHashMap<>(KEY);
    old.putAll(stored);
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    Map<String, AttributeValue> expected = new LinkedHashMap<>(old);
    String error = null;
    for (Action a : actions) {
      String v = ":v" + values.size();
      values.put(v, a.value());
      String x = a.attribute();
      AttributeValue current = old.get(x);
      switch (a.kind()) {
        case "set" -> {
          set.add(x + " = " + v);
          expected.put(x, a.value());
        }
        case "ifNotExists" -> {
          set.add(x + " = if_not_exists(" + x + ", " + v + ")");
          expected.put(x, current != null ? current : a.value());
        }
        case "plus" -> {
          set.add(x + " = " + x + " + " + v);
          if (current == null) {
            error = error != null ? error : "The provided expression refers to an attribute that does not exist in the item";
          } else if (!(current instanceof AttributeValue.N n)) {
            error = error != null ? error : "An operand in the update expression has an incorrect data type";
          } else {
            expected.put(x, sum(n, a.value()));
          }
        }
        case "remove" -> {
          remove.add(x);
          values.remove(v);
          expected.remove(x);
        }
        default -> {
          add.add(x + " " + v);
          if (current == null) {
            expected.put(x, a.value());
          } else if (!(current instanceof AttributeValue.N n)) {
            error = error != null ? error : "An operand in the update expression has an incorrect data type";
          } else {
            expected.put(x, sum(n, a.value()));
          }
        }
      }
    }
    StringBuilder text = new StringBuilder();
    if (!set.isEmpty()) {
      text.append("SET ").append(String.join(", ", set)).append(' ');
    }
    if (!remove.isEmpty()) {
      text.append("REMOVE ").append(String.join(", ", remove)).append(' ');
    }
    if (!add.isEmpty()) {
      text.append("ADD ").append(String.join(", ", add));
    }
    ExpressionAttributes attributes =
        ExpressionAttributes.of(null, values.isEmpty() ? null : values);
    Update update = Expressions.parseUpdate(text.toString().strip(), attributes);
    attributes.checkAllUsed();
    if (error != null) {
      assertThatThrownBy(() -> update.apply(old, KEY))
          .isInstanceOf(DynamoDbException.class)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .isIn(
                          "The provided expression refers to an attribute that does not exist in the item",
                          "An operand in the update expression has an incorrect data type"));
      return;
    }
    UpdateResult result = update.apply(old, KEY);
    assertThat(canonical(result.item())).as(text.toString()).isEqualTo(canonical(expected));
    for (Action a : actions) {
      AttributeValue now = expected.get(a.attribute());
      AttributeValue before = old.get(a.attribute());
      assertThat(result.updatedNew().get(a.attribute())).isEqualTo(now);
      assertThat(result.updatedOld().get(a.attribute())).isEqualTo(before);
    }
  }

  @Property(tries = 500)
  void projectionKeepsExactlyTheNamedAttributes(
      @ForAll("items") Map<String, AttributeValue> item,
      @ForAll("subsets") List<String> attributes) {
    Projection p =
        Expressions.parseProjection(String.join(", ", attributes), ExpressionAttributes.none());
    Map<String, AttributeValue> expected = new LinkedHashMap<>();
    item.forEach(
        (name, value) -> {
          if (attributes.contains(name)) {
            expected.put(name, value);
          }
        });
    assertThat(p.apply(item)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<String>> subsets() {
    return Arbitraries.of(Generators.ATTRIBUTES).list().uniqueElements().ofMinSize(1);
  }

  @Property(tries = 500)
  void updateSyntaxRoundTrips(@ForAll("updateTexts") String text) {
    var tree = SyntaxCache.update(text);
    assertThat(SyntaxCache.update(SyntaxPrinter.print(tree))).isEqualTo(tree);
  }

  @Provide
  Arbitrary<String> updateTexts() {
    Arbitrary<String> path = Generators.paths().map(RefCondition.Path::text);
    Arbitrary<String> operand =
        Arbitraries.oneOf(
            path,
            Arbitraries.of(":a", ":b"),
            path.map(p -> "if_not_exists(" + p + ", :a)"),
            path.map(p -> "(" + p + ")"));
    // list_append may only stand alone (if_not_exists may go inside it).
    Arbitrary<String> listAppend =
        Combinators.combine(path, path.map(p -> "if_not_exists(" + p + ", :b)"))
            .as((p, q) -> "list_append(" + p + ", " + q + ")");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            operand,
            listAppend,
            Combinators.combine(operand, Arbitraries.of(" + ", " - "), operand).as((a, op, b) -> a + op + b),
            Combinators.combine(operand, Arbitraries.of(" + ", " - "), operand)
                .as((a, op, b) -> "(" + a + op + b + ")"));
    Arbitrary<String> set =
        Combinators.combine(path, value).as((p, v) -> p + " = " + v).list().ofMinSize(1).ofMaxSize(3)
            .map(l -> "SET " + String.join(", ", l));
    Arbitrary<String> remove = path.list().ofMinSize(1).ofMaxSize(3).map(l -> "REMOVE " + String.join(", ", l));
    Arbitrary<String> add = path.map(p -> p + " :a").list().ofMinSize(1).ofMaxSize(2).map(l -> "ADD " + String.join(", ", l));
    Arbitrary<String> delete = path.map(p -> p + " :b").list().ofMinSize(1).ofMaxSize(2).map(l -> "DELETE " + String.join(", ", l));
    return Arbitraries.subsetOf(List.of(set, remove, add, delete))
        .ofMinSize(1)
        .flatMap(
            sections ->
                Combinators.combine(new ArrayList<>(sections))
                    .as(parts -> String.join(" ", parts)));
  }

  private static AttributeValue sum(AttributeValue.N a, AttributeValue b) {
    return new AttributeValue.N(a.value().add(((AttributeValue.N) b).value()));
  }

  private static Map<String, String> canonical(Map<String, AttributeValue> item) {
    Map<String, String> out = new java.util.TreeMap<>();
    item.forEach((k, v) -> out.put(k, Reference.canonical(v)));
    return out;
  }
}

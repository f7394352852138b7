package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.json;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.m;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectionTest {
  private static final String PROJECTION = "Invalid ProjectionExpression: ";

  private static Map<String, AttributeValue> project(String text, Map<String, AttributeValue> item) {
    return Expressions.parseProjection(text, ExpressionAttributes.none()).apply(item);
  }

  @Test
  void shapes() {
    Map<String, AttributeValue> item =
        item(
            "id", s("1"),
            "mylist", l(s("zero"), s("one"), s("two")),
            "m", m("a", n("1"), "b", m("c", n("2"), "d", n("3")), "e", l(n("4"), m("f", n("5")))),
            "x", n("9"));
    assertThat(project("mylist[2], mylist[0]", item)).isEqualTo(item("mylist", l(s("zero"), s("two"))));
    assertThat(project("m.b.d, m.e[1].f, x", item))
        .isEqualTo(item("m", m("b", m("d", n("3")), "e", l(m("f", n("5")))), "x", n("9")));
    assertThat(project("nothing, m.zz, mylist[7], x.y", item)).isEmpty();
    assertThat(project("m.e[0], m.e[5]", item)).isEqualTo(item("m", m("e", l(n("4")))));
    // A path through the wrong kind of value projects nothing.
    assertThat(project("m.a.b, mylist.a", item)).isEmpty();
    assertThat(project("m[0], id.x", item)).isEmpty();
    // Attributes come out in the item's order.
    assertThat(project("x, id", item).keySet()).containsExactly("id", "x");
  }

  @Test
  void projectionAttributes() {
    Projection p =
        Expressions.parseProjection("#a.b, c[1], d", attrs(names("#a", "a")));
    assertThat(p.topLevelAttributeNames()).isEqualTo(Set.of("a", "c", "d"));
    assertThat(p.nestedAccessAttributeNames()).isEqualTo(Set.of("a", "c"));
  }

  @Test
  void emptyAndTooLong() {
    assertValidation(
        () -> Expressions.parseProjection("", ExpressionAttributes.none()),
        PROJECTION + "The expression can not be empty;");
    assertValidation(
        () -> Expressions.parseProjection("a".repeat(4097), ExpressionAttributes.none()),
        PROJECTION + "Expression size has exceeded the maximum allowed size;");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "whatever(stuff)", ":a", "abort,", "a,,b", "a..b", "a[b]", "(a.b).c", "(a)", "(a),(b)",
        "(a,b)", "a-b"
      })
  void syntaxErrors(String text) {
    assertThatThrownBy(() -> Expressions.parseProjection(text, ExpressionAttributes.none()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith(PROJECTION + "Syntax error; ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"a.abORt|abORt", "#a,ABSoLUTE|ABSoLUTE"})
  void reservedWords(String text, String word) {
    assertValidation(
        () -> Expressions.parseProjection(text, ExpressionAttributes.none()),
        PROJECTION + "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @Test
  void undefinedNames() {
    assertValidation(
        () -> Expressions.parseProjection("a,b,a,#a", ExpressionAttributes.none()),
        PROJECTION
            + "An expression attribute name used in the document path is not defined; attribute"
            + " name: #a");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "b[1], b.a, #a.b, a|[a, b]|[a]",
        "a, #a[1]|[a]|[a, [1]]",
        "a, a|[a]|[a]",
        "#a, #b|[a]|[a]",
        "a, a.b|[a]|[a, b]",
        "a.b, a|[a, b]|[a]",
        "x, a.b, a|[a, b]|[a]",
        "alist[0], alist|[alist, [0]]|[alist]",
      })
  void overlappingPaths(String text, String one, String two) {
    assertValidation(
        () -> Expressions.parseProjection(text, attrs(names("#a", "a", "#b", "a"))),
        PROJECTION
            + "Two document paths overlap with each other; must remove or rewrite one of these"
            + " paths; path one: "
            + one
            + ", path two: "
            + two);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.b, #a[1], #b|[a, b]|[a, [1]]",
        "a.b[1], #a[1], #b|[a, b, [1]]|[a, [1]]",
        "a[3].b, #a.#b.b|[a, [3], b]|[a, [3], b]",
      })
  void conflictingPaths(String text, String one, String two) {
    assertValidation(
        () -> Expressions.parseProjection(text, attrs(names("#a", "a", "#b", "[3]"))),
        PROJECTION
            + "Two document paths conflict with each other; must remove or rewrite one of these"
            + " paths; path one: "
            + one
            + ", path two: "
            + two);
  }

  @Test
  void unusedNames() {
    ExpressionAttributes attributes = attrs(names("#a", "a", "#b", "b"));
    Expressions.parseProjection("a,b", attributes);
    assertValidation(
        attributes::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
  }

  @Test
  void keyAttributesMustBeScalars() {
    for (String text : List.of("#a.b.c", "#a[0]")) {
      Projection p = Expressions.parseProjection(text, attrs(names("#a", "a")));
      assertValidation(
          () -> Expressions.requireScalarKeyAccess(p.nestedAccessAttributeNames(), List.of("a"), false),
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
              + " allowed: Key: a");
      assertValidation(
          () -> Expressions.requireScalarKeyAccess(p.nestedAccessAttributeNames(), List.of("a"), true),
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
              + " allowed: IndexKey: a");
    }
  }

  @Test
  void attributesToGet() {
    Projection p = LegacyUpdates.attributesToGet(json("['b', 'a']"));
    assertThat(p.apply(item("a", n("1"), "b", n("2"), "c", n("3"))))
        .isEqualTo(item("a", n("1"), "b", n("2")));
    assertValidation(
        () -> LegacyUpdates.attributesToGet(json("['a', 'a']")),
        "One or more parameter values were invalid: Duplicate value in attribute name: a");
  }
}

package io.tributary.expressions;

import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.b;
import static io.tributary.expressions.Values.bool;
import static io.tributary.expressions.Values.bs;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.m;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.ns;
import static io.tributary.expressions.Values.nul;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.ss;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How conditions evaluate: DynamoDB's type rules, as Alternator's tests (run on DynamoDB) show. */
class ConditionEvaluationTest {
  private static final Map<String, AttributeValue> ITEM =
      item(
          "p", s("key"),
          "a", s("hello"),
          "b", ns("2", "4", "7"),
          "c", l(n("2"), s("dog"), n("7")),
          "d", b("hi there"),
          "e", m("x", n("2"), "y", m("m", n("3"), "n", n("4"))),
          "f", n("5"),
          "g", bool(true),
          "h", nul(),
          "s", ss("x", "y"),
          "bin", bs("ab"));

  private static boolean test(String text, Object... valuePairs) {
    ExpressionAttributes attributes =
        valuePairs.length == 0 ? ExpressionAttributes.none() : values(valuePairs);
    return Expressions.parseCondition("ConditionExpression", text, attributes).test(ITEM);
  }

  @Test
  void comparisons() {
    assertThat(test("f = :v", ":v", n("5.0"))).isTrue();
    assertThat(test("f = :v", ":v", s("5"))).isFalse();
    assertThat(test("f <> :v", ":v", s("5"))).isTrue();
    assertThat(test("f < :v", ":v", s("6"))).isFalse();
    assertThat(test("f >= :v", ":v", s("6"))).isFalse();
    assertThat(test("a < :v", ":v", s("help"))).isTrue();
    assertThat(test("d > :v", ":v", b("hi"))).isTrue();
    assertThat(test("nope = :v", ":v", n("1"))).isFalse();
    assertThat(test("nope <> :v", ":v", n("1"))).isTrue();
    assertThat(test("nope < :v", ":v", n("1"))).isFalse();
    assertThat(test("b = :v", ":v", ns("7", "2", "4.0"))).isTrue();
    assertThat(test("e = :v", ":v", m("y", m("n", n("4"), "m", n("3")), "x", n("2")))).isTrue();
    assertThat(test("c = :v", ":v", l(n("2"), s("dog"), n("7")))).isTrue();
    assertThat(test("c = :v", ":v", l(n("7"), s("dog"), n("2")))).isFalse();
    assertThat(test("e.y.m < f")).isTrue();
    assertThat(test("c[0] < e.x")).isFalse();
    assertThat(test("c[1] = :v", ":v", s("dog"))).isTrue();
    assertThat(test("c[9] = :v", ":v", s("dog"))).isFalse();
    assertThat(test("g = :v", ":v", bool(true))).isTrue();
    assertThat(test("h = :v", ":v", nul())).isTrue();
  }

  @Test
  void betweenAndIn() {
    assertThat(test("f BETWEEN :a AND :b", ":a", n("5"), ":b", n("6"))).isTrue();
    assertThat(test("f BETWEEN :a AND :b", ":a", n("6"), ":b", n("7"))).isFalse();
    assertThat(test("a BETWEEN :a AND :b", ":a", n("1"), ":b", n("7"))).isFalse();
    assertThat(test("f IN (:a, :b)", ":a", s("5"), ":b", n("5"))).isTrue();
    assertThat(test("f IN (:a, :b)", ":a", s("5"), ":b", n("6"))).isFalse();
    assertThat(test("nope IN (:a)", ":a", s("5"))).isFalse();
  }

  @Test
  void functions() {
    assertThat(test("attribute_exists(e.y.n)")).isTrue();
    assertThat(test("attribute_exists(e.y.z)")).isFalse();
    assertThat(test("attribute_not_exists(c[3])")).isTrue();
    assertThat(test("attribute_type(b, :t)", ":t", s("NS"))).isTrue();
    assertThat(test("attribute_type(b, :t)", ":t", s("SS"))).isFalse();
    assertThat(test("attribute_type(nope, :t)", ":t", s("SS"))).isFalse();
    assertThat(test("begins_with(a, :p)", ":p", s("he"))).isTrue();
    assertThat(test("begins_with(d, :p)", ":p", b("hi "))).isTrue();
    assertThat(test("begins_with(d, :p)", ":p", s("hi"))).isFalse();
    assertThat(test("begins_with(f, :p)", ":p", s("5"))).isFalse();
    assertThat(test("contains(a, :v)", ":v", s("ell"))).isTrue();
    assertThat(test("contains(b, :v)", ":v", n("4"))).isTrue();
    assertThat(test("contains(b, :v)", ":v", s("4"))).isFalse();
    assertThat(test("contains(c, :v)", ":v", s("dog"))).isTrue();
    assertThat(test("contains(s, :v)", ":v", s("y"))).isTrue();
    assertThat(test("contains(bin, :v)", ":v", b("ab"))).isTrue();
    assertThat(test("contains(d, :v)", ":v", b("there"))).isTrue();
    assertThat(test("contains(f, :v)", ":v", n("5"))).isFalse();
    assertThat(test("contains(a, a1)")).isFalse();
  }

  @Test
  void size() {
    assertThat(test("size(a) = :v", ":v", n("5"))).isTrue();
    assertThat(test("size(b) = :v", ":v", n("3"))).isTrue();
    assertThat(test("size(c) = :v", ":v", n("3"))).isTrue();
    assertThat(test("size(d) = :v", ":v", n("8"))).isTrue();
    assertThat(test("size(e) = :v", ":v", n("2"))).isTrue();
    // Numbers, booleans and nulls have no size: the comparison is simply false.
    assertThat(test("size(f) = :v", ":v", n("1"))).isFalse();
    assertThat(test("size(g) = :v", ":v", n("1"))).isFalse();
    assertThat(test("size(h) = :v", ":v", n("1"))).isFalse();
    assertThat(test("size(h) <> :v", ":v", n("1"))).isTrue();
    assertThat(test("size(a) = :v", ":v", s("dog"))).isFalse();
    assertThat(test("size(a) = f")).isTrue();
    assertThat(test("size(a) > :v", ":v", n("2"))).isTrue();
    assertThat(test("size(nope) = :v", ":v", n("0"))).isFalse();
  }

  @Test
  void logic() {
    assertThat(test("a < :z AND f < :z", ":z", s("z"))).isFalse();
    assertThat(test("a < :z OR f < :z", ":z", s("z"))).isTrue();
    assertThat(test("NOT NOT NOT NOT f = :five", ":five", n("5"))).isTrue();
    assertThat(test("NOT f = :five", ":five", n("5"))).isFalse();
    // AND binds tighter than OR, NOT tighter than AND.
    assertThat(test("f = :five OR f <> :five AND f <> :five", ":five", n("5"))).isTrue();
    assertThat(test("(f = :five OR f <> :five) AND f <> :five", ":five", n("5"))).isFalse();
    assertThat(test("NOT f <> :five AND f = :five", ":five", n("5"))).isTrue();
    assertThat(test("NOT (f = :five AND f <> :five)", ":five", n("5"))).isTrue();
  }

  @Test
  void namesAndNullItems() {
    Condition c =
        Expressions.parseCondition(
            "ConditionExpression", "attribute_exists(#n)", attrs(names("#n", "and")));
    assertThat(c.test(item("and", n("1")))).isTrue();
    assertThat(c.test(null)).isFalse();
    assertThat(c.topLevelAttributeNames()).containsExactly("and");
  }
}

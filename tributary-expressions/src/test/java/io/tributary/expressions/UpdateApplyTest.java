package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.bs;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.m;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.ns;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.ss;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Applying updates to items: results as DynamoDB gives them, and its runtime errors. */
class UpdateApplyTest {
  private static final Map<String, AttributeValue> KEY = item("a", s("k"));

  private static UpdateResult apply(
      String text, ExpressionAttributes attrs, Map<String, AttributeValue> old) {
    return Expressions.parseUpdate(text, attrs).apply(old, KEY);
  }

  private static Map<String, AttributeValue> withKey(Object... nameValues) {
    Map<String, AttributeValue> out = item("a", s("k"));
    out.putAll(item(nameValues));
    return out;
  }

  @Test
  void nestedUpdateFromDynalite() {
    Map<String, AttributeValue> old =
        withKey("b", m("a", n("1"), "b", n("2"), "c", n("3")), "c", l(n("1"), n("3")));
    UpdateResult result =
        apply(
            "set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, c[2] = b.c add c[8] :b,"
                + " c[6] :a",
            values(":a", n("2"), ":b", ss("a")),
            old);
    assertThat(result.item())
        .isEqualTo(
            withKey(
                "b", m("a", s("k"), "b", n("2"), "c", n("4")),
                "c", l(n("1"), s("k"), n("3"), n("-1"), n("2"), ss("a"))));
    assertThat(result.updatedNew())
        .isEqualTo(item("b", m("a", s("k"), "c", n("4")), "c", l(s("k"), n("3"), n("2"))));
    assertThat(result.updatedOld())
        .isEqualTo(item("b", m("a", n("1"), "c", n("3")), "c", l(n("3"))));
    assertThat(result.updatedAttributes()).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void ifNotExistsOnANewItemReadsTheKey() {
    UpdateResult result = apply("set b = if_not_exists(b, a)", ExpressionAttributes.none(), null);
    assertThat(result.item()).isEqualTo(withKey("b", s("k")));
    assertThat(result.updatedNew()).isEqualTo(item("b", s("k")));
    assertThat(result.updatedOld()).isEmpty();
  }

  @Test
  void valuesComeFromTheOldItem() {
    UpdateResult result =
        apply("SET x = y, y = x", ExpressionAttributes.none(), withKey("x", n("1"), "y", n("2")));
    assertThat(result.item()).isEqualTo(withKey("x", n("2"), "y", n("1")));
  }

  @Test
  void removeListElementsShiftsTheRest() {
    Map<String, AttributeValue> old = withKey("l", l(n("0"), n("1"), n("2"), n("3")));
    assertThat(apply("REMOVE l[0], l[2]", ExpressionAttributes.none(), old).item())
        .isEqualTo(withKey("l", l(n("1"), n("3"))));
    assertThat(apply("REMOVE l[7], x", ExpressionAttributes.none(), old).item())
        .isEqualTo(old);
  }

  @Test
  void setPastTheEndAppends() {
    Map<String, AttributeValue> old = withKey("l", l(n("0"), n("1")));
    assertThat(apply("SET l[10] = :v, l[5] = :w", values(":v", s("x"), ":w", s("y")), old).item())
        .isEqualTo(withKey("l", l(n("0"), n("1"), s("y"), s("x"))));
  }

  @Test
  void listAppend() {
    Map<String, AttributeValue> old = withKey("l", l(n("1")));
    assertThat(apply("SET l = list_append(l, :v)", values(":v", l(n("2"))), old).item())
        .isEqualTo(withKey("l", l(n("1"), n("2"))));
    assertThat(apply("SET l = list_append(:v, l)", values(":v", l(n("2"))), old).item())
        .isEqualTo(withKey("l", l(n("2"), n("1"))));
    assertThat(
            apply("SET m = list_append(if_not_exists(m, :e), :v)", values(":v", l(n("2")), ":e", l()), old)
                .item())
        .isEqualTo(withKey("l", l(n("1")), "m", l(n("2"))));
  }

  @Test
  void arithmetic() {
    Map<String, AttributeValue> old = withKey("x", n("10"));
    assertThat(apply("SET x = x + :v, y = :v - x", values(":v", n("2.5")), old).item())
        .isEqualTo(withKey("x", n("12.5"), "y", n("-7.5")));
  }

  @Test
  void addAndDelete() {
    Map<String, AttributeValue> old =
        withKey("n", n("1"), "s", ss("a", "b"), "t", ns("1", "2"), "u", bs("x"));
    UpdateResult result =
        apply(
            "ADD n :one, s :ss, z :one, w :ss DELETE t :ns, u :bs",
            values(":one", n("1"), ":ss", ss("b", "c"), ":ns", ns("2"), ":bs", bs("x")),
            old);
    assertThat(result.item())
        .isEqualTo(
            withKey(
                "n", n("2"), "s", ss("a", "b", "c"), "t", ns("1"), "z", n("1"), "w", ss("b", "c")));
    assertThat(result.updatedOld().keySet()).containsExactlyInAnyOrder("n", "s", "t", "u");
    assertThat(result.updatedNew().keySet()).containsExactlyInAnyOrder("n", "s", "t", "z", "w");
    assertThat(apply("DELETE q :ss", values(":ss", ss("a")), old).item()).isEqualTo(old);
  }

  @Test
  void missingAttributes() {
    for (String text : List.of("set c = b", "set e = list_append(b, c)", "set e = b + :n")) {
      assertValidation(
          () -> apply(text, values(":n", n("1")), null),
          "The provided expression refers to an attribute that does not exist in the item");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"set b.a = a", "set b[1] = a"})
  void nestedPathsInANewItem(String text) {
    assertValidation(
        () -> apply(text, ExpressionAttributes.none(), null),
        "The document path provided in the update expression is invalid for update");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "set b.a = :a, #1 = :a",
        "set b[1] = :a, #1 = :a",
        "set y.a = :a, #1 = :a",
        "set y[1] = :a, #1 = :a",
        "set c[1] = :a, #1 = :a",
        "set d.#1 = :a",
        "remove b.a set #1 = :a",
        "remove b[1] set #1 = :a",
        "remove y.a set #1 = :a",
        "remove y[1] set #1 = :a",
        "remove c[1] set #1 = :a",
        "remove d.#1 set #1 = :a",
        "delete b.a :a set #1 = :a",
        "delete b[1] :a set #1 = :a",
        "delete y.a :a set #1 = :a",
        "delete y[1] :a set #1 = :a",
        "delete c[1] :a set #1 = :a",
        "delete d.#1 :a",
        "add b.a :a set #1 = :a",
        "add b[1] :a set #1 = :a",
        "add y.a :a set #1 = :a",
        "add y[1] :a set #1 = :a",
        "add c[1] :a set #1 = :a",
        "add d.#1 :a",
      })
  void invalidPathsInAnExistingItem(String text) {
    Map<String, AttributeValue> old = withKey("b", s("k"), "c", m("1", s("a")), "d", l(s("a"), s("b")));
    assertValidation(
        () -> apply(text, attrs(names("#1", "1"), ":a", ss("a")), old),
        "The document path provided in the update expression is invalid for update");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delete d :ss",
        "delete b :ns",
        "delete b.a :ns",
        "delete b.a :bs",
        "delete c :ns",
        "add b :ns",
        "add d :n",
        "set e = a + :n",
        "set e = b - :n",
        "set e = list_append(d, if_not_exists(f, :l))",
      })
  void wrongTypesAtRuntime(String text) {
    Map<String, AttributeValue> old = withKey("b", m("a", ss("1")), "c", n("1"), "d", ns("1"));
    ExpressionAttributes attributes =
        values(":ss", ss("1"), ":ns", ns("1"), ":bs", bs("a"), ":n", n("1"), ":l", l());
    assertValidation(
        () -> apply(text, attributes, old),
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void numbersOutOfRange() {
    String overflow =
        "Number overflow. Attempting to store a number with magnitude larger than supported range";
    assertValidation(
        () -> apply("SET x = x + :v", values(":v", n("9E125")), withKey("x", n("9E125"))), overflow);
    assertValidation(
        () -> apply("SET x = x + :v", values(":v", n("1")), withKey("x", n("1E50"))), overflow);
    assertValidation(
        () -> apply("ADD x :v", values(":v", n("-9E125")), withKey("x", n("-9E125"))), overflow);
    assertValidation(
        () -> apply("SET x = x - :v", values(":v", n("0.9E-130")), withKey("x", n("1E-130"))),
        "Number underflow. Attempting to store a number with magnitude smaller than supported"
            + " range");
  }

  @Test
  void keyAttributesCannotBeUpdated() {
    assertValidation(
        () -> apply("SET a = :v", values(":v", s("x")), null),
        "One or more parameter values were invalid: Cannot update attribute a. This attribute is"
            + " part of the key");
  }

  @Test
  void nestingLimit() {
    AttributeValue deep = s("leaf");
    StringBuilder path = new StringBuilder("x");
    for (int i = 0; i < 31; i++) {
      deep = m("k", deep);
      path.append(".k");
    }
    Map<String, AttributeValue> old = withKey("x", deep);
    // The value lands at level 32: a scalar is fine, a map or list is one level too deep.
    apply("SET " + path + " = :v", values(":v", s("x")), old);
    assertValidation(
        () -> apply("SET " + path + " = :v", values(":v", m()), old),
        "Nesting Levels have exceeded supported limits");
  }
}

package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.b;
import static io.tributary.expressions.Values.json;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.Wording;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KeyConditionExpression and KeyConditions. The expression's own messages are dynalite's, with the
 * "Invalid KeyConditionExpression: " prefix DynamoDB now puts in front of them.
 */
class KeyConditionTest {
  private static final String KEY = "Invalid KeyConditionExpression: ";
  private static final KeyAttributes HASH = KeyAttributes.of("a", "S");
  private static final KeyAttributes RANGE = new KeyAttributes("a", "S", "b", "N");

  private static void keyFails(String text, ExpressionAttributes attrs, String message) {
    assertValidation(() -> Expressions.parseKeyConditions(text, attrs), message);
  }

  @Test
  void partitionAndSortKey() {
    KeyCondition kc =
        Expressions.parseKeyCondition(
            "#b BETWEEN :lo AND :hi AND a = :a",
            attrs(names("#b", "b"), ":a", s("x"), ":lo", n("1"), ":hi", n("5")),
            RANGE);
    assertThat(kc.partitionKey()).isEqualTo("a");
    assertThat(kc.partitionKeyValue()).isEqualTo(s("x"));
    SortKeyCondition sort = kc.sortKeyCondition();
    assertThat(sort.attribute()).isEqualTo("b");
    assertThat(sort.operator()).isEqualTo(ComparisonOperator.BETWEEN);
    assertThat(sort.values()).containsExactly(n("1"), n("5"));
    assertThat(sort.matches(n("1"))).isTrue();
    assertThat(sort.matches(n("5"))).isTrue();
    assertThat(sort.matches(n("5.1"))).isFalse();
  }

  @Test
  void reversedOperandsAreNormalised() {
    KeyCondition kc =
        Expressions.parseKeyCondition(
            ":a = a AND :v <= b", values(":a", s("x"), ":v", n("3")), RANGE);
    assertThat(kc.sortKeyCondition().operator()).isEqualTo(ComparisonOperator.GE);
    assertThat(kc.sortKeyCondition().matches(n("3"))).isTrue();
    assertThat(kc.sortKeyCondition().matches(n("2"))).isFalse();
  }

  @Test
  void partitionOnly() {
    KeyCondition kc = Expressions.parseKeyCondition("a = :a", values(":a", s("x")), RANGE);
    assertThat(kc.sortKeyCondition()).isNull();
  }

  @Test
  void beginsWith() {
    KeyAttributes keys = new KeyAttributes("a", "S", "b", "B");
    SortKeyCondition sort =
        Expressions.parseKeyCondition(
                "a = :a AND begins_with(b, :p)", values(":a", s("x"), ":p", b("ab")), keys)
            .sortKeyCondition();
    assertThat(sort.matches(b("abc"))).isTrue();
    assertThat(sort.matches(b("ba"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a > b and size(b) > c or a > c|OR",
        "a in (b, size(c), d)|IN",
        "attribute_exists(a)|attribute_exists",
        "attribute_not_exists(a)|attribute_not_exists",
        "contains(a.d, b)|contains",
        "not a > b|NOT",
        "a <> b|<>",
        "attribute_type(a, :t)|attribute_type",
      })
  void invalidOperators(String text, String operator) {
    keyFails(
        text,
        values(":t", s("S")),
        KEY + "Invalid operator used in KeyConditionExpression: " + operator);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ":a between size(b) and size(a) and b > :b|BETWEEN",
        "begins_with(:a, b) and a > :b|begins_with",
      })
  void keyAttributeFirst(String text, String operator) {
    keyFails(
        text,
        values(":a", s("1"), ":b", s("1")),
        KEY
            + "Invalid condition in KeyConditionExpression: "
            + operator
            + " operator must have the key attribute as its first operand");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)"})
  void nestedOperations(String text) {
    keyFails(text, ExpressionAttributes.none(), KEY + "KeyConditionExpressions cannot contain nested operations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b > a.b", "b between c[1] and d", "a between b and size(a)", "begins_with(a, b)"})
  void multipleAttributeNames(String text) {
    keyFails(
        text,
        ExpressionAttributes.none(),
        KEY + "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b.d > a AND c.d > e.f", "a.d > c", "b[0] > a"})
  void nestedAttributes(String text) {
    keyFails(
        text,
        ExpressionAttributes.none(),
        KEY + "KeyConditionExpressions cannot have conditions on nested attributes");
  }

  @ParameterizedTest
  @ValueSource(strings = {":b > :a AND a < :b", ":a > b AND :a < :b"})
  void noKeyAttribute(String text) {
    keyFails(
        text,
        values(":a", n("1"), ":b", n("1")),
        KEY + "Invalid condition in KeyConditionExpression: No key attribute specified");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"b > :a AND b < :a and c = :a and d = :a", "(a > :a and b > :a) and (b > :a and c > :a)"})
  void oneConditionPerKey(String text) {
    keyFails(
        text,
        values(":a", n("1")),
        KEY + "KeyConditionExpressions must only contain one condition per key");
  }

  @Test
  void betweenBounds() {
    keyFails(
        "a between :b and :a",
        values(":a", s("a"), ":b", n("1")),
        KEY
            + "The BETWEEN operator requires same data type for lower and upper bounds; lower bound"
            + " operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
    keyFails(
        "a between :b and :a",
        values(":a", s("a"), ":b", s("b")),
        KEY
            + "The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
            + " lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue:"
            + " {S:a}");
  }

  @Test
  void beginsWithNeedsAStringOrBinary() {
    keyFails(
        "a = :a AND begins_with(b, :n)",
        values(":a", s("x"), ":n", n("1")),
        KEY
            + "Incorrect operand type for operator or function; operator or function: begins_with,"
            + " operand type: N");
  }

  @Test
  void againstTheSchema() {
    assertValidation(
        () -> Expressions.parseKeyCondition("a = :a AND b = :a AND c = :a", values(":a", s("x")), RANGE),
        "The number of query conditions (3) exceeds the number of key attributes defined in the"
            + " schema (2)");
    assertValidation(
        () -> Expressions.parseKeyCondition("a = :a AND b = :a", values(":a", s("x")), HASH),
        "The number of query conditions (2) exceeds the number of key attributes defined in the"
            + " schema (1)");
    assertValidation(
        () -> Expressions.parseKeyCondition("b = :n", values(":n", n("1")), RANGE),
        "Query condition missed key schema element: a");
    assertValidation(
        () -> Expressions.parseKeyCondition("a = :a AND z = :n", values(":a", s("x"), ":n", n("1")), RANGE),
        "Query condition missed key schema element: b");
    assertValidation(
        () -> Expressions.parseKeyCondition("a = :n", values(":n", n("1")), RANGE),
        "One or more parameter values were invalid: Condition parameter type does not match schema"
            + " type");
    assertValidation(
        () -> Expressions.parseKeyCondition("a = :a AND b > :s", values(":a", s("x"), ":s", s("1")), RANGE),
        "One or more parameter values were invalid: Condition parameter type does not match schema"
            + " type");
    assertValidation(
        () -> Expressions.parseKeyCondition("a > :a", values(":a", s("x")), RANGE),
        "Query key condition not supported");
    assertValidation(
        () -> Expressions.parseKeyCondition("begins_with(a, :a)", values(":a", s("x")), RANGE),
        "Query key condition not supported");
  }

  @Test
  void legacyKeyConditions() {
    KeyConditions kcs =
        LegacyConditions.keyConditions(
            json(
                "{'b': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '2'}]},"
                    + " 'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]}}"),
            Wording.CURRENT);
    KeyCondition kc = kcs.resolve(RANGE);
    assertThat(kc.partitionKeyValue()).isEqualTo(s("x"));
    assertThat(kc.sortKeyCondition().operator()).isEqualTo(ComparisonOperator.GT);

    KeyConditions nullOnZ =
        LegacyConditions.keyConditions(json("{'z': {'ComparisonOperator': 'NULL'}}"), Wording.CURRENT);
    assertValidation(() -> nullOnZ.resolve(RANGE), "Query condition missed key schema element: a");
    KeyConditions nullOnA =
        LegacyConditions.keyConditions(json("{'a': {'ComparisonOperator': 'NULL'}}"), Wording.CURRENT);
    assertValidation(
        () -> nullOnA.resolve(RANGE), "Attempted conditional constraint is not an indexable operation");
    KeyConditions two =
        LegacyConditions.keyConditions(
            json(
                "{'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]},"
                    + " 'y': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'x'}]}}"),
            Wording.CURRENT);
    assertValidation(() -> two.resolve(HASH), "Query key condition not supported");
    assertValidation(
        () -> LegacyConditions.keyConditions(json("{}"), Wording.CURRENT),
        "Conditions can be of length 1 or 2 only");
    assertValidation(
        () ->
            LegacyConditions.keyConditions(
                json(
                    "{'a': {'ComparisonOperator': 'NULL'}, 'b': {'ComparisonOperator': 'NULL'},"
                        + " 'c': {'ComparisonOperator': 'NULL'}}"),
                Wording.CURRENT),
        "Conditions can be of length 1 or 2 only");
    assertValidation(
        () ->
            LegacyConditions.keyConditions(
                json("{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'S': 'b'}, {'S': 'a'}]}}"),
                Wording.CURRENT),
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper"
            + " bound");
  }

  @Test
  void attributeNamesAreTheKeyConditionsAttributes() {
    assertThat(
            Expressions.parseKeyConditions("a = :a AND b > :n", values(":a", s("x"), ":n", n("1")))
                .attributeNames())
        .isEqualTo(new java.util.LinkedHashSet<>(List.of("a", "b")));
  }
}

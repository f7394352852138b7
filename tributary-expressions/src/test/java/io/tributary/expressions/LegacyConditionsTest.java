package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.json;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected, QueryFilter and ScanFilter: messages as dynalite and DynamoDB Local give them. */
class LegacyConditionsTest {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private static Condition expected(String expected) {
    return LegacyConditions.expected(json(expected), null, Wording.CURRENT);
  }

  private static Condition filter(String filter, String conditionalOperator) {
    Json op = conditionalOperator == null ? null : new Json.Str(conditionalOperator);
    return LegacyConditions.filter(json(filter), op, Wording.CURRENT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'a': {}}|Value must be provided when Exists is null for Attribute: a",
        "{'a': {'Exists': true}}|Value must be provided when Exists is true for Attribute: a",
        "{'a': {'Exists': false, 'Value': {'S': 'x'}}}|Value cannot be used when Exists is false for"
            + " Attribute: a",
        "{'a': {'ComparisonOperator': 'LT'}}|Value or AttributeValueList must be used with"
            + " ComparisonOperator: LT for Attribute: a",
        "{'a': {'Exists': true, 'ComparisonOperator': 'LT'}}|Exists and ComparisonOperator cannot be"
            + " used together for Attribute: a",
        "{'a': {'AttributeValueList': []}}|AttributeValueList can only be used with a"
            + " ComparisonOperator for Attribute: a",
        "{'a': {'Exists': true, 'AttributeValueList': []}}|AttributeValueList can only be used with a"
            + " ComparisonOperator for Attribute: a",
        "{'a': {'Value': {'S': 'a'}, 'AttributeValueList': []}}|Value and AttributeValueList cannot be"
            + " used together for Attribute: a",
        "{'a': {'Value': {'S': 'a'}, 'ComparisonOperator': 'BETWEEN'}}|Invalid number of argument(s)"
            + " for the BETWEEN ComparisonOperator",
        "{'a': {'Value': {'S': 'a'}, 'ComparisonOperator': 'NULL'}}|Invalid number of argument(s) for"
            + " the NULL ComparisonOperator",
        "{'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'S': 'b'}, {'N': '1'}]}}"
            + "|AttributeValues inside AttributeValueList must be of same type",
        "{'a': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'BOOL': true}]}}"
            + "|ComparisonOperator LT is not valid for BOOL AttributeValue type",
        "{'a': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'N': '1'}]}}"
            + "|ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
        "{'a': {'ComparisonOperator': 'CONTAINS', 'AttributeValueList': [{'SS': ['a']}]}}"
            + "|ComparisonOperator CONTAINS is not valid for SS AttributeValue type",
      })
  void expectedMessages(String expected, String message) {
    assertValidation(() -> expected(expected), INVALID + message);
  }

  @Test
  void betweenOrder() {
    assertValidation(
        () ->
            expected(
                "{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'S': 'b'}, {'S':"
                    + " 'a'}]}}"),
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper"
            + " bound");
  }

  @Test
  void conditionalOperator() {
    assertValidation(
        () -> LegacyConditions.expected(null, new Json.Str("AND"), Wording.CURRENT),
        "ConditionalOperator cannot be used without Filter or Expected");
    assertValidation(
        () -> LegacyConditions.filter(json("{}"), new Json.Str("OR"), Wording.CURRENT),
        "ConditionalOperator cannot be used without Filter or Expected");
    assertValidation(
        () -> filter("{'a': {'ComparisonOperator': 'NULL'}}", "OR"),
        "ConditionalOperator can only be used when Filter or Expected has two or more elements");
    assertThat(LegacyConditions.expected(null, null, Wording.CURRENT)).isNull();
  }

  @Test
  void expectedEvaluation() {
    Condition equal = expected("{'a': {'Value': {'S': 'x'}}}");
    assertThat(equal.test(item("a", s("x")))).isTrue();
    assertThat(equal.test(item("a", s("y")))).isFalse();
    assertThat(equal.test(null)).isFalse();
    Condition absent = expected("{'a': {'Exists': false}}");
    assertThat(absent.test(null)).isTrue();
    assertThat(absent.test(item("a", s("x")))).isFalse();
    Condition valueWithOperator =
        expected("{'a': {'Value': {'N': '5'}, 'ComparisonOperator': 'GT'}}");
    assertThat(valueWithOperator.test(item("a", n("6")))).isTrue();
    assertThat(valueWithOperator.test(item("a", n("5")))).isFalse();
    assertThat(equal.topLevelAttributeNames()).containsExactly("a");
  }

  @Test
  void filterEvaluation() {
    Condition and =
        filter(
            "{'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '1'}]},"
                + " 'b': {'ComparisonOperator': 'NOT_NULL'}}",
            null);
    assertThat(and.test(item("a", n("1"), "b", s("x")))).isTrue();
    assertThat(and.test(item("a", n("1")))).isFalse();
    Condition or =
        filter(
            "{'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '1'}]},"
                + " 'b': {'ComparisonOperator': 'NOT_NULL'}}",
            "OR");
    assertThat(or.test(item("a", n("1")))).isTrue();
    assertThat(or.test(item("a", n("2")))).isFalse();
  }

  @Test
  void comparisonOperators() {
    Condition notContains =
        filter("{'a': {'ComparisonOperator': 'NOT_CONTAINS', 'AttributeValueList': [{'S': 'x'}]}}", null);
    assertThat(notContains.test(item())).isFalse();
    assertThat(notContains.test(item("a", ss("y")))).isTrue();
    assertThat(notContains.test(item("a", ss("x")))).isFalse();
    Condition contains =
        filter("{'a': {'ComparisonOperator': 'CONTAINS', 'AttributeValueList': [{'N': '1'}]}}", null);
    assertThat(contains.test(item("a", l(n("1"), s("x"))))).isTrue();
    Condition in =
        filter(
            "{'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'S': 'x'}, {'S': 'y'}]}}", null);
    assertThat(in.test(item("a", s("y")))).isTrue();
    assertThat(in.test(item("a", s("z")))).isFalse();
    Condition ne =
        filter("{'a': {'ComparisonOperator': 'NE', 'AttributeValueList': [{'S': 'x'}]}}", null);
    assertThat(ne.test(item())).isTrue();
    assertThat(ne.test(item("a", n("1")))).isTrue();
    Condition begins =
        filter(
            "{'a': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'ab'}]}}", null);
    assertThat(begins.test(item("a", s("abc")))).isTrue();
    Condition between =
        filter(
            "{'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '3'}]}}",
            null);
    assertThat(between.test(item("a", n("3")))).isTrue();
    assertThat(between.test(item("a", s("2")))).isFalse();
  }

  @Test
  void nullFilterCondition() {
    assertValidation(
        () -> filter("{'a': null}", null),
        "The filter condition for an attribute cannot be null: a");
  }

  @Test
  void valuesAreDecodedWithTheActionsWording() {
    assertValidation(
        () -> expected("{'a': {'Value': {'N': 'x'}}}"),
        "The parameter cannot be converted to a numeric value: x");
  }
}

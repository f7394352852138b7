package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.json;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.ns;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.AttributeValue;
import io.tributary.model.Wording;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AttributeUpdates: messages and results as dynalite (run against DynamoDB) expects them. */
class LegacyUpdatesTest {
  private static final Map<String, AttributeValue> KEY = item("a", s("k"));

  private static Update updates(String json) {
    return LegacyUpdates.attributeUpdates(json(json), Wording.CURRENT);
  }

  private static Map<String, AttributeValue> withKey(Object... nameValues) {
    Map<String, AttributeValue> out = item("a", s("k"));
    out.putAll(item(nameValues));
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'b': {'Action': 'PUT'}}|Only DELETE action is allowed when no attribute value is"
            + " specified",
        "{'b': {'Action': 'ADD'}}|Only DELETE action is allowed when no attribute value is"
            + " specified",
        "{'b': {}}|Only DELETE action is allowed when no attribute value is specified",
        "{'b': {'Action': 'DELETE', 'Value': {'S': 'x'}}}|DELETE action with value is not supported"
            + " for the type S",
        "{'b': {'Action': 'DELETE', 'Value': {'N': '1'}}}|DELETE action with value is not supported"
            + " for the type N",
        "{'b': {'Action': 'ADD', 'Value': {'S': 'x'}}}|ADD action is not supported for the type S",
        "{'b': {'Action': 'ADD', 'Value': {'M': {}}}}|ADD action is not supported for the type M",
      })
  void invalidActions(String json, String message) {
    assertValidation(() -> updates(json), "One or more parameter values were invalid: " + message);
  }

  @Test
  void nullUpdate() {
    assertValidation(
        () -> updates("{'b': null}"),
        "Supplied AttributeValueUpdate is empty, must contain one of the supported actions: b is"
            + " null");
  }

  @Test
  void keyAttributes() {
    Update update = updates("{'a': {'Value': {'S': 'x'}}}");
    assertValidation(
        () -> update.apply(null, KEY),
        "One or more parameter values were invalid: Cannot update attribute a. This attribute is"
            + " part of the key");
  }

  @Test
  void actions() {
    Map<String, AttributeValue> old =
        withKey("n", n("2"), "s", ss("a", "b"), "l", l(s("a")), "gone", s("x"), "t", ns("1"));
    UpdateResult result =
        updates(
                "{'n': {'Action': 'ADD', 'Value': {'N': '2'}},"
                    + " 's': {'Action': 'ADD', 'Value': {'SS': ['b', 'c']}},"
                    + " 'l': {'Action': 'ADD', 'Value': {'L': [{'S': 'b'}]}},"
                    + " 'gone': {'Action': 'DELETE'},"
                    + " 't': {'Action': 'DELETE', 'Value': {'NS': ['1']}},"
                    + " 'p': {'Value': {'S': 'new'}},"
                    + " 'q': {'Action': 'ADD', 'Value': {'N': '7'}},"
                    + " 'missing': {'Action': 'DELETE'}}")
            .apply(old, KEY);
    assertThat(result.item())
        .isEqualTo(
            withKey(
                "n", n("4"), "s", ss("a", "b", "c"), "l", l(s("a"), s("b")), "p", s("new"), "q",
                n("7")));
    assertThat(result.updatedNew())
        .isEqualTo(
            item("n", n("4"), "s", ss("a", "b", "c"), "l", l(s("a"), s("b")), "p", s("new"), "q", n("7")));
  }

  @Test
  void typeMismatch() {
    Map<String, AttributeValue> old = withKey("b", ss("1"), "c", n("1"), "d", ns("1"));
    for (String json :
        new String[] {
          "{'b': {'Action': 'DELETE', 'Value': {'NS': ['1']}}}",
          "{'b': {'Action': 'DELETE', 'Value': {'BS': ['YQ==']}}}",
          "{'c': {'Action': 'DELETE', 'Value': {'NS': ['1']}}}",
          "{'b': {'Action': 'ADD', 'Value': {'NS': ['1']}}}",
          "{'d': {'Action': 'ADD', 'Value': {'N': '1'}}}",
        }) {
      assertValidation(() -> updates(json).apply(old, KEY), "Type mismatch for attribute to update");
    }
  }

  @Test
  void absentGivesAnEmptyUpdate() {
    UpdateResult result = LegacyUpdates.attributeUpdates(null, Wording.CURRENT).apply(null, KEY);
    assertThat(result.item()).isEqualTo(KEY);
    assertThat(result.updatedAttributes()).isEmpty();
  }
}

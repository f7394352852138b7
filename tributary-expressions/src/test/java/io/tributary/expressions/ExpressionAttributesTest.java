package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionAttributesTest {
  @Test
  void emptyMaps() {
    assertValidation(
        () -> ExpressionAttributes.of(Map.of(), null), "ExpressionAttributeNames must not be empty");
    assertValidation(
        () -> ExpressionAttributes.of(null, Map.of()),
        "ExpressionAttributeValues must not be empty");
  }

  @Test
  void invalidKeys() {
    assertValidation(
        () -> ExpressionAttributes.of(names("a", "x"), null),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    assertValidation(
        () -> ExpressionAttributes.of(names("#a-b", "x"), null),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
    assertValidation(
        () -> ExpressionAttributes.of(null, item("v", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
    assertValidation(
        () -> ExpressionAttributes.of(null, item("#v", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"#v\"");
    assertValidation(
        () -> ExpressionAttributes.of(names("", "x"), null),
        "ExpressionAttributeNames contains invalid key: The expression attribute map contains an"
            + " empty key;");
    String longName = "#" + "a".repeat(255);
    assertValidation(
        () -> ExpressionAttributes.of(names(longName, "x"), null),
        "ExpressionAttributeNames contains invalid key: The expression attribute map contains a key"
            + " that is too long; size of key: 256");
    String longValue = ":" + "a".repeat(255);
    assertValidation(
        () -> ExpressionAttributes.of(null, item(longValue, s("x"))),
        "ExpressionAttributeValues contains invalid key: The expression attribute map contains a"
            + " key that is too long;");
  }

  @Test
  void keysMayHaveSurroundingWhitespaceButItIsNotTrimmed() {
    ExpressionAttributes attributes = ExpressionAttributes.of(names(" #a", "x"), null);
    assertValidation(
        () -> Expressions.parseProjection("#a", attributes),
        "Invalid ProjectionExpression: An expression attribute name used in the document path is"
            + " not defined; attribute name: #a");
  }

  @Test
  void invalidNameValues() {
    assertValidation(
        () -> ExpressionAttributes.of(names("#a", ""), null),
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    Map<String, String> nullName = new LinkedHashMap<>();
    nullName.put("#a", null);
    assertValidation(
        () -> ExpressionAttributes.of(nullName, null),
        "ExpressionAttributeNames contains invalid value: null for key #a");
    assertValidation(
        () -> ExpressionAttributes.of(names("#a", "x".repeat(65536)), null),
        "ExpressionAttributeNames contains invalid value: Attribute name is too large, must be less"
            + " than 65536 bytes for key #a");
  }

  @Test
  void keysAreCheckedBeforeNameValues() {
    assertValidation(
        () -> ExpressionAttributes.of(names("#a", ""), item("v", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
  }

  @Test
  void fromJsonReportsBadValuesWithTheirKey() {
    Json values = Values.json("{':v': {'S': 'x'}, ':w': {'N': 'abc'}}");
    assertValidation(
        () -> ExpressionAttributes.fromJson(null, values, Wording.CURRENT),
        "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a"
            + " numeric value: abc for key :w");
  }

  @Test
  void undefinedPlaceholders() {
    assertValidation(
        () -> Expressions.parseCondition("ConditionExpression", "#x = :v", values(":v", s("a"))),
        "Invalid ConditionExpression: An expression attribute name used in the document path is not"
            + " defined; attribute name: #x");
    assertValidation(
        () ->
            Expressions.parseCondition(
                "FilterExpression", "a = :v", ExpressionAttributes.none()),
        "Invalid FilterExpression: An expression attribute value used in expression is not"
            + " defined; attribute value: :v");
  }

  @Test
  void unusedPlaceholders() {
    ExpressionAttributes a = attrs(names("#a", "a", "#b", "b"), ":v", s("x"), ":w", s("y"));
    Expressions.parseCondition("ConditionExpression", "#a = :v", a);
    assertValidation(
        a::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
    ExpressionAttributes b = attrs(names("#a", "a"), ":v", s("x"), ":w", s("y"));
    Expressions.parseCondition("ConditionExpression", "#a = :v", b);
    assertValidation(
        b::checkAllUsed,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
    // Several keys come in hash-set order, as DynamoDB's Java service lists them.
    ExpressionAttributes c = attrs(names("#a", "a", "#b", "b", "#c", "c"));
    assertValidation(
        c::checkAllUsed,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
            + String.join(", ", new java.util.HashSet<>(java.util.List.of("#a", "#b", "#c")))
            + "}");
  }

  @Test
  void placeholdersUsedByAnyExpressionOfTheRequestCount() {
    ExpressionAttributes a = attrs(names("#a", "a", "#b", "b"), ":v", s("x"));
    Expressions.parseUpdate("SET #a = :v", a);
    Expressions.parseCondition("ConditionExpression", "attribute_exists(#b)", a);
    a.checkAllUsed();
    ExpressionAttributes.none().checkAllUsed();
    assertThat(a.names()).containsEntry("#a", "a");
  }
}

package io.tributary.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeValuesTest {
  private static final String INVALID = "One or more parameter values were invalid: ";

  static Json json(String text) {
    return JsonReader.parse(text.getBytes(UTF_8));
  }

  static AttributeValue value(String text) {
    return AttributeValues.fromJson(json(text));
  }

  static AbstractThrowableAssert<?, ?> refusal(String text, Wording wording, ErrorType type) {
    return assertThatThrownBy(() -> AttributeValues.fromJson(json(text), wording))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(type));
  }

  static Stream<Arguments> wrongJsonKinds() {
    String structure = "Start of structure or map found where not expected";
    String field = "Unexpected field type";
    String bytes = "only base-64-encoded strings are convertible to bytes";
    return Stream.of(
        Arguments.of("\"x\"", "Unexpected value type in payload"),
        Arguments.of("5", "Unexpected value type in payload"),
        Arguments.of("true", "Unexpected value type in payload"),
        Arguments.of(
            "[]",
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"),
        Arguments.of("{\"S\": true}", "TRUE_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": false}", "FALSE_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": 23}", "NUMBER_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": -2147483649}", "NUMBER_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": 34.56}", "DECIMAL_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": 1e3}", "DECIMAL_VALUE cannot be converted to String"),
        Arguments.of("{\"S\": []}", "Unrecognized collection type class java.lang.String"),
        Arguments.of("{\"S\": {}}", structure),
        Arguments.of("{\"N\": 5}", "NUMBER_VALUE cannot be converted to String"),
        Arguments.of("{\"N\": {}}", structure),
        Arguments.of("{\"B\": true}", bytes),
        Arguments.of("{\"B\": 23}", bytes),
        Arguments.of("{\"B\": 34.56}", bytes),
        Arguments.of("{\"B\": []}", "Unrecognized collection type class java.nio.ByteBuffer"),
        Arguments.of("{\"B\": {}}", structure),
        Arguments.of(
            "{\"B\": \"23456\"}",
            "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
        Arguments.of("{\"B\": \"=+/=\"}", "Invalid last non-pad Base64 character dectected"),
        Arguments.of("{\"B\": \"+/+=\"}", "Invalid last non-pad Base64 character dectected"),
        Arguments.of(
            "{\"B\": \"YQ==\", \"BS\": [\"Yh==\"]}",
            "Invalid last non-pad Base64 character dectected"),
        Arguments.of("{\"B\": \"ab!d\"}", "Invalid Base64 character: '!'"),
        Arguments.of("{\"BOOL\": \"23\"}", "Unexpected token received from parser"),
        Arguments.of("{\"BOOL\": \"true\"}", "Unexpected token received from parser"),
        Arguments.of("{\"BOOL\": 23}", "NUMBER_VALUE cannot be converted to Boolean"),
        Arguments.of("{\"BOOL\": 34.56}", "DECIMAL_VALUE cannot be converted to Boolean"),
        Arguments.of("{\"BOOL\": []}", "Unrecognized collection type class java.lang.Boolean"),
        Arguments.of("{\"BOOL\": {}}", structure),
        Arguments.of("{\"NULL\": 1}", "NUMBER_VALUE cannot be converted to Boolean"),
        Arguments.of("{\"NULL\": \"x\"}", "Unexpected token received from parser"),
        Arguments.of("{\"SS\": \"23\"}", field),
        Arguments.of("{\"SS\": true}", field),
        Arguments.of("{\"SS\": 23}", field),
        Arguments.of("{\"SS\": {}}", structure),
        Arguments.of("{\"SS\": [23]}", "NUMBER_VALUE cannot be converted to String"),
        Arguments.of("{\"NS\": [true]}", "TRUE_VALUE cannot be converted to String"),
        Arguments.of("{\"NS\": 1}", field),
        Arguments.of("{\"BS\": [23]}", bytes),
        Arguments.of(
            "{\"BS\": [\"abc\"]}",
            "Base64 encoded length is expected a multiple of 4 bytes but found: 3"),
        Arguments.of("{\"BS\": \"YQ==\"}", field),
        Arguments.of("{\"L\": \"x\"}", field),
        Arguments.of("{\"L\": {}}", structure),
        Arguments.of("{\"L\": [5]}", "Unexpected value type in payload"),
        Arguments.of(
            "{\"L\": [[]]}",
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"),
        Arguments.of("{\"L\": [{\"BS\": [5]}]}", bytes),
        Arguments.of("{\"M\": 5}", field),
        Arguments.of("{\"M\": \"x\"}", field),
        Arguments.of(
            "{\"M\": []}",
            "Unrecognized collection type java.util.Map<java.lang.String,"
                + " com.amazonaws.dynamodb.v20120810.AttributeValue>"),
        Arguments.of("{\"M\": {\"a\": true}}", "Unexpected value type in payload"),
        Arguments.of("{\"M\": {\"a\": {\"BS\": [true]}}}", bytes),
        // Deserialization covers the whole value before any validation runs.
        Arguments.of(
            "{\"L\": [{\"N\": \"abc\"}, {\"S\": 5}]}",
            "NUMBER_VALUE cannot be converted to String"),
        Arguments.of(
            "{\"S\": \"a\", \"N\": \"b\", \"BOOL\": 1}",
            "NUMBER_VALUE cannot be converted to Boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void wrongJsonKinds(String text, String message) {
    refusal(text, Wording.CURRENT, ErrorType.SERIALIZATION).hasMessage(message);
    assertThatThrownBy(() -> AttributeValues.requireWellFormed(json(text))).hasMessage(message);
  }

  static Stream<Arguments> invalidValues() {
    String empty =
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    String notNumeric = "The parameter cannot be converted to a numeric value";
    return Stream.of(
        Arguments.of("{}", empty),
        Arguments.of("{\"a\": \"\"}", empty),
        Arguments.of("{\"s\": \"lower case is unknown\"}", empty),
        Arguments.of("{\"S\": null}", empty),
        Arguments.of("null", empty),
        Arguments.of("{\"M\": {\"a\": {}}}", empty),
        Arguments.of("{\"M\": {\"a\": null}}", empty),
        Arguments.of("{\"L\": [{}]}", empty),
        Arguments.of("{\"L\": [{\"a\": {}}]}", empty),
        Arguments.of("{\"L\": [null]}", empty),
        Arguments.of(
            "{\"S\": \"a\", \"N\": \"1\"}",
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
                + " the supported datatypes"),
        Arguments.of("{\"S\": \"a\", \"N\": \"b\"}", notNumeric + ": b"),
        Arguments.of("{\"S\": \"\", \"N\": \"\"}", notNumeric + ": "),
        Arguments.of("{\"N\": \"1e126\"}", Numbers.OVERFLOW),
        Arguments.of(
            "{\"NULL\": false}",
            INVALID + "Null attribute value types must have the value of true"),
        Arguments.of("{\"SS\": []}", INVALID + "An string set  may not be empty"),
        Arguments.of("{\"NS\": []}", INVALID + "An number set  may not be empty"),
        Arguments.of("{\"BS\": []}", INVALID + "Binary sets should not be empty"),
        Arguments.of("{\"NS\": [\"1\", \"\"]}", notNumeric + ": "),
        Arguments.of("{\"NS\": [\"1\", \"b\"]}", notNumeric + ": b"),
        Arguments.of("{\"NS\": [\"1\", \"1\", \"b\"]}", notNumeric + ": b"),
        Arguments.of(
            "{\"SS\": [\"b\", \"a\", \"b\"]}",
            INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates."),
        Arguments.of(
            "{\"SS\": [\"a\", \"a\"]}",
            INVALID + "Input collection [\"a\", \"a\"] contains duplicates."),
        Arguments.of(
            "{\"SS\": [\"c\", \"a\", \"c\", \"b\"]}",
            INVALID + "Input collection [\"a\", \"c\", \"c\", \"b\"] contains duplicates."),
        Arguments.of(
            "{\"SS\": [\"\", \"\"]}",
            INVALID + "Input collection [\"\", \"\"] contains duplicates."),
        Arguments.of(
            "{\"SS\": [\"q\\\"\", \"q\\\"\"]}",
            INVALID + "Input collection [\"q\\\"\", \"q\\\"\"] contains duplicates."),
        Arguments.of(
            "{\"BS\": [\"/w==\", \"AA==\", \"AA==\"]}",
            INVALID
                + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates."),
        Arguments.of(
            "{\"BS\": [\"\", \"\"]}",
            INVALID + "Input collection [\"\",\"\"]of type BS contains duplicates."),
        Arguments.of(
            "{\"NS\": [\"2\", \"1\", \"2\"]}", INVALID + "Input collection contains duplicates."),
        Arguments.of(
            "{\"NS\": [\"1\", \"1.0\"]}", INVALID + "Input collection contains duplicates."),
        Arguments.of(
            "{\"NS\": [\"0\", \"-0.00\"]}", INVALID + "Input collection contains duplicates."),
        Arguments.of(
            "{\"L\": [{\"S\": \"a\"}, {\"NULL\": false}]}",
            INVALID + "Null attribute value types must have the value of true"),
        Arguments.of("{\"M\": {\"x\": {\"L\": [{\"N\": \"abc\"}]}}}", notNumeric + ": abc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidValues(String text, String message) {
    refusal(text, Wording.CURRENT, ErrorType.VALIDATION).hasMessage(message);
  }

  static Stream<Arguments> invalidValuesInTheLegacyLayer() {
    return Stream.of(
        Arguments.of("{\"N\": \"\"}", "The parameter cannot be converted to a numeric value"),
        Arguments.of(
            "{\"NS\": [\"1\", \"\"]}", "The parameter cannot be converted to a numeric value"),
        Arguments.of("{\"N\": \"1e2147483647\"}", Numbers.UNDERFLOW),
        Arguments.of(
            "{\"SS\": [\"b\", \"a\", \"b\"]}",
            INVALID + "Input collection [b, a, b] contains duplicates."),
        Arguments.of(
            "{\"BS\": [\"/w==\", \"AA==\", \"AA==\"]}",
            INVALID + "Input collection [/w==, AA==, AA==]of type BS contains duplicates."),
        Arguments.of("{\"NS\": [\"2\", \"1\", \"2\"]}", "Input collection contains duplicates"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidValuesInTheLegacyLayer(String text, String message) {
    refusal(text, Wording.LEGACY, ErrorType.VALIDATION).hasMessage(message);
  }

  @Test
  void emptyStringsAndBinariesAreAllowedOutsideKeys() {
    assertThat(value("{\"S\": \"\"}")).isEqualTo(new AttributeValue.S(""));
    assertThat(value("{\"B\": \"\"}")).isEqualTo(new AttributeValue.B(new byte[0]));
    assertThat(value("{\"SS\": [\"\"]}")).isEqualTo(new AttributeValue.SS(List.of("")));
    assertThat(value("{\"BS\": [\"\"]}")).isEqualTo(new AttributeValue.BS(List.of(new byte[0])));
  }

  @Test
  void unknownAndNullMembersAreIgnored() {
    assertThat(value("{\"S\": \"a\", \"X\": 5}")).isEqualTo(new AttributeValue.S("a"));
    assertThat(value("{\"S\": null, \"N\": \"1.50\"}"))
        .isEqualTo(new AttributeValue.N(new BigDecimal("1.5")));
  }

  @Test
  void convertsEveryType() {
    assertThat(value("{\"N\": \"-56.7890\"}"))
        .isEqualTo(new AttributeValue.N(new BigDecimal("-56.789")));
    assertThat(value("{\"B\": \"Yg==\"}")).isEqualTo(new AttributeValue.B(new byte[] {'b'}));
    assertThat(value("{\"BOOL\": false}")).isEqualTo(AttributeValue.Bool.FALSE);
    assertThat(value("{\"NULL\": true}")).isEqualTo(AttributeValue.Null.INSTANCE);
    assertThat(value("{\"NS\": [\"1\", \"2.50\"]}"))
        .isEqualTo(new AttributeValue.NS(List.of(BigDecimal.ONE, new BigDecimal("2.5"))));
    assertThat(value("{\"BS\": [\"Yg==\", \"AA==\"]}"))
        .isEqualTo(new AttributeValue.BS(List.of(new byte[] {'b'}, new byte[] {0})));
    AttributeValue nested =
        value("{\"L\": [{\"M\": {\"z\": {\"L\": []}, \"a\": {\"M\": {}}}}, {\"S\": \"x\"}]}");
    assertThat(nested)
        .isEqualTo(
            new AttributeValue.L(
                List.of(
                    new AttributeValue.M(
                        Map.of(
                            "z",
                            new AttributeValue.L(List.of()),
                            "a",
                            new AttributeValue.M(Map.of()))),
                    new AttributeValue.S("x"))));
    assertThat(((AttributeValue.M) ((AttributeValue.L) nested).values().get(0)).values().keySet())
        .containsExactly("z", "a");
  }

  /** {@code depth} single-key maps around a leaf: the leaf sits at level depth + 1. */
  static String deepMap(int depth, String leaf) {
    return "{\"M\": {\"n\": ".repeat(depth) + leaf + "}}".repeat(depth);
  }

  @Test
  void nestingStopsAt32Levels() {
    assertThat(value(deepMap(31, "{\"S\": \"leaf\"}"))).isInstanceOf(AttributeValue.M.class);
    refusal(deepMap(32, "{\"S\": \"leaf\"}"), Wording.CURRENT, ErrorType.VALIDATION)
        .hasMessage(AttributeValues.TOO_DEEP);
    assertThat(
            AttributeValues.mapFromJson(json("{\"data\": " + deepMap(31, "{\"S\": \"x\"}") + "}")))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                AttributeValues.mapFromJson(
                    json("{\"data\": " + deepMap(32, "{\"S\": \"x\"}") + "}")))
        .hasMessage(
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested"
                + " levels beyond supported limit");
    String deepList = "{\"L\": [".repeat(40) + "{\"S\": \"x\"}" + "]}".repeat(40);
    refusal(deepList, Wording.CURRENT, ErrorType.VALIDATION).hasMessage(AttributeValues.TOO_DEEP);
  }

  @Test
  void nestingIsReportedInDocumentOrder() {
    String deep = deepMap(40, "{\"S\": \"x\"}");
    refusal(
            "{\"M\": {\"d\": " + deep + ", \"bad\": {\"N\": \"abc\"}}}",
            Wording.CURRENT,
            ErrorType.VALIDATION)
        .hasMessage(AttributeValues.TOO_DEEP);
    refusal(
            "{\"M\": {\"bad\": {\"N\": \"abc\"}, \"d\": " + deep + "}}",
            Wording.CURRENT,
            ErrorType.VALIDATION)
        .hasMessage(Numbers.NOT_NUMERIC + ": abc");
    refusal(deepMap(40, "{\"N\": \"abc\"}"), Wording.CURRENT, ErrorType.VALIDATION)
        .hasMessage(AttributeValues.TOO_DEEP);
  }

  @Test
  void attributeMapsKeepTheirOrder() {
    Map<String, AttributeValue> item =
        AttributeValues.mapFromJson(
            json("{\"b\": {\"S\": \"x\"}, \"a\": {\"N\": \"1.0\"}, \"c\": {\"NULL\": true}}"));
    assertThat(item.keySet()).containsExactly("b", "a", "c");
    assertThat(item.get("a")).isEqualTo(new AttributeValue.N(BigDecimal.ONE));
    assertThat(AttributeValues.mapFromJson(json("{}"))).isEmpty();
    assertThat(AttributeValues.mapFromJson(Json.Null.INSTANCE)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"x\"", "5", "true"})
  void attributeMapMustBeAnObject(String text) {
    assertThatThrownBy(() -> AttributeValues.mapFromJson(json(text)))
        .hasMessage("Unexpected field type");
  }

  @Test
  void attributeMapIsNotAList() {
    assertThatThrownBy(() -> AttributeValues.mapFromJson(json("[]")))
        .isInstanceOfSatisfying(
            DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.SERIALIZATION))
        .hasMessage(
            "Unrecognized collection type java.util.Map<java.lang.String,"
                + " com.amazonaws.dynamodb.v20120810.AttributeValue>");
  }

  @Test
  void toJsonWritesDynamoDbsForms() {
    assertThat(AttributeValues.toJson(new AttributeValue.N(new BigDecimal("1.50E+2"))))
        .isEqualTo(json("{\"N\": \"150\"}"));
    assertThat(AttributeValues.toJson(new AttributeValue.B(new byte[] {'b'})))
        .isEqualTo(json("{\"B\": \"Yg==\"}"));
    assertThat(AttributeValues.toJson(AttributeValue.Null.INSTANCE))
        .isEqualTo(json("{\"NULL\": true}"));
    assertThat(AttributeValues.toJson(AttributeValue.Bool.FALSE))
        .isEqualTo(json("{\"BOOL\": false}"));
    assertThat(
            AttributeValues.toJson(
                new AttributeValue.NS(List.of(new BigDecimal("-0.0"), new BigDecimal("1E+2")))))
        .isEqualTo(json("{\"NS\": [\"0\", \"100\"]}"));
    assertThat(AttributeValues.toJson(new AttributeValue.BS(List.of(new byte[] {0}))))
        .isEqualTo(json("{\"BS\": [\"AA==\"]}"));
    assertThat(AttributeValues.toJson(new AttributeValue.SS(List.of("a", "b"))))
        .isEqualTo(json("{\"SS\": [\"a\", \"b\"]}"));
    assertThat(
            AttributeValues.mapToJson(
                Map.of("l", new AttributeValue.L(List.of(new AttributeValue.S("x"))))))
        .isEqualTo(json("{\"l\": {\"L\": [{\"S\": \"x\"}]}}"));
  }
}

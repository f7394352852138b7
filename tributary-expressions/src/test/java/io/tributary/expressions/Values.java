package io.tributary.expressions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Short ways to write attribute values, items and expected errors in tests. */
final class Values {
  private Values() {}

  static AttributeValue s(String v) {
    return new AttributeValue.S(v);
  }

  static AttributeValue n(String v) {
    return new AttributeValue.N(new BigDecimal(v));
  }

  static AttributeValue b(String utf8) {
    return new AttributeValue.B(utf8.getBytes(StandardCharsets.UTF_8));
  }

  static AttributeValue bool(boolean v) {
    return v ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
  }

  static AttributeValue nul() {
    return AttributeValue.Null.INSTANCE;
  }

  static AttributeValue ss(String... v) {
    return new AttributeValue.SS(List.of(v));
  }

  static AttributeValue ns(String... v) {
    return new AttributeValue.NS(Arrays.stream(v).map(BigDecimal::new).toList());
  }

  static AttributeValue bs(String... utf8) {
    return new AttributeValue.BS(
        Arrays.stream(utf8).map(x -> x.getBytes(StandardCharsets.UTF_8)).toList());
  }

  static AttributeValue l(AttributeValue... v) {
    return new AttributeValue.L(List.of(v));
  }

  static AttributeValue m(Object... nameValues) {
    return new AttributeValue.M(item(nameValues));
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... nameValues) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      out.put((String) nameValues[i], (AttributeValue) nameValues[i + 1]);
    }
    return out;
  }

  /** ExpressionAttributeNames from alternating placeholders and names. */
  static Map<String, String> names(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  /** ExpressionAttributes with only values, from alternating placeholders and values. */
  static ExpressionAttributes values(Object... pairs) {
    return ExpressionAttributes.of(null, pairs.length == 0 ? null : item(pairs));
  }

  static ExpressionAttributes attrs(Map<String, String> names, Object... valuePairs) {
    return ExpressionAttributes.of(names, valuePairs.length == 0 ? null : item(valuePairs));
  }

  /** A JSON tree from text (single quotes stand for double quotes, for readability). */
  static io.tributary.model.json.Json json(String text) {
    return io.tributary.model.json.JsonReader.parse(
        text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON object from text, as {@link #json}. */
  static io.tributary.model.json.Json.Obj obj(String text) {
    return (io.tributary.model.json.Json.Obj) json(text);
  }

  /** Asserts a ValidationException with exactly this message. */
  static void assertValidation(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
              org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo(ErrorType.VALIDATION);
            });
  }
}

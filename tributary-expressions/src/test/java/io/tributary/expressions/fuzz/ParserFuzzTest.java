package io.tributary.expressions.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tributary.expressions.Condition;
import io.tributary.expressions.ExpressionAttributes;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.KeyAttributes;
import io.tributary.expressions.KeyConditions;
import io.tributary.expressions.Projection;
import io.tributary.expressions.Update;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds arbitrary text to every parser, then evaluates what parses against a sample item. The only
 * failure allowed out is a DynamoDbException of type VALIDATION: anything else (a runtime
 * exception, a StackOverflowError) fails the test.
 *
 * <p>Input: the first byte picks the grammar, the rest is the expression in UTF-8. Without the
 * JAZZER_FUZZ environment variable this runs only the seed inputs under
 * src/test/resources/io/tributary/expressions/fuzz/ParserFuzzTestInputs/parse (regression mode),
 * which takes well under a second; with JAZZER_FUZZ=1 it fuzzes for maxDuration.
 */
class ParserFuzzTest {
  private static final Map<String, AttributeValue> ITEM = sampleItem();
  private static final KeyAttributes KEYS = new KeyAttributes("pk", "S", "sk", "N");

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] data) {
    if (data == null || data.length == 0) {
      return;
    }
    String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    try {
      exercise(data[0] & 3, text);
    } catch (DynamoDbException e) {
      if (e.type() != ErrorType.VALIDATION) {
        throw new AssertionError("not a validation error: " + e.type() + " for " + text, e);
      }
    }
  }

  private static void exercise(int grammar, String text) {
    ExpressionAttributes attributes = attributes();
    switch (grammar) {
      case 0 -> {
        Condition c = Expressions.parseCondition("ConditionExpression", text, attributes);
        c.test(ITEM);
        c.test(null);
      }
      case 1 -> {
        Update u = Expressions.parseUpdate(text, attributes);
        u.apply(ITEM, Map.of("pk", ITEM.get("pk"), "sk", ITEM.get("sk")));
        u.apply(null, Map.of("pk", ITEM.get("pk"), "sk", ITEM.get("sk")));
      }
      case 2 -> {
        Projection p = Expressions.parseProjection(text, attributes);
        p.apply(ITEM);
      }
      default -> {
        KeyConditions k = Expressions.parseKeyConditions(text, attributes);
        k.resolve(KEYS);
      }
    }
    attributes.checkAllUsed();
  }

  private static ExpressionAttributes attributes() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#a", "a");
    names.put("#b", "b");
    names.put("#pk", "pk");
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":s", new AttributeValue.S("x"));
    values.put(":n", new AttributeValue.N(new BigDecimal("1")));
    values.put(":big", new AttributeValue.N(new BigDecimal("9.9E125")));
    values.put(":l", new AttributeValue.L(List.of(new AttributeValue.S("y"))));
    values.put(":ss", new AttributeValue.SS(List.of("x", "y")));
    values.put(":ns", new AttributeValue.NS(List.of(BigDecimal.ONE)));
    values.put(":m", new AttributeValue.M(Map.of("k", new AttributeValue.S("v"))));
    values.put(":t", new AttributeValue.S("SS"));
    return ExpressionAttributes.of(names, values);
  }

  private static Map<String, AttributeValue> sampleItem() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", new AttributeValue.S("p"));
    item.put("sk", new AttributeValue.N(BigDecimal.TEN));
    item.put("a", new AttributeValue.N(new BigDecimal("9.9E125")));
    item.put("b", new AttributeValue.SS(List.of("x", "z")));
    item.put(
        "c",
        new AttributeValue.L(
            List.of(
                new AttributeValue.S("e0"),
                new AttributeValue.M(Map.of("d", new AttributeValue.L(List.of()))),
                new AttributeValue.N(BigDecimal.ONE))));
    item.put("m", new AttributeValue.M(Map.of("k", new AttributeValue.S("v"))));
    return item;
  }
}

package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.item;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import org.junit.jupiter.api.Test;

/** Deeply nested input within the 4 KB limit ends in a ValidationException, never a stack overflow. */
class DeepNestingTest {
  private static void refused(Runnable parse, String prefix) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorType.VALIDATION);
              assertThat(e.getMessage()).startsWith(prefix);
            });
  }

  @Test
  void manyNots() {
    // 298 NOTs and one comparison: 299 operators, within the limit of 300.
    String text = "NOT ".repeat(298) + "a = :v";
    Condition c = Expressions.parseCondition("FilterExpression", text, values(":v", n("1")));
    assertThat(c.test(item("a", n("1")))).isTrue();
    String odd = "NOT ".repeat(299) + "a = :v";
    Condition d = Expressions.parseCondition("FilterExpression", odd, values(":v", n("1")));
    assertThat(d.test(item("a", n("1")))).isFalse();
    String many = "NOT ".repeat(1000) + "a = :v";
    refused(
        () -> Expressions.parseCondition("FilterExpression", many, values(":v", n("1"))),
        "Invalid FilterExpression: The expression contains too many operators; operator count: 301");
  }

  @Test
  void manyParentheses() {
    String text = "(".repeat(2040) + "a = b" + ")".repeat(2040);
    refused(
        () -> Expressions.parseCondition("FilterExpression", text, ExpressionAttributes.none()),
        "Invalid FilterExpression: The expression has redundant parentheses;");
    String unbalanced = "(".repeat(4000) + "a";
    refused(
        () -> Expressions.parseCondition("FilterExpression", unbalanced, ExpressionAttributes.none()),
        "Invalid FilterExpression: Syntax error;");
    String alternating = "(NOT ".repeat(680) + "a = b" + ")".repeat(680);
    refused(
        () -> Expressions.parseCondition("FilterExpression", alternating, ExpressionAttributes.none()),
        "Invalid FilterExpression: The expression contains too many operators; operator count: 301");
    String operands = "a = " + "(".repeat(2000) + "b" + ")".repeat(2000);
    refused(
        () -> Expressions.parseCondition("FilterExpression", operands, ExpressionAttributes.none()),
        "Invalid FilterExpression: The expression has redundant parentheses;");
    String update = "SET a = " + "(".repeat(2000) + "b" + ")".repeat(2000);
    refused(() -> Expressions.parseUpdate(update, ExpressionAttributes.none()), "Invalid UpdateExpression: ");
    String key = "(".repeat(4000);
    refused(
        () -> Expressions.parseKeyConditions(key, ExpressionAttributes.none()),
        "Invalid KeyConditionExpression: Syntax error;");
  }

  @Test
  void nestedFunctionCalls() {
    String text = "size(".repeat(600) + "a" + ")".repeat(600) + " > :v";
    refused(
        () -> Expressions.parseCondition("FilterExpression", text, values(":v", n("1"))),
        "Invalid FilterExpression: ");
    String update = "SET a = " + "if_not_exists(".repeat(300) + "a" + ", :v)".repeat(300);
    refused(() -> Expressions.parseUpdate(update, values(":v", n("1"))), "Invalid UpdateExpression: ");
  }

  @Test
  void longPaths() {
    String path = "a" + ".b".repeat(2000);
    assertValidation(
        () -> Expressions.parseProjection(path, ExpressionAttributes.none()),
        "Invalid ProjectionExpression: The document path has too many nesting levels; nesting"
            + " levels: 2001");
    String indexes = "a" + "[0]".repeat(1300);
    assertValidation(
        () -> Expressions.parseUpdate("REMOVE " + indexes, ExpressionAttributes.none()),
        "Invalid UpdateExpression: The document path has too many nesting levels; nesting levels:"
            + " 1301");
  }

  @Test
  void longChains() {
    String and = "a = :v" + " AND a = :v".repeat(360);
    refused(
        () -> Expressions.parseCondition("FilterExpression", and, values(":v", n("1"))),
        "Invalid FilterExpression: The expression contains too many operators;");
    String or = "a = :v" + " OR a = :v".repeat(370);
    refused(
        () -> Expressions.parseCondition("FilterExpression", or, values(":v", n("1"))),
        "Invalid FilterExpression: The expression contains too many operators;");
  }
}

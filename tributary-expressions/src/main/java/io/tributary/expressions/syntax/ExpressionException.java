package io.tributary.expressions.syntax;

/**
 * A client error found in an expression, with DynamoDB's message but without the "Invalid
 * ConditionExpression: " prefix, which depends on the request member the text came from. Cheap to
 * create and immutable, so failures can be cached and rethrown.
 */
public final class ExpressionException extends RuntimeException {
  private ExpressionException(String message) {
    super(message, null, false, false);
  }

  /**
   * DynamoDB's format: the message, a semicolon, then each detail as " name: value" separated by
   * commas, as in {@code Syntax error; token: "a", near: "b a"}.
   */
  public static ExpressionException of(String message, Object... details) {
    StringBuilder text = new StringBuilder(message).append(';');
    for (int i = 0; i + 1 < details.length; i += 2) {
      text.append(i == 0 ? " " : ", ").append(details[i]).append(": ").append(details[i + 1]);
    }
    return new ExpressionException(text.toString());
  }
}

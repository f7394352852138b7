package io.tributary.expressions.syntax;

/** One token and where it sits in the expression text ({@code end} is exclusive). */
public record Token(TokenType type, String text, int start, int end) {
  /** The text DynamoDB shows for this token in a syntax error. */
  String shown() {
    return type == TokenType.EOF ? "<EOF>" : text;
  }
}

package io.tributary.expressions.syntax;

/** The tokens of DynamoDB's expression grammar; keywords are matched without regard to case. */
public enum TokenType {
  COMMA,
  LPAREN,
  RPAREN,
  DOT,
  LBRACKET,
  RBRACKET,
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE,
  PLUS,
  MINUS,
  IN,
  BETWEEN,
  NOT,
  AND,
  OR,
  SET,
  ADD,
  DELETE,
  REMOVE,
  /** A list index: "0" or digits without a leading zero. */
  INDEX,
  /** An attribute or function name: a letter, then letters, digits and underscores. */
  ID,
  /** An attribute name placeholder: '#' and one or more letters, digits or underscores. */
  NAME_REF,
  /** An attribute value placeholder: ':' and one or more letters, digits or underscores. */
  VALUE_REF,
  /** Any other single character. */
  UNKNOWN,
  EOF
}

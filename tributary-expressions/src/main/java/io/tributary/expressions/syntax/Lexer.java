package io.tributary.expressions.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits expression text into tokens the way DynamoDB's lexer does: the longest match wins,
 * keywords win over names of the same length, only space, tab, CR and LF are whitespace, and any
 * other character becomes a one-character UNKNOWN token (so a bad character is reported by the
 * parser, with its neighbours).
 */
public final class Lexer {
  private static final Map<String, TokenType> KEYWORDS =
      Map.of(
          "IN", TokenType.IN,
          "BETWEEN", TokenType.BETWEEN,
          "NOT", TokenType.NOT,
          "AND", TokenType.AND,
          "OR", TokenType.OR,
          "SET", TokenType.SET,
          "ADD", TokenType.ADD,
          "DELETE", TokenType.DELETE,
          "REMOVE", TokenType.REMOVE);

  private Lexer() {}

  /** The tokens of {@code text}, ending with an EOF token at its length. */
  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      TokenType type;
      if (isLetter(c)) {
        i = skipNameChars(text, i + 1);
        TokenType keyword = KEYWORDS.get(text.substring(start, i).toUpperCase(Locale.ROOT));
        type = keyword != null ? keyword : TokenType.ID;
      } else if (c == '#' || c == ':') {
        int end = skipNameChars(text, i + 1);
        if (end > i + 1) {
          i = end;
          type = c == '#' ? TokenType.NAME_REF : TokenType.VALUE_REF;
        } else {
          i++;
          type = TokenType.UNKNOWN;
        }
      } else if (c == '0') {
        i++;
        type = TokenType.INDEX;
      } else if (c >= '1' && c <= '9') {
        i = skipDigits(text, i + 1);
        type = TokenType.INDEX;
      } else {
        type = punctuation(c, i + 1 < n ? text.charAt(i + 1) : 0);
        if (type == TokenType.NE || type == TokenType.LE || type == TokenType.GE) {
          i += 2;
        } else if (type != TokenType.UNKNOWN) {
          i++;
        } else {
          i += Character.charCount(text.codePointAt(i));
        }
      }
      out.add(new Token(type, text.substring(start, i), start, i));
    }
    out.add(new Token(TokenType.EOF, "", n, n));
    return out;
  }

  /** Whether {@code c} is whitespace to the lexer (a hidden token). */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Letters, digits and '_', the characters after the first of a name or placeholder. */
  public static boolean isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int skipNameChars(String text, int i) {
    while (i < text.length() && isNameChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipDigits(String text, int i) {
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static TokenType punctuation(char c, char next) {
    return switch (c) {
      case ',' -> TokenType.COMMA;
      case '(' -> TokenType.LPAREN;
      case ')' -> TokenType.RPAREN;
      case '.' -> TokenType.DOT;
      case '[' -> TokenType.LBRACKET;
      case ']' -> TokenType.RBRACKET;
      case '=' -> TokenType.EQ;
      case '+' -> TokenType.PLUS;
      case '-' -> TokenType.MINUS;
      case '<' -> next == '>' ? TokenType.NE : next == '=' ? TokenType.LE : TokenType.LT;
      case '>' -> next == '=' ? TokenType.GE : TokenType.GT;
      default -> TokenType.UNKNOWN;
    };
  }
}

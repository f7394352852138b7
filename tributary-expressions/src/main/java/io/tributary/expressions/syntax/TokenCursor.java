package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Call;
import io.tributary.expressions.syntax.Syntax.Element;
import io.tributary.expressions.syntax.Syntax.Index;
import io.tributary.expressions.syntax.Syntax.Name;
import io.tributary.expressions.syntax.Syntax.Operand;
import io.tributary.expressions.syntax.Syntax.OperandGroup;
import io.tributary.expressions.syntax.Syntax.Path;
import io.tributary.expressions.syntax.Syntax.PathOperand;
import io.tributary.expressions.syntax.Syntax.ValueRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts the three grammars share: walking the tokens, paths, operands, and DynamoDB's syntax
 * error. The parsers fail at the first token that cannot continue a valid prefix, which is where
 * DynamoDB's parser reports too.
 */
abstract class TokenCursor {
  private final String text;
  private final List<Token> tokens;
  private int pos;

  TokenCursor(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  final TokenType type() {
    return tokens.get(pos).type();
  }

  final TokenType typeAt(int offset) {
    return tokens.get(Math.min(pos + offset, tokens.size() - 1)).type();
  }

  final Token advance() {
    Token t = tokens.get(pos);
    if (t.type() != TokenType.EOF) {
      pos++;
    }
    return t;
  }

  final Token expect(TokenType type) {
    if (type() != type) {
      throw syntaxError();
    }
    return advance();
  }

  final void expectEnd() {
    if (type() != TokenType.EOF) {
      throw syntaxError();
    }
  }

  /**
   * DynamoDB's syntax error at the current token: its text ("&lt;EOF&gt;" at the end) and the
   * source from the previous token to the next one, whitespace included.
   */
  final ExpressionException syntaxError() {
    Token current = tokens.get(pos);
    int start = pos > 0 ? tokens.get(pos - 1).start() : 0;
    int end;
    if (current.type() == TokenType.EOF || tokens.get(pos + 1).type() == TokenType.EOF) {
      end = text.length();
    } else {
      end = tokens.get(pos + 1).end();
    }
    return ExpressionException.of(
        "Syntax error",
        "token",
        "\"" + current.shown() + "\"",
        "near",
        "\"" + text.substring(start, end) + "\"");
  }

  static ExpressionException redundantParentheses() {
    return ExpressionException.of("The expression has redundant parentheses");
  }

  /** path: (ID | NAME_REF) ('.' (ID | NAME_REF) | '[' INDEX ']')* */
  final Path path() {
    List<Element> elements = new ArrayList<>();
    elements.add(name());
    while (true) {
      if (type() == TokenType.DOT) {
        advance();
        elements.add(name());
      } else if (type() == TokenType.LBRACKET) {
        advance();
        elements.add(new Index(expect(TokenType.INDEX).text()));
        expect(TokenType.RBRACKET);
      } else {
        return new Path(List.copyOf(elements));
      }
    }
  }

  private Name name() {
    if (type() != TokenType.ID && type() != TokenType.NAME_REF) {
      throw syntaxError();
    }
    return new Name(advance().text());
  }

  /** operand: path | VALUE_REF | ID '(' operand (',' operand)* ')' | '(' operand ')' */
  final Operand operand() {
    switch (type()) {
      case ID -> {
        return typeAt(1) == TokenType.LPAREN ? call() : new PathOperand(path());
      }
      case NAME_REF -> {
        return new PathOperand(path());
      }
      case VALUE_REF -> {
        return new ValueRef(advance().text());
      }
      case LPAREN -> {
        advance();
        Operand inner = operand();
        expect(TokenType.RPAREN);
        if (inner instanceof OperandGroup) {
          throw redundantParentheses();
        }
        return new OperandGroup(inner);
      }
      default -> throw syntaxError();
    }
  }

  final Call call() {
    String name = advance().text();
    expect(TokenType.LPAREN);
    List<Operand> args = new ArrayList<>();
    args.add(operand());
    while (type() == TokenType.COMMA) {
      advance();
      args.add(operand());
    }
    expect(TokenType.RPAREN);
    return new Call(name, List.copyOf(args));
  }

  final ValueRef valueRef() {
    return new ValueRef(expect(TokenType.VALUE_REF).text());
  }
}

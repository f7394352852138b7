package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Action;
import io.tributary.expressions.syntax.Syntax.AddAction;
import io.tributary.expressions.syntax.Syntax.Arithmetic;
import io.tributary.expressions.syntax.Syntax.ArithmeticGroup;
import io.tributary.expressions.syntax.Syntax.DeleteAction;
import io.tributary.expressions.syntax.Syntax.Operand;
import io.tributary.expressions.syntax.Syntax.OperandGroup;
import io.tributary.expressions.syntax.Syntax.Path;
import io.tributary.expressions.syntax.Syntax.PlainValue;
import io.tributary.expressions.syntax.Syntax.RemoveAction;
import io.tributary.expressions.syntax.Syntax.Section;
import io.tributary.expressions.syntax.Syntax.SetAction;
import io.tributary.expressions.syntax.Syntax.SetValue;
import io.tributary.expressions.syntax.Syntax.UpdateTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The update grammar:
 *
 * <pre>
 * update:    (SET set (',' set)* | REMOVE path (',' path)* | ADD path VALUE_REF (',' ...)*
 *             | DELETE path VALUE_REF (',' ...)*)+
 * set:       path '=' set_value
 * set_value: operand | arithmetic
 * arithmetic: operand ('+' | '-') operand | '(' arithmetic ')'
 * </pre>
 *
 * A repeated clause parses; it is refused by the checks that follow, as DynamoDB does.
 */
final class UpdateParser extends TokenCursor {
  UpdateParser(String text, List<Token> tokens) {
    super(text, tokens);
  }

  UpdateTree parse() {
    List<Section> sections = new ArrayList<>();
    do {
      TokenType keyword = type();
      switch (keyword) {
        case SET, REMOVE, ADD, DELETE -> {
          advance();
          List<Action> actions = new ArrayList<>();
          actions.add(action(keyword));
          while (type() == TokenType.COMMA) {
            advance();
            actions.add(action(keyword));
          }
          sections.add(new Section(keyword, List.copyOf(actions)));
        }
        default -> throw syntaxError();
      }
    } while (type() != TokenType.EOF);
    return new UpdateTree(List.copyOf(sections));
  }

  private Action action(TokenType keyword) {
    Path path = path();
    return switch (keyword) {
      case SET -> {
        expect(TokenType.EQ);
        yield new SetAction(path, setValue());
      }
      case REMOVE -> new RemoveAction(path);
      case ADD -> new AddAction(path, valueRef().name());
      case DELETE -> new DeleteAction(path, valueRef().name());
      default -> throw new IllegalStateException("not a clause: " + keyword);
    };
  }

  /** A '(' here opens either arithmetic or an operand: read what is inside, then decide. */
  private SetValue setValue() {
    if (type() != TokenType.LPAREN) {
      return arithmeticAfter(operand());
    }
    advance();
    SetValue inner = setValue();
    expect(TokenType.RPAREN);
    if (inner instanceof PlainValue plain) {
      if (plain.operand() instanceof OperandGroup) {
        throw redundantParentheses();
      }
      return arithmeticAfter(new OperandGroup(plain.operand()));
    }
    if (inner instanceof ArithmeticGroup) {
      throw redundantParentheses();
    }
    return new ArithmeticGroup(inner);
  }

  private SetValue arithmeticAfter(Operand left) {
    if (type() == TokenType.PLUS || type() == TokenType.MINUS) {
      boolean plus = advance().type() == TokenType.PLUS;
      return new Arithmetic(left, plus, operand());
    }
    return new PlainValue(left);
  }
}

package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.And;
import io.tributary.expressions.syntax.Syntax.Between;
import io.tributary.expressions.syntax.Syntax.Call;
import io.tributary.expressions.syntax.Syntax.Compare;
import io.tributary.expressions.syntax.Syntax.Cond;
import io.tributary.expressions.syntax.Syntax.CondGroup;
import io.tributary.expressions.syntax.Syntax.FunctionCond;
import io.tributary.expressions.syntax.Syntax.In;
import io.tributary.expressions.syntax.Syntax.Not;
import io.tributary.expressions.syntax.Syntax.Operand;
import io.tributary.expressions.syntax.Syntax.OperandGroup;
import io.tributary.expressions.syntax.Syntax.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition grammar (NOT binds tighter than AND, AND than OR):
 *
 * <pre>
 * condition: operand comparator operand
 *          | operand IN '(' operand (',' operand)* ')'
 *          | operand BETWEEN operand AND operand
 *          | function
 *          | '(' condition ')'
 *          | NOT condition
 *          | condition AND condition
 *          | condition OR condition
 * </pre>
 *
 * <p>A '(' can open a condition or a parenthesised operand ("(a) = b"), which only the tokens
 * after it tell apart. The parser reads one "cover" that may be either, and decides when the next
 * token does, so it fails at the same token as DynamoDB's predictive parser. Directly doubled
 * parentheses are DynamoDB's "redundant parentheses" error, raised when the outer ')' is read.
 */
final class ConditionParser extends TokenCursor {
  ConditionParser(String text, List<Token> tokens) {
    super(text, tokens);
  }

  Cond parse() {
    Cond condition = (Cond) or(false);
    expectEnd();
    return condition;
  }

  /**
   * One level of the grammar. With {@code cover} (inside a '(' at the start of a condition) a bare
   * operand may come back, as an {@link Operand}; otherwise the result is always a {@link Cond}.
   */
  private Object or(boolean cover) {
    Object left = and(cover);
    if (type() != TokenType.OR) {
      return left;
    }
    Cond l = asCondition(left);
    advance();
    return new Or(l, (Cond) or(false));
  }

  private Object and(boolean cover) {
    Object left = unary(cover);
    if (type() != TokenType.AND) {
      return left;
    }
    Cond l = asCondition(left);
    advance();
    return new And(l, (Cond) and(false));
  }

  private Object unary(boolean cover) {
    if (type() == TokenType.NOT) {
      advance();
      return new Not((Cond) unary(false));
    }
    return primary(cover);
  }

  private Object primary(boolean cover) {
    Operand operand;
    if (type() == TokenType.LPAREN) {
      advance();
      Object inner = or(true);
      expect(TokenType.RPAREN);
      if (inner instanceof Cond condition) {
        if (condition instanceof CondGroup) {
          throw redundantParentheses();
        }
        return new CondGroup(condition);
      }
      if (inner instanceof OperandGroup) {
        throw redundantParentheses();
      }
      operand = new OperandGroup((Operand) inner);
    } else {
      operand = operand();
    }
    return afterOperand(operand, cover);
  }

  private Object afterOperand(Operand left, boolean cover) {
    Comparator comparator = Comparator.of(type());
    if (comparator != null) {
      advance();
      return new Compare(left, comparator, operand());
    }
    if (type() == TokenType.IN) {
      advance();
      expect(TokenType.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(operand());
      while (type() == TokenType.COMMA) {
        advance();
        candidates.add(operand());
      }
      expect(TokenType.RPAREN);
      return new In(left, List.copyOf(candidates));
    }
    if (type() == TokenType.BETWEEN) {
      advance();
      Operand low = operand();
      expect(TokenType.AND);
      return new Between(left, low, operand());
    }
    if (isFunctionLike(left)) {
      // Still ambiguous inside a cover: the caller decides once it sees what follows.
      return cover ? left : toCondition(left);
    }
    if (cover && type() == TokenType.RPAREN) {
      return left;
    }
    throw syntaxError();
  }

  /** A bare operand met AND or OR: only a (parenthesised) function call can be a condition. */
  private Cond asCondition(Object node) {
    if (node instanceof Cond condition) {
      return condition;
    }
    if (isFunctionLike((Operand) node)) {
      return toCondition((Operand) node);
    }
    throw syntaxError();
  }

  private static boolean isFunctionLike(Operand operand) {
    return operand instanceof Call
        || (operand instanceof OperandGroup group && isFunctionLike(group.inner()));
  }

  private static Cond toCondition(Operand operand) {
    return switch (operand) {
      case Call call -> new FunctionCond(call);
      case OperandGroup group -> new CondGroup(toCondition(group.inner()));
      default -> throw new IllegalStateException("not a function: " + operand);
    };
  }
}

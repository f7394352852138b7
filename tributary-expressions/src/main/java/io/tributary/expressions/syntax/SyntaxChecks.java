package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Action;
import io.tributary.expressions.syntax.Syntax.And;
import io.tributary.expressions.syntax.Syntax.Arithmetic;
import io.tributary.expressions.syntax.Syntax.ArithmeticGroup;
import io.tributary.expressions.syntax.Syntax.Between;
import io.tributary.expressions.syntax.Syntax.Call;
import io.tributary.expressions.syntax.Syntax.Compare;
import io.tributary.expressions.syntax.Syntax.Cond;
import io.tributary.expressions.syntax.Syntax.CondGroup;
import io.tributary.expressions.syntax.Syntax.Element;
import io.tributary.expressions.syntax.Syntax.FunctionCond;
import io.tributary.expressions.syntax.Syntax.In;
import io.tributary.expressions.syntax.Syntax.Index;
import io.tributary.expressions.syntax.Syntax.Name;
import io.tributary.expressions.syntax.Syntax.Not;
import io.tributary.expressions.syntax.Syntax.Operand;
import io.tributary.expressions.syntax.Syntax.OperandGroup;
import io.tributary.expressions.syntax.Syntax.Or;
import io.tributary.expressions.syntax.Syntax.Path;
import io.tributary.expressions.syntax.Syntax.PathOperand;
import io.tributary.expressions.syntax.Syntax.PlainValue;
import io.tributary.expressions.syntax.Syntax.Section;
import io.tributary.expressions.syntax.Syntax.SetAction;
import io.tributary.expressions.syntax.Syntax.SetValue;
import io.tributary.expressions.syntax.Syntax.UpdateTree;
import io.tributary.expressions.syntax.Syntax.ValueRef;
import java.util.EnumSet;
import java.util.Set;

/**
 * The checks DynamoDB makes on the parse tree before it looks at any placeholder, in the order its
 * tree walk meets them: function names and where each function may appear (checked on entering
 * the call, before its arguments), reserved words and list indexes (on leaving each path step),
 * and a clause repeated in an update (on leaving the repeated clause).
 *
 * <p>"Nesting" counts the comparisons, IN, BETWEEN, arithmetic and function calls around a call:
 * a condition may nest only size(), an update only if_not_exists(), and a condition's top level
 * takes only functions that return a boolean.
 */
public final class SyntaxChecks {
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of(
          "attribute_exists",
          "attribute_not_exists",
          "attribute_type",
          "contains",
          "begins_with",
          "size");
  private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists");

  private final boolean update;

  private SyntaxChecks(boolean update) {
    this.update = update;
  }

  public static void check(Cond condition) {
    new SyntaxChecks(false).condition(condition, 0);
  }

  public static void check(UpdateTree tree) {
    SyntaxChecks checks = new SyntaxChecks(true);
    Set<TokenType> seen = EnumSet.noneOf(TokenType.class);
    for (Section section : tree.sections()) {
      for (Action action : section.actions()) {
        checks.path(action.path());
        if (action instanceof SetAction set) {
          checks.setValue(set.value(), 0);
        }
      }
      if (!seen.add(section.keyword())) {
        throw ExpressionException.of(
            "The \"" + section.keyword() + "\" section can only be used once in an update expression");
      }
    }
  }

  public static void check(Syntax.ProjectionTree tree) {
    SyntaxChecks checks = new SyntaxChecks(false);
    tree.paths().forEach(checks::path);
  }

  private void condition(Cond condition, int nesting) {
    switch (condition) {
      case Compare c -> {
        operand(c.left(), nesting + 1);
        operand(c.right(), nesting + 1);
      }
      case Between b -> {
        operand(b.value(), nesting + 1);
        operand(b.low(), nesting + 1);
        operand(b.high(), nesting + 1);
      }
      case In in -> {
        operand(in.value(), nesting + 1);
        in.candidates().forEach(o -> operand(o, nesting + 1));
      }
      case FunctionCond f -> call(f.call(), nesting);
      case And a -> {
        condition(a.left(), nesting);
        condition(a.right(), nesting);
      }
      case Or o -> {
        condition(o.left(), nesting);
        condition(o.right(), nesting);
      }
      case Not n -> condition(n.inner(), nesting);
      case CondGroup g -> condition(g.inner(), nesting);
    }
  }

  private void setValue(SetValue value, int nesting) {
    switch (value) {
      case PlainValue p -> operand(p.operand(), nesting);
      case Arithmetic a -> {
        operand(a.left(), nesting + 1);
        operand(a.right(), nesting + 1);
      }
      case ArithmeticGroup g -> setValue(g.inner(), nesting);
    }
  }

  private void operand(Operand operand, int nesting) {
    switch (operand) {
      case PathOperand p -> path(p.path());
      case ValueRef v -> {}
      case OperandGroup g -> operand(g.inner(), nesting);
      case Call c -> call(c, nesting);
    }
  }

  private void call(Call call, int nesting) {
    String name = call.function();
    boolean known = CONDITION_FUNCTIONS.contains(name) || UPDATE_FUNCTIONS.contains(name);
    if (!known) {
      throw ExpressionException.of("Invalid function name", "function", name);
    }
    if (update) {
      if (!UPDATE_FUNCTIONS.contains(name)) {
        throw ExpressionException.of(
            "The function is not allowed in an update expression", "function", name);
      }
      if (nesting > 0 && !name.equals("if_not_exists")) {
        throw misused(name);
      }
    } else {
      if (!CONDITION_FUNCTIONS.contains(name)) {
        throw ExpressionException.of(
            "The function is not allowed in a condition expression", "function", name);
      }
      boolean returnsBoolean = !name.equals("size");
      if (nesting == 0 ? !returnsBoolean : !name.equals("size")) {
        throw misused(name);
      }
    }
    call.args().forEach(a -> operand(a, nesting + 1));
  }

  private static ExpressionException misused(String name) {
    return ExpressionException.of(
        "The function is not allowed to be used this way in an expression", "function", name);
  }

  private void path(Path path) {
    for (Element element : path.elements()) {
      switch (element) {
        case Name name -> {
          if (!name.isPlaceholder() && ReservedWords.contains(name.text())) {
            throw ExpressionException.of(
                "Attribute name is a reserved keyword", "reserved keyword", name.text());
          }
        }
        case Index index -> {
          if (parseIndex(index.digits()) < 0) {
            throw ExpressionException.of(
                "List index is not within the allowable range", "index", "[" + index.digits() + "]");
          }
        }
      }
    }
  }

  /** The index value, or -1 when it does not fit in an int (DynamoDB's limit). */
  public static int parseIndex(String digits) {
    if (digits.length() > 10) {
      return -1;
    }
    long value = Long.parseLong(digits);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }
}

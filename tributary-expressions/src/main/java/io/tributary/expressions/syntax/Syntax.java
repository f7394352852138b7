package io.tributary.expressions.syntax;

import java.util.List;

/**
 * The syntax trees of the three grammars, as written: placeholders unresolved, parentheses kept
 * (so a tree prints back to equivalent text). Binding them to a request's placeholders happens in
 * {@code io.tributary.expressions.tree}.
 */
public final class Syntax {
  private Syntax() {}

  /** A document path: a name, then ".name" and "[index]" steps. */
  public record Path(List<Element> elements) {}

  /** One step of a path. */
  public sealed interface Element {}

  /** A name as written: a plain attribute name or a "#placeholder". */
  public record Name(String text) implements Element {
    public boolean isPlaceholder() {
      return text.startsWith("#");
    }
  }

  /** A list index as written (digits; may exceed the int range, which the checks report). */
  public record Index(String digits) implements Element {}

  /** Something that has a value: a path, a ":placeholder", a function call or parentheses. */
  public sealed interface Operand {}

  public record PathOperand(Path path) implements Operand {}

  public record ValueRef(String name) implements Operand {}

  public record Call(String function, List<Operand> args) implements Operand {}

  public record OperandGroup(Operand inner) implements Operand {}

  /** A condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
  public sealed interface Cond {}

  public record Compare(Operand left, Comparator comparator, Operand right) implements Cond {}

  public record Between(Operand value, Operand low, Operand high) implements Cond {}

  public record In(Operand value, List<Operand> candidates) implements Cond {}

  /** A function used as a condition, such as attribute_exists(a). */
  public record FunctionCond(Call call) implements Cond {}

  public record And(Cond left, Cond right) implements Cond {}

  public record Or(Cond left, Cond right) implements Cond {}

  public record Not(Cond inner) implements Cond {}

  public record CondGroup(Cond inner) implements Cond {}

  /** The right-hand side of a SET action. */
  public sealed interface SetValue {}

  public record PlainValue(Operand operand) implements SetValue {}

  public record Arithmetic(Operand left, boolean plus, Operand right) implements SetValue {}

  /** Parentheses around an arithmetic value: "(a + b)". */
  public record ArithmeticGroup(SetValue inner) implements SetValue {}

  /** One action of an update clause. */
  public sealed interface Action {
    Path path();
  }

  public record SetAction(Path path, SetValue value) implements Action {}

  public record RemoveAction(Path path) implements Action {}

  public record AddAction(Path path, String value) implements Action {}

  public record DeleteAction(Path path, String value) implements Action {}

  /** One clause of an update expression: SET, REMOVE, ADD or DELETE and its actions. */
  public record Section(TokenType keyword, List<Action> actions) {}

  public record UpdateTree(List<Section> sections) {}

  public record ProjectionTree(List<Path> paths) {}
}

package io.tributary.expressions.syntax;

import io.tributary.expressions.syntax.Syntax.Action;
import io.tributary.expressions.syntax.Syntax.AddAction;
import io.tributary.expressions.syntax.Syntax.And;
import io.tributary.expressions.syntax.Syntax.Arithmetic;
import io.tributary.expressions.syntax.Syntax.ArithmeticGroup;
import io.tributary.expressions.syntax.Syntax.Between;
import io.tributary.expressions.syntax.Syntax.Call;
import io.tributary.expressions.syntax.Syntax.Compare;
import io.tributary.expressions.syntax.Syntax.Cond;
import io.tributary.expressions.syntax.Syntax.CondGroup;
import io.tributary.expressions.syntax.Syntax.DeleteAction;
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
import io.tributary.expressions.syntax.Syntax.ProjectionTree;
import io.tributary.expressions.syntax.Syntax.RemoveAction;
import io.tributary.expressions.syntax.Syntax.Section;
import io.tributary.expressions.syntax.Syntax.SetAction;
import io.tributary.expressions.syntax.Syntax.SetValue;
import io.tributary.expressions.syntax.Syntax.UpdateTree;
import io.tributary.expressions.syntax.Syntax.ValueRef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a syntax tree back as expression text. Parentheses appear only where the tree has a
 * group node, so printing then parsing gives the same tree whenever the tree itself respects
 * precedence (as every parsed tree does).
 */
public final class SyntaxPrinter {
  private SyntaxPrinter() {}

  public static String print(Cond condition) {
    return switch (condition) {
      case Compare c ->
          operand(c.left()) + " " + c.comparator().symbol() + " " + operand(c.right());
      case Between b ->
          operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
      case In in -> operand(in.value()) + " IN (" + operands(in.candidates()) + ")";
      case FunctionCond f -> operand(f.call());
      case And a -> print(a.left()) + " AND " + print(a.right());
      case Or o -> print(o.left()) + " OR " + print(o.right());
      case Not n -> "NOT " + print(n.inner());
      case CondGroup g -> "(" + print(g.inner()) + ")";
    };
  }

  public static String print(UpdateTree tree) {
    return tree.sections().stream().map(SyntaxPrinter::section).collect(Collectors.joining(" "));
  }

  public static String print(ProjectionTree tree) {
    return tree.paths().stream().map(SyntaxPrinter::path).collect(Collectors.joining(", "));
  }

  private static String section(Section section) {
    return section.keyword()
        + " "
        + section.actions().stream().map(SyntaxPrinter::action).collect(Collectors.joining(", "));
  }

  private static String action(Action action) {
    return switch (action) {
      case SetAction s -> path(s.path()) + " = " + setValue(s.value());
      case RemoveAction r -> path(r.path());
      case AddAction a -> path(a.path()) + " " + a.value();
      case DeleteAction d -> path(d.path()) + " " + d.value();
    };
  }

  private static String setValue(SetValue value) {
    return switch (value) {
      case PlainValue p -> operand(p.operand());
      case Arithmetic a -> operand(a.left()) + (a.plus() ? " + " : " - ") + operand(a.right());
      case ArithmeticGroup g -> "(" + setValue(g.inner()) + ")";
    };
  }

  static String operand(Operand operand) {
    return switch (operand) {
      case PathOperand p -> path(p.path());
      case ValueRef v -> v.name();
      case Call c -> c.function() + "(" + operands(c.args()) + ")";
      case OperandGroup g -> "(" + operand(g.inner()) + ")";
    };
  }

  private static String operands(List<Operand> operands) {
    return operands.stream().map(SyntaxPrinter::operand).collect(Collectors.joining(", "));
  }

  static String path(Path path) {
    StringBuilder out = new StringBuilder();
    for (Element element : path.elements()) {
      switch (element) {
        case Name name -> {
          if (!out.isEmpty()) {
            out.append('.');
          }
          out.append(name.text());
        }
        case Index index -> out.append('[').append(index.digits()).append(']');
      }
    }
    return out.toString();
  }
}

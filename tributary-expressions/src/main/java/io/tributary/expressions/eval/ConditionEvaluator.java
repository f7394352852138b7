package io.tributary.expressions.eval;

import io.tributary.expressions.syntax.Comparator;
import io.tributary.expressions.tree.Operand;
import io.tributary.expressions.tree.Predicate;
import io.tributary.model.AttributeValue;
import java.util.Map;

/**
 * Evaluates a bound condition against an item. Nothing here fails: a missing attribute, or
 * operands of types an operator does not order, simply make the comparison false ("&lt;&gt;" true),
 * and size() of a number, boolean or null is nothing.
 */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  public static boolean test(Predicate predicate, Map<String, AttributeValue> item) {
    return switch (predicate) {
      case Predicate.Compare c -> compare(c, item);
      case Predicate.Between b -> {
        AttributeValue v = value(b.value(), item);
        AttributeValue low = value(b.low(), item);
        AttributeValue high = value(b.high(), item);
        if (v == null || low == null || high == null) {
          yield false;
        }
        Integer toLow = ValueSemantics.compare(v, low);
        Integer toHigh = ValueSemantics.compare(v, high);
        yield toLow != null && toHigh != null && toLow >= 0 && toHigh <= 0;
      }
      case Predicate.In in -> {
        AttributeValue v = value(in.value(), item);
        if (v == null) {
          yield false;
        }
        for (Operand candidate : in.candidates()) {
          AttributeValue c = value(candidate, item);
          if (c != null && ValueSemantics.equal(v, c)) {
            yield true;
          }
        }
        yield false;
      }
      case Predicate.Exists e -> DocumentPaths.get(item, e.path()) != null;
      case Predicate.NotExists e -> DocumentPaths.get(item, e.path()) == null;
      case Predicate.TypeIs t -> {
        AttributeValue v = value(t.operand(), item);
        yield v != null && v.type().equals(t.type());
      }
      case Predicate.BeginsWith b -> {
        AttributeValue v = value(b.value(), item);
        AttributeValue prefix = value(b.prefix(), item);
        yield v != null && prefix != null && ValueSemantics.beginsWith(v, prefix);
      }
      case Predicate.Contains c ->
          ValueSemantics.contains(value(c.container(), item), value(c.member(), item));
      case Predicate.And a -> test(a.left(), item) && test(a.right(), item);
      case Predicate.Or o -> test(o.left(), item) || test(o.right(), item);
      case Predicate.Not n -> !test(n.inner(), item);
    };
  }

  private static boolean compare(Predicate.Compare c, Map<String, AttributeValue> item) {
    AttributeValue left = value(c.left(), item);
    AttributeValue right = value(c.right(), item);
    boolean present = left != null && right != null;
    if (c.comparator() == Comparator.EQ || c.comparator() == Comparator.NE) {
      boolean equal = present && ValueSemantics.equal(left, right);
      return c.comparator() == Comparator.EQ ? equal : !equal;
    }
    Integer order = present ? ValueSemantics.compare(left, right) : null;
    if (order == null) {
      return false;
    }
    return switch (c.comparator()) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      default -> order >= 0;
    };
  }

  /** A condition operand's value in the item, or null for nothing. */
  public static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
    return switch (operand) {
      case Operand.PathRef p -> DocumentPaths.get(item, p.path());
      case Operand.Constant c -> c.value();
      case Operand.Size s -> {
        AttributeValue v = value(s.operand(), item);
        yield v == null ? null : ValueSemantics.size(v);
      }
      default -> throw new IllegalStateException("not a condition operand: " + operand);
    };
  }
}

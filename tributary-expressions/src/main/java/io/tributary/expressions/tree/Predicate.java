package io.tributary.expressions.tree;

import io.tributary.expressions.syntax.Comparator;
import java.util.List;

/** A bound condition, evaluated against an item to true or false. */
public sealed interface Predicate {
  record Compare(Comparator comparator, Operand left, Operand right) implements Predicate {}

  record Between(Operand value, Operand low, Operand high) implements Predicate {}

  record In(Operand value, List<Operand> candidates) implements Predicate {}

  record Exists(AttributePath path) implements Predicate {}

  record NotExists(AttributePath path) implements Predicate {}

  /** attribute_type(x, :t): whether x has the type named by t ("S", "N", "SS", ...). */
  record TypeIs(Operand operand, String type) implements Predicate {}

  record BeginsWith(Operand value, Operand prefix) implements Predicate {}

  record Contains(Operand container, Operand member) implements Predicate {}

  record And(Predicate left, Predicate right) implements Predicate {}

  record Or(Predicate left, Predicate right) implements Predicate {}

  record Not(Predicate inner) implements Predicate {}
}

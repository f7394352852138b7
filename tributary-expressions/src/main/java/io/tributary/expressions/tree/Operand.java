package io.tributary.expressions.tree;

import io.tributary.model.AttributeValue;

/** A bound operand: something evaluated against an item to a value (or to nothing). */
public sealed interface Operand {
  record PathRef(AttributePath path) implements Operand {}

  record Constant(AttributeValue value) implements Operand {}

  /** size(x): the length of a string or binary, the member count of a set, list or map. */
  record Size(Operand operand) implements Operand {}

  record ListAppend(Operand first, Operand second) implements Operand {}

  record IfNotExists(AttributePath path, Operand fallback) implements Operand {}

  record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {}
}

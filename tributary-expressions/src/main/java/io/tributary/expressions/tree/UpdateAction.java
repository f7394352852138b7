package io.tributary.expressions.tree;

import io.tributary.model.AttributeValue;

/** One bound update action on one path. */
public sealed interface UpdateAction {
  AttributePath path();

  record Set(AttributePath path, Operand value) implements UpdateAction {}

  record Remove(AttributePath path) implements UpdateAction {}

  /** ADD: a number to add, or set members to add (and, for AttributeUpdates only, a list). */
  record Add(AttributePath path, AttributeValue value) implements UpdateAction {}

  /** DELETE: set members to remove. */
  record Delete(AttributePath path, AttributeValue value) implements UpdateAction {}
}

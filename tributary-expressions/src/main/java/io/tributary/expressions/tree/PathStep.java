package io.tributary.expressions.tree;

/** One step of a resolved document path: a map key or a list index. */
public sealed interface PathStep {
  /** A map key (or, first in a path, a top-level attribute name). */
  record Key(String name) implements PathStep {
    @Override
    public String toString() {
      return name;
    }
  }

  record Index(int index) implements PathStep {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }
}

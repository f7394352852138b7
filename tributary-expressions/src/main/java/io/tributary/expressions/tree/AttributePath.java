package io.tributary.expressions.tree;

import java.util.List;

/**
 * A resolved document path; the first step is always a top-level attribute name. Its string form
 * is DynamoDB's, as messages show it: {@code [a, b, [1]]}.
 */
public record AttributePath(List<PathStep> steps) {
  public AttributePath {
    steps = List.copyOf(steps);
  }

  public static AttributePath of(String attribute) {
    return new AttributePath(List.of(new PathStep.Key(attribute)));
  }

  /** The top-level attribute the path starts at. */
  public String attribute() {
    return ((PathStep.Key) steps.get(0)).name();
  }

  @Override
  public String toString() {
    return steps.toString();
  }
}

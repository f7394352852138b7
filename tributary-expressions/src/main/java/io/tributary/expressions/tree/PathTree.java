package io.tributary.expressions.tree;

import io.tributary.expressions.syntax.ExpressionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of a projection or an update merged into one tree, as DynamoDB merges them. Adding a
 * path that is a prefix of another, or the same path twice, is an overlap; reaching one node both
 * as a map (".name") and as a list ("[i]") is a conflict. The message's "path two" is the existing
 * path found by following the first child from the point of collision, as DynamoDB reports it.
 *
 * @param <T> what a leaf carries (an update's action index; nothing for a projection)
 */
public final class PathTree<T> {
  /** A node: a leaf carries a value, an inner node has children in the order they were added. */
  public static final class Node<T> {
    private final Map<PathStep, Node<T>> children;
    private final T value;

    private Node(Map<PathStep, Node<T>> children, T value) {
      this.children = children;
      this.value = value;
    }

    public boolean isLeaf() {
      return children == null;
    }

    public Map<PathStep, Node<T>> children() {
      return children == null ? Map.of() : Collections.unmodifiableMap(children);
    }

    public T value() {
      return value;
    }
  }

  private final Node<T> root = new Node<>(new LinkedHashMap<>(), null);

  public Node<T> root() {
    return root;
  }

  /** The top-level attribute names, in the order first added. */
  public List<String> attributes() {
    List<String> names = new ArrayList<>();
    root.children.keySet().forEach(step -> names.add(((PathStep.Key) step).name()));
    return names;
  }

  public void add(AttributePath path, T value) {
    List<PathStep> steps = path.steps();
    Node<T> node = root;
    for (int depth = 0; ; depth++) {
      PathStep step = steps.get(depth);
      if (!node.children.containsKey(step)) {
        if (!node.children.isEmpty() && differentKind(firstStep(node), step)) {
          throw collision("conflict", path, existing(steps, depth, node));
        }
        node.children.put(step, chain(steps, depth + 1, value));
        return;
      }
      Node<T> child = node.children.get(step);
      if (child.isLeaf() || depth + 1 == steps.size()) {
        // The existing path runs through the child both paths share, not the node's first child.
        throw collision("overlap", path, existing(steps, depth + 1, child));
      }
      node = child;
    }
  }

  private Node<T> chain(List<PathStep> steps, int from, T value) {
    if (from == steps.size()) {
      return new Node<>(null, value);
    }
    Map<PathStep, Node<T>> children = new LinkedHashMap<>();
    children.put(steps.get(from), chain(steps, from + 1, value));
    return new Node<>(children, null);
  }

  private static boolean differentKind(PathStep a, PathStep b) {
    return (a instanceof PathStep.Key) != (b instanceof PathStep.Key);
  }

  private static <T> PathStep firstStep(Node<T> node) {
    return node.children.keySet().iterator().next();
  }

  private static <T> AttributePath existing(List<PathStep> steps, int depth, Node<T> node) {
    List<PathStep> out = new ArrayList<>(steps.subList(0, depth));
    Node<T> current = node;
    while (current != null && !current.isLeaf() && !current.children.isEmpty()) {
      PathStep first = firstStep(current);
      out.add(first);
      current = current.children.get(first);
    }
    return new AttributePath(out);
  }

  private static ExpressionException collision(String kind, AttributePath one, AttributePath two) {
    return ExpressionException.of(
        "Two document paths " + kind + " with each other; must remove or rewrite one of these paths",
        "path one",
        one,
        "path two",
        two);
  }
}

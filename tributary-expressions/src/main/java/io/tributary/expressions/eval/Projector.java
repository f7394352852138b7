package io.tributary.expressions.eval;

import io.tributary.expressions.tree.PathStep;
import io.tributary.expressions.tree.PathTree;
import io.tributary.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Projects an item onto a tree of paths, in DynamoDB's shape: maps keep their nesting, lists keep
 * only the selected elements, in index order and compacted, and anything absent is left out. Also
 * gives UpdateItem's UPDATED_OLD and UPDATED_NEW (the item projected onto the update's paths).
 */
public final class Projector {
  private Projector() {}

  public static Map<String, AttributeValue> project(
      PathTree<?> tree, Map<String, AttributeValue> item) {
    return map(tree.root(), item);
  }

  private static Map<String, AttributeValue> map(
      PathTree.Node<?> node, Map<String, AttributeValue> doc) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    Map<PathStep, ? extends PathTree.Node<?>> children = node.children();
    // Iterating the document keeps its attribute order in the result.
    for (Map.Entry<String, AttributeValue> entry : doc.entrySet()) {
      PathTree.Node<?> child = children.get(new PathStep.Key(entry.getKey()));
      if (child != null) {
        AttributeValue value = child.isLeaf() ? entry.getValue() : value(child, entry.getValue());
        if (value != null) {
          out.put(entry.getKey(), value);
        }
      }
    }
    return out;
  }

  private static AttributeValue value(PathTree.Node<?> node, AttributeValue doc) {
    return switch (doc) {
      case AttributeValue.M m -> {
        Map<String, AttributeValue> out = map(node, m.values());
        yield out.isEmpty() ? null : new AttributeValue.M(out);
      }
      case AttributeValue.L l -> {
        TreeMap<Integer, AttributeValue> out = new TreeMap<>();
        for (Map.Entry<PathStep, ? extends PathTree.Node<?>> child : node.children().entrySet()) {
          if (child.getKey() instanceof PathStep.Index index && index.index() < l.values().size()) {
            AttributeValue element = l.values().get(index.index());
            AttributeValue value = child.getValue().isLeaf() ? element : value(child.getValue(), element);
            if (value != null) {
              out.put(index.index(), value);
            }
          }
        }
        yield out.isEmpty() ? null : new AttributeValue.L(List.copyOf(out.values()));
      }
      default -> null;
    };
  }
}

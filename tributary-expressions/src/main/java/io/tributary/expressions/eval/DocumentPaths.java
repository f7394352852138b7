package io.tributary.expressions.eval;

import io.tributary.expressions.tree.AttributePath;
import io.tributary.expressions.tree.PathStep;
import io.tributary.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Reads a document path in an item; a step that does not fit the value finds nothing. */
public final class DocumentPaths {
  private DocumentPaths() {}

  /** The value at {@code path}, or null when the item has none there. */
  public static AttributeValue get(Map<String, AttributeValue> item, AttributePath path) {
    List<PathStep> steps = path.steps();
    AttributeValue current = item.get(path.attribute());
    for (int i = 1; i < steps.size() && current != null; i++) {
      current = child(current, steps.get(i));
    }
    return current;
  }

  /** The child of a map or list at one step, or null. */
  static AttributeValue child(AttributeValue value, PathStep step) {
    return switch (step) {
      case PathStep.Key key -> value instanceof AttributeValue.M m ? m.values().get(key.name()) : null;
      case PathStep.Index index -> {
        if (value instanceof AttributeValue.L l && index.index() < l.values().size()) {
          yield l.values().get(index.index());
        }
        yield null;
      }
    };
  }
}

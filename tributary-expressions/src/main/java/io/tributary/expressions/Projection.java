package io.tributary.expressions;

import io.tributary.expressions.eval.Projector;
import io.tributary.expressions.tree.PathTree;
import io.tributary.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/** A ProjectionExpression (or AttributesToGet), ready to project items. Immutable. */
public final class Projection {
  private final PathTree<Void> paths;
  private final Set<String> nestedAccess;

  Projection(PathTree<Void> paths, Set<String> nestedAccess) {
    this.paths = paths;
    this.nestedAccess = Set.copyOf(nestedAccess);
  }

  /**
   * The item reduced to the projected paths, in DynamoDB's shape: nested maps keep their nesting,
   * selected list elements keep their order and are compacted, absent paths are left out. An item
   * with none of them gives an empty map (GetItem then returns {@code "Item": {}}).
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    return Projector.project(paths, item);
  }

  /** The top-level attributes projected. */
  public Set<String> topLevelAttributeNames() {
    return Set.copyOf(paths.attributes());
  }

  /** Top-level attributes reached into with '.' or '[]' (see {@link Expressions#requireScalarKeyAccess}). */
  public Set<String> nestedAccessAttributeNames() {
    return nestedAccess;
  }
}

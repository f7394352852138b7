package io.tributary.expressions;

import io.tributary.expressions.eval.Projector;
import io.tributary.expressions.eval.UpdateApplier;
import io.tributary.expressions.tree.UpdatePlan;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An UpdateExpression (or AttributeUpdates) bound to its request, ready to apply. Immutable. */
public final class Update {
  private final UpdatePlan plan;
  private final boolean legacy;
  private final List<String> attributes;
  private final Set<String> nestedAccess;

  Update(UpdatePlan plan, boolean legacy, Set<String> nestedAccess) {
    this.plan = plan;
    this.legacy = legacy;
    this.attributes = List.copyOf(plan.tree().attributes());
    this.nestedAccess = Set.copyOf(nestedAccess);
  }

  /** The top-level attributes the update writes or removes. */
  public Set<String> updatedAttributeNames() {
    return new LinkedHashSet<>(attributes);
  }

  /**
   * Top-level attributes the update reaches into with '.' or '[]', as a target or an operand (see
   * {@link Expressions#requireScalarKeyAccess}).
   */
  public Set<String> nestedAccessAttributeNames() {
    return nestedAccess;
  }

  /**
   * Refuses an update that writes a key attribute: "One or more parameter values were invalid:
   * Cannot update attribute a. This attribute is part of the key" (first key in the given order).
   */
  public void requireKeyNotUpdated(Collection<String> keyAttributeNames) {
    for (String key : keyAttributeNames) {
      if (attributes.contains(key)) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Cannot update attribute "
                + key
                + ". This attribute is part of the key");
      }
    }
  }

  /**
   * Applies the update. Values are computed from the old item (so "SET a = b, b = a" swaps).
   *
   * @param oldItem the stored item, or null when there is none (the update creates it)
   * @param key the item's key attributes; they form the new item when there is no old one, and an
   *     update that writes one of them is refused
   * @throws DynamoDbException DynamoDB's runtime errors: an invalid document path, a missing
   *     attribute, an operand of the wrong type, a number out of range, too deep a nesting
   */
  public UpdateResult apply(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> key) {
    requireKeyNotUpdated(key.keySet());
    Map<String, AttributeValue> old = oldItem != null ? oldItem : new LinkedHashMap<>(key);
    Map<String, AttributeValue> item = UpdateApplier.apply(plan, old, legacy);
    Map<String, AttributeValue> updatedOld =
        oldItem == null ? Map.of() : Projector.project(plan.tree(), oldItem);
    Map<String, AttributeValue> updatedNew = Projector.project(plan.tree(), item);
    return new UpdateResult(item, updatedOld, updatedNew, updatedAttributeNames());
  }
}

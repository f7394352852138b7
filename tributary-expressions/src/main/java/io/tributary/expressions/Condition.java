package io.tributary.expressions;

import io.tributary.expressions.eval.ConditionEvaluator;
import io.tributary.expressions.tree.Predicate;
import io.tributary.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/**
 * A ConditionExpression or FilterExpression (or Expected, QueryFilter, ScanFilter) bound to its
 * request, ready to test items. Immutable; testing never fails.
 */
public final class Condition {
  private final Predicate predicate;
  private final Set<String> attributes;
  private final Set<String> nestedAccess;

  Condition(Predicate predicate, Set<String> attributes, Set<String> nestedAccess) {
    this.predicate = predicate;
    this.attributes = Set.copyOf(attributes);
    this.nestedAccess = Set.copyOf(nestedAccess);
  }

  /** Whether the item satisfies the condition; a null item (none stored) has no attributes. */
  public boolean test(Map<String, AttributeValue> item) {
    return ConditionEvaluator.test(predicate, item == null ? Map.of() : item);
  }

  /**
   * The top-level attributes the condition names, for Query's rule that a filter may not name a
   * key attribute ("Filter Expression can only contain non-primary key attributes: Primary key
   * attribute: a").
   */
  public Set<String> topLevelAttributeNames() {
    return attributes;
  }

  /**
   * The top-level attributes the condition reaches into with '.' or '[]', for the rule that key
   * attributes are scalars: see {@link Expressions#requireScalarKeyAccess}.
   */
  public Set<String> nestedAccessAttributeNames() {
    return nestedAccess;
  }

  Predicate predicate() {
    return predicate;
  }
}

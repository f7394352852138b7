package io.tributary.engine.item;

import io.tributary.model.AttributeValue;
import java.util.Map;

/**
 * The change one request makes to one item, computed from the item as it is. {@link #apply} has
 * no side effects: it may throw a DynamoDbException (a failed condition, say), which leaves the
 * item unchanged.
 */
@FunctionalInterface
public interface ItemWrite {
  /**
   * @param oldItem the item now, or null if there is none
   * @return the item to store, or null to delete it
   */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> oldItem);
}

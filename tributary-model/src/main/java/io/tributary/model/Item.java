package io.tributary.model;

import java.util.Map;

/** An item: attribute names to values, in the order they were given. */
public record Item(Map<String, AttributeValue> attributes) {
  public AttributeValue get(String name) {
    return attributes.get(name);
  }
}

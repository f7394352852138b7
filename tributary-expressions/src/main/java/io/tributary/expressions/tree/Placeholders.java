package io.tributary.expressions.tree;

import io.tributary.model.AttributeValue;

/** A request's placeholder maps, as the binder sees them; each lookup counts as a use. */
public interface Placeholders {
  /** The attribute name for "#name", or null if the request does not define it. */
  String name(String placeholder);

  /** The value for ":value", or null if the request does not define it. */
  AttributeValue value(String placeholder);
}

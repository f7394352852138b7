package io.tributary.expressions;

import io.tributary.model.AttributeValue;
import java.util.List;

/**
 * What a Query of a multi-attribute index key reads: a value for every HASH attribute, values for
 * a leading run of RANGE attributes, and optionally a condition on the RANGE attribute after them.
 *
 * @param last null when the conditions stop at equalities
 */
public record CompositeKeyCondition(
    List<AttributeValue> hashValues, List<AttributeValue> rangeEqualities, SortKeyCondition last) {
  public CompositeKeyCondition {
    hashValues = List.copyOf(hashValues);
    rangeEqualities = List.copyOf(rangeEqualities);
  }
}

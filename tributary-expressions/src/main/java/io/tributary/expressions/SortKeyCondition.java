package io.tributary.expressions;

import io.tributary.expressions.eval.ValueSemantics;
import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.util.List;

/**
 * The condition on the sort key of a Query: EQ, LT, LE, GT, GE, BETWEEN (two values, in order)
 * or BEGINS_WITH, with values of the key's type.
 */
public record SortKeyCondition(String attribute, ComparisonOperator operator, List<AttributeValue> values) {
  public SortKeyCondition {
    values = List.copyOf(values);
  }

  /** Whether a sort key value satisfies the condition. */
  public boolean matches(AttributeValue sortKey) {
    AttributeValue first = values.get(0);
    return switch (operator) {
      case EQ -> KeyEncoding.compare(sortKey, first) == 0;
      case LT -> KeyEncoding.compare(sortKey, first) < 0;
      case LE -> KeyEncoding.compare(sortKey, first) <= 0;
      case GT -> KeyEncoding.compare(sortKey, first) > 0;
      case GE -> KeyEncoding.compare(sortKey, first) >= 0;
      case BETWEEN ->
          KeyEncoding.compare(sortKey, first) >= 0 && KeyEncoding.compare(sortKey, values.get(1)) <= 0;
      case BEGINS_WITH -> ValueSemantics.beginsWith(sortKey, first);
      default -> throw new IllegalStateException("not a key condition: " + operator);
    };
  }
}

package io.tributary.expressions;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.KeyEncoding;
import java.util.List;
import java.util.Set;

/**
 * The ComparisonOperator of the legacy parameters (Expected, QueryFilter, ScanFilter,
 * KeyConditions), and of a key condition: how many values each takes and of which types.
 */
public enum ComparisonOperator {
  EQ(1, null),
  NE(1, null),
  IN(-1, Set.of("S", "N", "B")),
  LE(1, Set.of("S", "N", "B")),
  LT(1, Set.of("S", "N", "B")),
  GE(1, Set.of("S", "N", "B")),
  GT(1, Set.of("S", "N", "B")),
  BETWEEN(2, Set.of("S", "N", "B")),
  NOT_NULL(0, null),
  NULL(0, null),
  CONTAINS(1, Set.of("S", "N", "B", "BOOL", "NULL")),
  NOT_CONTAINS(1, Set.of("S", "N", "B", "BOOL", "NULL")),
  BEGINS_WITH(1, Set.of("S", "B"));

  static final String PREFIX = "One or more parameter values were invalid: ";

  private final int values;
  private final Set<String> types;

  ComparisonOperator(int values, Set<String> types) {
    this.values = values;
    this.types = types;
  }

  /** Whether a key condition may use it. */
  boolean indexable() {
    return switch (this) {
      case EQ, LE, LT, GE, GT, BETWEEN, BEGINS_WITH -> true;
      default -> false;
    };
  }

  /**
   * DynamoDB's checks of an AttributeValueList: its length, each value's type, one type for all,
   * and BETWEEN's bounds in order.
   */
  public void checkArguments(List<AttributeValue> list) {
    int count = list.size();
    if (values < 0 ? count < 1 : count != values) {
      throw DynamoDbException.validation(
          PREFIX + "Invalid number of argument(s) for the " + name() + " ComparisonOperator");
    }
    String first = count > 0 ? list.get(0).type() : null;
    for (AttributeValue value : list) {
      if (types != null && !types.contains(value.type())) {
        throw DynamoDbException.validation(
            PREFIX
                + "ComparisonOperator "
                + name()
                + " is not valid for "
                + value.type()
                + " AttributeValue type");
      }
      if (!value.type().equals(first)) {
        throw DynamoDbException.validation(
            PREFIX + "AttributeValues inside AttributeValueList must be of same type");
      }
    }
    if (this == BETWEEN && KeyEncoding.compare(list.get(0), list.get(1)) > 0) {
      throw DynamoDbException.validation(
          "The BETWEEN condition was provided a range where the lower bound is greater than the"
              + " upper bound");
    }
  }
}

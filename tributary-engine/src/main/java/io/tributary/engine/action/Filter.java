package io.tributary.engine.action;

import io.tributary.model.AttributeValue;
import java.util.Map;
import java.util.function.Predicate;

/** The filter of a Query or Scan: FilterExpression, or the legacy QueryFilter / ScanFilter. */
final class Filter {
  private Filter() {}

  static Predicate<Map<String, AttributeValue>> of(Request request, String legacyMember) {
    Unsupported.refuse(request, "FilterExpression", legacyMember, "ConditionalOperator");
    if (request.has("ExpressionAttributeValues")) {
      throw io.tributary.model.DynamoDbException.validation(
          "ExpressionAttributeValues can only be specified when using expressions: FilterExpression"
              + " is null");
    }
    return item -> true;
  }
}

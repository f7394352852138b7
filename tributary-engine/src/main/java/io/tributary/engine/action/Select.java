package io.tributary.engine.action;

import io.tributary.model.DynamoDbException;

/** The Select member of Query and Scan, with DynamoDB's rules on combining it with projections. */
enum Select {
  ALL_ATTRIBUTES,
  ALL_PROJECTED_ATTRIBUTES,
  SPECIFIC_ATTRIBUTES,
  COUNT;

  static Select of(Request request, boolean onIndex) {
    String member =
        request.has("AttributesToGet")
            ? "AttributesToGet"
            : request.has("ProjectionExpression") ? "ProjectionExpression" : null;
    if (!request.has("Select")) {
      return member != null ? SPECIFIC_ATTRIBUTES : ALL_ATTRIBUTES;
    }
    Select select = valueOf(request.string("Select"));
    if (member != null && select != SPECIFIC_ATTRIBUTES) {
      throw DynamoDbException.validation(
          "Cannot specify the "
              + member
              + " when choosing to get "
              + (select == COUNT ? "only the Count" : select.name()));
    }
    if (select == ALL_PROJECTED_ATTRIBUTES && !onIndex) {
      throw DynamoDbException.validation(
          "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (select == SPECIFIC_ATTRIBUTES && member == null) {
      throw DynamoDbException.validation(
          "Must specify the AttributesToGet or ProjectionExpression when choosing to get"
              + " SPECIFIC_ATTRIBUTES");
    }
    return select;
  }
}

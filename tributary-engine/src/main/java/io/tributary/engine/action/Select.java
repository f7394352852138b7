package io.tributary.engine.action;

import io.tributary.model.DynamoDbException;

/** The Select member of Query and Scan, with DynamoDB's rules on combining it with projections. */
enum Select {
  ALL_ATTRIBUTES,
  ALL_PROJECTED_ATTRIBUTES,
  SPECIFIC_ATTRIBUTES,
  COUNT;

  static Select of(Request request, boolean onIndex) {
    boolean projected = request.has("ProjectionExpression") || request.has("AttributesToGet");
    if (!request.has("Select")) {
      return projected ? SPECIFIC_ATTRIBUTES : ALL_ATTRIBUTES;
    }
    Select select = valueOf(request.string("Select"));
    if (select == ALL_PROJECTED_ATTRIBUTES && !onIndex) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is"
              + " not valid for table");
    }
    if (projected && select != SPECIFIC_ATTRIBUTES) {
      String member = request.has("AttributesToGet") ? "AttributesToGet" : "ProjectionExpression";
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Cannot specify the "
              + member
              + " when choosing to get "
              + select.name());
    }
    return select;
  }
}

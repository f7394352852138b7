package io.tributary.engine.action;

import io.tributary.expressions.Condition;
import io.tributary.expressions.ExpressionAttributes;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.LegacyConditions;
import io.tributary.expressions.LegacyUpdates;
import io.tributary.expressions.Projection;
import io.tributary.expressions.RequestParameters;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's expressions and their legacy equivalents, parsed in DynamoDB's order: the mixing
 * and placeholder rules first, then each expression, then the check that every placeholder was
 * used. One per request; the parsed expressions are cached by text underneath.
 */
final class RequestExpressions {
  private final Request request;
  private final ExpressionAttributes attributes;
  private final Wording wording;
  private final Set<String> nestedAccess = new HashSet<>();

  /**
   * @param valueExpressions the action's expressions that take values, in DynamoDB's order (see
   *     {@link RequestParameters#requireExpressionsForPlaceholders})
   */
  RequestExpressions(Request request, Wording wording, String... valueExpressions) {
    this.request = request;
    this.wording = wording;
    RequestParameters.requireNotMixed(request.body());
    RequestParameters.requireExpressionsForPlaceholders(request.body(), valueExpressions);
    this.attributes =
        ExpressionAttributes.fromJson(
            request.body().get("ExpressionAttributeNames"),
            request.body().get("ExpressionAttributeValues"),
            wording);
  }

  ExpressionAttributes attributes() {
    return attributes;
  }

  /** ConditionExpression, or Expected with ConditionalOperator; null when there is none. */
  Condition writeCondition() {
    Condition c =
        request.has("ConditionExpression")
            ? Expressions.parseCondition(
                "ConditionExpression", request.string("ConditionExpression"), attributes)
            : LegacyConditions.expected(
                request.body().get("Expected"), request.body().get("ConditionalOperator"), wording);
    return remember(c);
  }

  /** FilterExpression, or the legacy QueryFilter / ScanFilter; null when there is none. */
  Condition filter(String legacyMember) {
    Condition c =
        request.has("FilterExpression")
            ? Expressions.parseCondition(
                "FilterExpression", request.string("FilterExpression"), attributes)
            : LegacyConditions.filter(
                request.body().get(legacyMember), request.body().get("ConditionalOperator"), wording);
    return remember(c);
  }

  /** ProjectionExpression or AttributesToGet; null for all attributes. */
  Projection projection() {
    if (request.has("ProjectionExpression")) {
      Projection p =
          Expressions.parseProjection(request.string("ProjectionExpression"), attributes);
      nestedAccess.addAll(p.nestedAccessAttributeNames());
      return p;
    }
    return request.has("AttributesToGet")
        ? LegacyUpdates.attributesToGet(request.body().get("AttributesToGet"))
        : null;
  }

  /** Every placeholder given must have been used by the expressions parsed so far. */
  void checkAllUsed() {
    attributes.checkAllUsed();
  }

  /** Refuses '.' and '[]' on key attributes in any of the request's expressions. */
  void requireScalarKeys(List<String> keyAttributeNames) {
    Expressions.requireScalarKeyAccess(nestedAccess, keyAttributeNames, false);
  }

  /** The same for the key attributes of the index a Query or Scan reads ("IndexKey: name"). */
  void requireScalarIndexKeys(List<String> indexKeyAttributeNames) {
    Expressions.requireScalarKeyAccess(nestedAccess, indexKeyAttributeNames, true);
  }

  void rememberNestedAccess(Set<String> names) {
    nestedAccess.addAll(names);
  }

  private Condition remember(Condition c) {
    if (c != null) {
      nestedAccess.addAll(c.nestedAccessAttributeNames());
    }
    return c;
  }

  /**
   * Checks a write's condition against the item as it is, inside the item's read-modify-write.
   * With ReturnValuesOnConditionCheckFailure=ALL_OLD the failure carries the item.
   */
  static void check(Condition condition, Map<String, AttributeValue> oldItem, Request request) {
    if (condition == null || condition.test(oldItem)) {
      return;
    }
    boolean returnItem = "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure"));
    throw DynamoDbException.conditionalCheckFailed(
        "The conditional request failed", returnItem ? oldItem : null);
  }
}

package io.tributary.expressions;

import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules on which expression and legacy members a request may combine, with DynamoDB's
 * messages. Run them before parsing anything: mixing first, then the placeholder maps.
 */
public final class RequestParameters {
  private static final List<String> LEGACY =
      List.of(
          "AttributeUpdates",
          "AttributesToGet",
          "Expected",
          "QueryFilter",
          "ScanFilter",
          "ConditionalOperator");
  private static final List<String> EXPRESSIONS =
      List.of(
          "UpdateExpression",
          "ProjectionExpression",
          "ConditionExpression",
          "FilterExpression",
          "KeyConditionExpression");

  private RequestParameters() {}

  /**
   * "Can not use both expression and non-expression parameters in the same request:
   * Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}", each side
   * in DynamoDB's fixed order. KeyConditions counts as legacy only next to KeyConditionExpression.
   */
  public static void requireNotMixed(Json.Obj request) {
    List<String> legacy = new ArrayList<>();
    LEGACY.stream().filter(m -> has(request, m)).forEach(legacy::add);
    List<String> expressions = new ArrayList<>();
    EXPRESSIONS.stream().filter(m -> has(request, m)).forEach(expressions::add);
    if (has(request, "KeyConditionExpression") && has(request, "KeyConditions")) {
      legacy.add("KeyConditions");
    }
    if (!legacy.isEmpty() && !expressions.isEmpty()) {
      throw DynamoDbException.validation(
          "Can not use both expression and non-expression parameters in the same request:"
              + " Non-expression parameters: {"
              + String.join(", ", legacy)
              + "} Expression parameters: {"
              + String.join(", ", expressions)
              + "}");
    }
  }

  /**
   * ExpressionAttributeNames need some expression, ExpressionAttributeValues one of the action's
   * value-taking expressions.
   *
   * @param valueExpressions the action's expressions that take values, in DynamoDB's order:
   *     PutItem/DeleteItem "ConditionExpression"; UpdateItem "UpdateExpression",
   *     "ConditionExpression"; Query "FilterExpression", "KeyConditionExpression"; Scan
   *     "FilterExpression"
   */
  public static void requireExpressionsForPlaceholders(Json.Obj request, String... valueExpressions) {
    if (has(request, "ExpressionAttributeNames")
        && EXPRESSIONS.stream().noneMatch(m -> has(request, m))) {
      throw DynamoDbException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (has(request, "ExpressionAttributeValues")
        && List.of(valueExpressions).stream().noneMatch(m -> has(request, m))) {
      throw DynamoDbException.validation(
          "ExpressionAttributeValues can only be specified when using expressions: "
              + String.join(" and ", valueExpressions)
              + (valueExpressions.length > 1 ? " are null" : " is null"));
    }
  }

  private static boolean has(Json.Obj request, String member) {
    return LegacyConditions.present(request.get(member));
  }
}

package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.obj;

import org.junit.jupiter.api.Test;

class RequestParametersTest {
  @Test
  void mixing() {
    assertValidation(
        () ->
            RequestParameters.requireNotMixed(
                obj("{'Expected': {}, 'ConditionExpression': 'a = b'}")),
        "Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
    assertValidation(
        () ->
            RequestParameters.requireNotMixed(
                obj(
                    "{'KeyConditions': {}, 'KeyConditionExpression': 'a', 'FilterExpression': 'b',"
                        + " 'ProjectionExpression': 'c', 'ConditionalOperator': 'OR',"
                        + " 'QueryFilter': {}, 'AttributesToGet': ['a']}")),
        "Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator,"
            + " KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression,"
            + " KeyConditionExpression}");
    assertValidation(
        () ->
            RequestParameters.requireNotMixed(
                obj("{'AttributeUpdates': {}, 'UpdateExpression': 'a', 'Expected': {},"
                    + " 'ConditionExpression': 'b'}")),
        "Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {AttributeUpdates, Expected} Expression parameters:"
            + " {UpdateExpression, ConditionExpression}");
  }

  @Test
  void keyConditionsAloneMayGoWithExpressions() {
    RequestParameters.requireNotMixed(
        obj("{'KeyConditions': {}, 'FilterExpression': 'a', 'ProjectionExpression': 'b'}"));
    RequestParameters.requireNotMixed(obj("{'Expected': {}, 'ConditionExpression': null}"));
  }

  @Test
  void placeholdersNeedExpressions() {
    assertValidation(
        () ->
            RequestParameters.requireExpressionsForPlaceholders(
                obj("{'ExpressionAttributeNames': {'#a': 'a'}}"), "ConditionExpression"),
        "ExpressionAttributeNames can only be specified when using expressions");
    assertValidation(
        () ->
            RequestParameters.requireExpressionsForPlaceholders(
                obj("{'ExpressionAttributeValues': {}}"), "ConditionExpression"),
        "ExpressionAttributeValues can only be specified when using expressions:"
            + " ConditionExpression is null");
    assertValidation(
        () ->
            RequestParameters.requireExpressionsForPlaceholders(
                obj("{'ExpressionAttributeValues': {}, 'ProjectionExpression': 'a'}"),
                "FilterExpression",
                "KeyConditionExpression"),
        "ExpressionAttributeValues can only be specified when using expressions: FilterExpression"
            + " and KeyConditionExpression are null");
    assertValidation(
        () ->
            RequestParameters.requireExpressionsForPlaceholders(
                obj("{'ExpressionAttributeValues': {}}"), "UpdateExpression", "ConditionExpression"),
        "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression"
            + " and ConditionExpression are null");
    RequestParameters.requireExpressionsForPlaceholders(
        obj("{'ExpressionAttributeNames': {}, 'ProjectionExpression': 'a'}"), "FilterExpression");
  }
}

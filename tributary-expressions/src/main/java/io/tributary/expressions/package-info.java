/**
 * DynamoDB's expression language for the engine: {@link io.tributary.expressions.Expressions}
 * parses ConditionExpression, FilterExpression, UpdateExpression, ProjectionExpression and
 * KeyConditionExpression against a request's {@link io.tributary.expressions.ExpressionAttributes};
 * {@link io.tributary.expressions.LegacyConditions} and {@link
 * io.tributary.expressions.LegacyUpdates} translate the pre-expression parameters onto the same
 * trees. Every client error carries DynamoDB's exact message.
 */
package io.tributary.expressions;

/**
 * Evaluation of bound expressions against items: conditions to true or false (never an error),
 * update plans to a new item (with DynamoDB's runtime errors), projections to DynamoDB's shape.
 */
package io.tributary.expressions.eval;

/**
 * Expression trees bound to one request: placeholders replaced by their names and values, and the
 * checks that need them (undefined placeholders, operand types, distinct operands, BETWEEN bounds,
 * IN and operator counts, path depth, overlapping paths), in the order DynamoDB makes them.
 */
package io.tributary.expressions.tree;

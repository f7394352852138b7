/**
 * Expression text to syntax tree: the lexer, the three grammars (condition, update, projection)
 * and the checks that depend on the text alone (reserved words, function names and placement,
 * list index range, repeated update clauses). Results are cached by text, so nothing here may
 * depend on a request's placeholders.
 */
package io.tributary.expressions.syntax;

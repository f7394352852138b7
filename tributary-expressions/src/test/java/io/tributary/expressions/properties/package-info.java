/**
 * Property tests: random items, conditions and updates checked against a small reference model,
 * and syntax trees that print back to text parsing to the same tree.
 */
package io.tributary.expressions.properties;

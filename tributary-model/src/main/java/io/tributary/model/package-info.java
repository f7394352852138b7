/**
 * DynamoDB's data model: attribute values and items, 38-digit numbers, the wire-form checks with
 * DynamoDB's exact messages, item size rules, the order-preserving key encoding and the compact
 * binary item codec. Everything here is pure and allocation-light; nothing does I/O.
 */
package io.tributary.model;

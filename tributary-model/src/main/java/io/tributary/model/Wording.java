package io.tributary.model;

/**
 * Which of DynamoDB's two attribute-value validation layers an operation runs. They accept the same
 * values but word some refusals differently (a bad number, a duplicate set member), so the engine
 * passes the layer of the action it serves.
 */
public enum Wording {
  /**
   * PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query. Exponents are read as 64-bit
   * integers; an empty number is echoed after a colon; duplicate members are quoted and sorted.
   */
  CURRENT,
  /**
   * BatchWriteItem, TransactWriteItems, TransactGetItems and Scan. Numbers are read as Java's
   * BigDecimal reads them; duplicate members are listed as sent.
   */
  LEGACY
}

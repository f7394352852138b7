package io.tributary.engine.table;

/** How a table is billed: the wire names are DynamoDB's. */
public enum BillingMode {
  PROVISIONED,
  PAY_PER_REQUEST
}

package io.tributary.engine.table;

/** DynamoDB's table statuses that Tributary shows. */
public enum TableStatus {
  CREATING,
  UPDATING,
  DELETING,
  ACTIVE
}

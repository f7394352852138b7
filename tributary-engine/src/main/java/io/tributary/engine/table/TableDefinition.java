package io.tributary.engine.table;

import java.time.Instant;
import java.util.List;

/**
 * What the catalog knows of one table. Immutable: a change makes a new definition.
 *
 * @param tableId the stable numeric id every storage key of the table starts with; never reused
 * @param tableUuid the TableId DynamoDB shows (a UUID)
 * @param statusUntil when a transient status (CREATING, UPDATING, DELETING) ends; null if none
 * @param billingModeChangedAt when the table last switched to PAY_PER_REQUEST, or null
 * @param tableClassChangedAt when the table class last changed, or null
 * @param indexes the secondary indexes, local and global, in the order they were defined
 * @param onDemandThroughput the maxima of an on-demand table, {@link OnDemandThroughput#NONE}
 *     when none is set
 */
public record TableDefinition(
    long tableId,
    String region,
    String name,
    String arn,
    String tableUuid,
    Instant createdAt,
    KeySchema keySchema,
    List<KeyAttribute> attributeDefinitions,
    BillingMode billingMode,
    Instant billingModeChangedAt,
    Throughput throughput,
    String tableClass,
    Instant tableClassChangedAt,
    boolean deletionProtection,
    TableStatus status,
    Instant statusUntil,
    List<IndexDefinition> indexes,
    OnDemandThroughput onDemandThroughput) {

  public static final String STANDARD = "STANDARD";

  public TableDefinition {
    indexes = List.copyOf(indexes);
    if (onDemandThroughput == null) {
      onDemandThroughput = OnDemandThroughput.NONE;
    }
  }

  public TableDefinition withIndexes(
      List<KeyAttribute> newAttributeDefinitions, List<IndexDefinition> newIndexes) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, newAttributeDefinitions,
        billingMode, billingModeChangedAt, throughput, tableClass, tableClassChangedAt,
        deletionProtection, status, statusUntil, newIndexes, onDemandThroughput);
  }

  /** The index of that name, or null. */
  public IndexDefinition index(String indexName) {
    for (IndexDefinition i : indexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  /** The status as of {@code now}: a transient status whose time has passed is over. */
  public TableStatus statusAt(Instant now) {
    if (statusUntil != null && !now.isBefore(statusUntil) && status != TableStatus.DELETING) {
      return TableStatus.ACTIVE;
    }
    return status;
  }

  /** Whether the table is gone for clients: deleted and its DELETING period over. */
  public boolean deletedAt(Instant now) {
    return status == TableStatus.DELETING && (statusUntil == null || !now.isBefore(statusUntil));
  }

  public TableDefinition withStatus(TableStatus newStatus, Instant until) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, attributeDefinitions,
        billingMode, billingModeChangedAt, throughput, tableClass, tableClassChangedAt,
        deletionProtection, newStatus, until, indexes, onDemandThroughput);
  }

  public TableDefinition withBilling(BillingMode mode, Instant changedAt, Throughput newThroughput) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, attributeDefinitions, mode,
        changedAt, newThroughput, tableClass, tableClassChangedAt, deletionProtection, status,
        statusUntil, indexes,
        // On-demand maxima mean nothing to a provisioned table and are gone when it becomes one.
        mode == BillingMode.PROVISIONED ? OnDemandThroughput.NONE : onDemandThroughput);
  }

  public TableDefinition withOnDemandThroughput(OnDemandThroughput maxima) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, attributeDefinitions,
        billingMode, billingModeChangedAt, throughput, tableClass, tableClassChangedAt,
        deletionProtection, status, statusUntil, indexes, maxima);
  }

  public TableDefinition withTableClass(String newClass, Instant changedAt) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, attributeDefinitions,
        billingMode, billingModeChangedAt, throughput, newClass, changedAt, deletionProtection,
        status, statusUntil, indexes, onDemandThroughput);
  }

  public TableDefinition withDeletionProtection(boolean enabled) {
    return new TableDefinition(
        tableId, region, name, arn, tableUuid, createdAt, keySchema, attributeDefinitions,
        billingMode, billingModeChangedAt, throughput, tableClass, tableClassChangedAt, enabled,
        status, statusUntil, indexes, onDemandThroughput);
  }
}

package io.tributary.engine.capacity;

import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.OnDemandThroughput;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.ThrottlingReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds provisioned tables and global secondary indexes to their read and write throughput, with
 * one token bucket for each: refilled at the provisioned rate, holding up to 300 seconds of unused
 * units as DynamoDB's burst capacity does, and full when first used. A request to a table or
 * index whose bucket is empty is refused before it does anything; one let in is charged with
 * what it consumed. The rate is read from the table's definition at each request, so UpdateTable
 * changes it at once. Local secondary indexes use their table's throughput.
 *
 * <p>On-demand tables are not throttled, unless they are given maxima (OnDemandThroughput): then
 * they are held to those, with one second of burst, and refused with ThrottlingException.
 */
public final class Throttling {
  /** How many seconds of unused provisioned throughput DynamoDB keeps for bursts. */
  static final long BURST_SECONDS = 300;

  static final String TABLE_EXCEEDED =
      "The level of configured provisioned throughput for the table was exceeded."
          + " Consider increasing your provisioning level with the UpdateTable API.";

  /**
   * DynamoDB's words when an on-demand table cannot keep up; whether it says the same when a
   * table's own maximum holds it back is not confirmed.
   */
  static final String ON_DEMAND_EXCEEDED =
      "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically"
          + " scaling your table or index so please try again shortly. If exceptions persist,"
          + " check if you have a hot key:"
          + " https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

  /** How many seconds of unused units an on-demand table's maximum lets it save. */
  static final long ON_DEMAND_BURST_SECONDS = 1;

  static final String INDEX_EXCEEDED =
      "The level of configured provisioned throughput for one or more global secondary indexes"
          + " of the table was exceeded. Consider increasing your provisioning level for the"
          + " under-provisioned global secondary indexes with the UpdateTable API";

  private final boolean enabled;
  private final Clock clock;
  private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** A bucket of a table or index (ids come from one never-reused counter). */
  private record Key(long id, Operation operation) {}

  /** What a table or index may consume per second, and for how many seconds it may save it. */
  private record Limit(double perSecond, long burstSeconds) {}

  /**
   * @param enabled false to let every request through (the server's {@code --no-throttling})
   */
  public Throttling(boolean enabled, Clock clock) {
    this.enabled = enabled;
    this.clock = clock;
  }

  /**
   * Refuses a request that would {@code operation} {@code table}, or {@code index} of it (null:
   * the table itself), while its throughput is used up. A write also needs every global index of
   * the table to have write throughput left, as DynamoDB holds writes back while an index lags.
   *
   * @throws DynamoDbException ProvisionedThroughputExceededException, or ThrottlingException for
   *     an on-demand table held to its maximum
   */
  public void admit(TableDefinition table, IndexDefinition index, Operation operation) {
    DynamoDbException refusal = refusal(table, index, operation);
    if (refusal != null) {
      throw refusal;
    }
  }

  /** The error {@link #admit} would throw, or null when the request may go ahead. */
  public DynamoDbException refusal(
      TableDefinition table, IndexDefinition index, Operation operation) {
    if (!enabled) {
      return null;
    }
    long now = nanos();
    if (index != null && index.global()) {
      return empty(table, index, operation, now) ? refused(table, index, operation) : null;
    }
    if (empty(table, null, operation, now)) {
      return refused(table, null, operation);
    }
    if (operation == Operation.WRITE) {
      for (IndexDefinition i : table.indexes()) {
        if (i.global() && i.maintained() && empty(table, i, operation, now)) {
          return refused(table, i, operation);
        }
      }
    }
    return null;
  }

  /**
   * Brings the buckets of {@code table} and its indexes up to now at their current rates; called
   * before the table's throughput changes, so that the new rates count from the change on.
   */
  public void beforeThroughputChange(TableDefinition table) {
    long now = nanos();
    for (Operation operation : Operation.values()) {
      settle(new Key(table.tableId(), operation), now);
      for (IndexDefinition index : table.indexes()) {
        settle(new Key(index.indexId(), operation), now);
      }
    }
  }

  /** Drops the buckets of a deleted table or index (ids are never reused). */
  public void forget(long id) {
    for (Operation operation : Operation.values()) {
      buckets.remove(new Key(id, operation));
    }
  }

  private void settle(Key key, long now) {
    TokenBucket bucket = buckets.get(key);
    if (bucket != null) {
      bucket.settle(now);
    }
  }

  /** Charges what a request consumed to the buckets of its table and global indexes. */
  public void charge(ConsumedCapacity consumed) {
    if (!enabled) {
      return;
    }
    long now = nanos();
    TableDefinition table = consumed.tableDefinition();
    double onTable = consumed.table();
    for (double units : consumed.localSecondaryIndexes().values()) {
      onTable += units;
    }
    take(table, null, consumed.operation(), onTable, now);
    consumed
        .globalSecondaryIndexes()
        .forEach(
            (name, units) -> {
              IndexDefinition index = table.index(name);
              if (index != null) {
                take(table, index, consumed.operation(), units, now);
              }
            });
  }

  private boolean empty(
      TableDefinition table, IndexDefinition index, Operation operation, long now) {
    Limit limit = limit(table, index, operation);
    return limit != null
        && bucket(table, index, operation, limit, now)
            .empty(limit.perSecond(), limit.burstSeconds(), now);
  }

  private void take(
      TableDefinition table, IndexDefinition index, Operation operation, double units, long now) {
    Limit limit = limit(table, index, operation);
    if (limit != null && units > 0) {
      bucket(table, index, operation, limit, now)
          .take(units, limit.perSecond(), limit.burstSeconds(), now);
    }
  }

  private TokenBucket bucket(
      TableDefinition table, IndexDefinition index, Operation operation, Limit limit, long now) {
    long id = index == null ? table.tableId() : index.indexId();
    return buckets.computeIfAbsent(
        new Key(id, operation), k -> new TokenBucket(limit.perSecond(), limit.burstSeconds(), now));
  }

  /** The limit of a table or global index, or null when it has none. */
  private static Limit limit(TableDefinition table, IndexDefinition index, Operation operation) {
    if (table.billingMode() != BillingMode.PROVISIONED) {
      OnDemandThroughput maxima = table.onDemandThroughput();
      Long max =
          operation == Operation.READ
              ? maxima.maxReadRequestUnits()
              : maxima.maxWriteRequestUnits();
      return index == null && max != null ? new Limit(max, ON_DEMAND_BURST_SECONDS) : null;
    }
    Throughput throughput = index == null ? table.throughput() : index.throughput();
    if (throughput == null) {
      return null;
    }
    long units =
        operation == Operation.READ
            ? throughput.readCapacityUnits()
            : throughput.writeCapacityUnits();
    return new Limit(units, BURST_SECONDS);
  }

  private static DynamoDbException refused(
      TableDefinition table, IndexDefinition index, Operation operation) {
    String resource = index == null ? table.arn() : table.arn() + "/index/" + index.name();
    String resourceType = index == null ? "Table" : "Index";
    if (table.billingMode() != BillingMode.PROVISIONED) {
      return DynamoDbException.throttled(
          ErrorType.THROTTLING,
          ON_DEMAND_EXCEEDED,
          List.of(
              new ThrottlingReason(
                  resourceType + operation.word() + "MaxOnDemandThroughputExceeded", resource)));
    }
    String reason = resourceType + operation.word() + "ProvisionedThroughputExceeded";
    // DynamoDB names the indexes when they hold back a write; a read of an index it words as a
    // read of the table.
    String message =
        index != null && operation == Operation.WRITE ? INDEX_EXCEEDED : TABLE_EXCEEDED;
    return DynamoDbException.throttled(
        ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED,
        message,
        List.of(new ThrottlingReason(reason, resource)));
  }

  private long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}

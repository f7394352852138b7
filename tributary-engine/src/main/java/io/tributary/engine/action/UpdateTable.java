package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.time.Instant;
import java.util.List;

/**
 * UpdateTable: billing mode, provisioned throughput, table class, deletion protection, the stream
 * and global secondary indexes. Changes apply at once (an index's backfill or purge runs in the
 * background); with a transient-status delay the table shows UPDATING for that long, and a new
 * index's backfill waits that long, as DynamoDB's resource allocation phase does.
 */
final class UpdateTable implements Action {
  /** The members that count as "something to update", in DynamoDB's message order. */
  private static final List<String> CHANGES =
      List.of(
          "ProvisionedThroughput",
          "BillingMode",
          "StreamSpecification",
          "GlobalSecondaryIndexUpdates",
          "SSESpecification",
          "ReplicaUpdates",
          "MultiRegionConsistency",
          "DeletionProtectionEnabled",
          "OnDemandThroughput",
          "WarmThroughput",
          "TableClass",
          "GlobalTableWitnessUpdates");

  private final Database db;

  UpdateTable(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    TableNames.resolve(request.string("TableName"), context, "TableName");
    checkSomethingToUpdate(request);
    checkAlone(request, "TableClass", "TableClass modification");
    checkAlone(request, "DeletionProtectionEnabled", "DeletionProtection modification");
    if (request.has("OnDemandThroughput")
        && CHANGES.stream().anyMatch(
            m -> !m.equals("OnDemandThroughput") && !m.equals("BillingMode") && has(request, m))) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: OnDemandThroughput can only be combined"
              + " with BillingMode in an UpdateTable request");
    }
    GlobalSecondaryIndexUpdates indexUpdates =
        request.has("GlobalSecondaryIndexUpdates")
            ? new GlobalSecondaryIndexUpdates(request.list("GlobalSecondaryIndexUpdates"))
            : null;
    StreamSpecifications.Change streamChange = StreamSpecifications.forUpdate(request);
    Unsupported.refuse(
        request,
        "ReplicaUpdates",
        "GlobalTableWitnessUpdates",
        "MultiRegionConsistency");
    Request throughput = request.object("ProvisionedThroughput");
    if (throughput != null) {
      BillingModes.checkBounds(throughput, "ReadCapacityUnits");
      BillingModes.checkBounds(throughput, "WriteCapacityUnits");
    }

    TableDefinition table = Tables.describable(db, request, context);
    Instant now = db.clock().instant();
    Tables.checkActive(
        table, table.statusAt(now), "Table IOPS are currently being updated. Table: " + table.name());
    TableDefinition updated = billing(table, request, now);
    BillingModes.checkQuota(updated.throughput(), table.region());
    if (request.has("OnDemandThroughput")) {
      updated =
          updated.withOnDemandThroughput(
              BillingModes.onDemandForUpdate(
                  updated.billingMode(),
                  updated.onDemandThroughput(),
                  request.object("OnDemandThroughput")));
    }
    if (request.has("TableClass") && !request.string("TableClass").equals(table.tableClass())) {
      updated = updated.withTableClass(request.string("TableClass"), now);
    }
    if (request.has("DeletionProtectionEnabled")) {
      updated = updated.withDeletionProtection(request.bool("DeletionProtectionEnabled"));
    }
    Runnable start = () -> {};
    if (indexUpdates != null) {
      GlobalSecondaryIndexUpdates.Applied applied = indexUpdates.apply(db, updated, request, now);
      updated = applied.table();
      start = applied.start();
    }
    boolean onlyIndexes = indexUpdates != null && CHANGES.stream().filter(m -> has(request, m)).count() == 1;
    boolean indexJob = indexUpdates != null && indexUpdates.createsOrDeletes();
    if (!db.config().transientStatusDelay().isZero()
        && !request.has("DeletionProtectionEnabled")
        && (!onlyIndexes || indexJob)) {
      updated =
          updated.withStatus(TableStatus.UPDATING, now.plus(db.config().transientStatusDelay()));
    }
    if (streamChange != null) {
      StreamSpecifications.apply(db, table, streamChange);
    }
    db.throttling().beforeThroughputChange(table);
    db.catalog().update(updated);
    // DynamoDB answers a GSI Create or Delete with the table UPDATING (the new index allocating
    // its resources, not backfilling yet), however soon the table is ACTIVE again; the answer is
    // taken before the backfill can add to the new index's counters.
    Json.Obj description =
        TableDescriptions.described(
            updated, indexJob ? TableStatus.UPDATING : updated.statusAt(now), db.statistics());
    start.run();
    return JsonBuilder.object()
        .put("TableDescription", StreamSpecifications.describe(db, updated, description))
        .build();
  }

  private static void checkSomethingToUpdate(Request request) {
    if (CHANGES.stream().noneMatch(m -> has(request, m))) {
      throw DynamoDbException.validation(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
              + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates,"
              + " MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
              + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is"
              + " required");
    }
  }

  /** Whether the request asks for this change; an empty GlobalSecondaryIndexUpdates asks nothing. */
  private static boolean has(Request request, String member) {
    if (member.equals("GlobalSecondaryIndexUpdates")) {
      List<Json> updates = request.list(member);
      return updates != null && !updates.isEmpty();
    }
    return request.has(member);
  }

  /** Some changes must come alone in their request. */
  private static void checkAlone(Request request, String member, String what) {
    if (request.has(member) && CHANGES.stream().filter(m -> has(request, m)).count() > 1) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: "
              + what
              + " must be the only operation in the request");
    }
  }

  private static TableDefinition billing(TableDefinition table, Request request, Instant now) {
    BillingMode mode =
        request.has("BillingMode")
            ? BillingMode.valueOf(request.string("BillingMode"))
            : table.billingMode();
    Request throughput = request.object("ProvisionedThroughput");
    if (mode == BillingMode.PAY_PER_REQUEST) {
      if (throughput != null) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      return table.billingMode() == mode ? table : table.withBilling(mode, now, Throughput.ON_DEMAND);
    }
    if (throughput == null) {
      if (request.has("BillingMode")) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: ProvisionedThroughput must be specified"
                + " when BillingMode is PROVISIONED");
      }
      return table;
    }
    long read = throughput.number("ReadCapacityUnits");
    long write = throughput.number("WriteCapacityUnits");
    if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
      return table.withBilling(mode, table.billingModeChangedAt(), Throughput.of(read, write));
    }
    Throughput current = table.throughput();
    if (read == current.readCapacityUnits() && write == current.writeCapacityUnits()) {
      throw DynamoDbException.validation(
          "The provisioned throughput for the table will not change. The requested value equals"
              + " the current value. Current ReadCapacityUnits provisioned for the table: "
              + current.readCapacityUnits()
              + ". Requested ReadCapacityUnits: "
              + read
              + ". Current WriteCapacityUnits provisioned for the table: "
              + current.writeCapacityUnits()
              + ". Requested WriteCapacityUnits: "
              + write
              + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to"
              + " request higher limits.");
    }
    return table.withBilling(
        mode, table.billingModeChangedAt(), current.changedTo(read, write, now));
  }
}

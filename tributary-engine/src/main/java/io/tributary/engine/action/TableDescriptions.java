package io.tributary.engine.action;

import io.tributary.engine.item.TableStatistics;
import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.Throughput;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The TableDescription shape, as CreateTable, DescribeTable, UpdateTable and DeleteTable return it. */
final class TableDescriptions {
  /** The warm throughput DynamoDB reports for on-demand tables. */
  private static final long ON_DEMAND_WARM_READS = 12_000;

  private static final long ON_DEMAND_WARM_WRITES = 4_000;

  private TableDescriptions() {}

  /** The description CreateTable answers with. */
  static Json.Obj created(TableDefinition t, TableStatistics statistics) {
    return common(t, t.status(), statistics, false, true).build();
  }

  /** The description DescribeTable, UpdateTable and DeleteTable answer with. */
  static Json.Obj described(TableDefinition t, TableStatus status, TableStatistics statistics) {
    return described(t, status, statistics, true);
  }

  /**
   * @param globalIndexes false for DeleteTable, whose answer leaves the global indexes out
   */
  static Json.Obj described(
      TableDefinition t, TableStatus status, TableStatistics statistics, boolean globalIndexes) {
    Throughput p = t.throughput();
    boolean onDemand = t.billingMode() == BillingMode.PAY_PER_REQUEST;
    return common(t, status, statistics, true, globalIndexes)
        .put(
            "WarmThroughput",
            JsonBuilder.object()
                .put("ReadUnitsPerSecond", onDemand ? ON_DEMAND_WARM_READS : p.readCapacityUnits())
                .put("WriteUnitsPerSecond", onDemand ? ON_DEMAND_WARM_WRITES : p.writeCapacityUnits())
                .put("Status", "ACTIVE")
                .build())
        .build();
  }

  /**
   * The members both share. As in DynamoDB, BillingModeSummary appears once a table is or was on
   * demand, and TableClassSummary once a class other than the default was set.
   */
  private static JsonBuilder common(
      TableDefinition t,
      TableStatus stored,
      TableStatistics statistics,
      boolean described,
      boolean globalIndexes) {
    TableStatus status = shown(t, stored);
    TableStatistics.Counters counters = statistics.of(t.tableId());
    List<Json> definitions = new ArrayList<>();
    for (KeyAttribute a : t.attributeDefinitions()) {
      definitions.add(
          JsonBuilder.object().put("AttributeName", a.name()).put("AttributeType", a.type()).build());
    }
    List<Json> keySchema = new ArrayList<>();
    keySchema.add(keyElement(t.keySchema().partitionKey(), "HASH"));
    if (t.keySchema().hasSortKey()) {
      keySchema.add(keyElement(t.keySchema().sortKey(), "RANGE"));
    }
    JsonBuilder b =
        JsonBuilder.object()
            .put("AttributeDefinitions", new Json.Arr(definitions))
            .put("TableName", t.name())
            .put("KeySchema", new Json.Arr(keySchema))
            .put("TableStatus", status.name())
            .putNumber("CreationDateTime", epochSeconds(t.createdAt()))
            .put("ProvisionedThroughput", throughput(t.throughput()))
            .put("TableSizeBytes", counters.sizeBytes())
            .put("ItemCount", counters.itemCount())
            .put("TableArn", t.arn())
            .put("TableId", t.tableUuid());
    List<Json> local = new ArrayList<>();
    List<Json> global = new ArrayList<>();
    for (IndexDefinition index : t.indexes()) {
      if (index.global()) {
        global.add(globalIndex(t, index, status, statistics.of(index.indexId())));
      } else {
        local.add(localIndex(t, index, statistics.of(index.indexId())));
      }
    }
    if (!local.isEmpty()) {
      b.put("LocalSecondaryIndexes", new Json.Arr(local));
    }
    if (!global.isEmpty() && globalIndexes) {
      b.put("GlobalSecondaryIndexes", new Json.Arr(global));
    }
    if (t.billingModeChangedAt() != null) {
      b.put(
          "BillingModeSummary",
          JsonBuilder.object()
              .put("BillingMode", t.billingMode().name())
              .putNumber(
                  "LastUpdateToPayPerRequestDateTime",
                  described ? epochSeconds(t.billingModeChangedAt()) : null)
              .build());
    }
    if (t.tableClassChangedAt() != null || !t.tableClass().equals(TableDefinition.STANDARD)) {
      b.put(
          "TableClassSummary",
          JsonBuilder.object()
              .put("TableClass", t.tableClass())
              .putNumber("LastUpdateDateTime", epochSeconds(t.tableClassChangedAt()))
              .build());
    }
    if (!t.onDemandThroughput().isNone()) {
      // Only the maxima that are set, as DynamoDB describes them.
      b.put(
          "OnDemandThroughput",
          JsonBuilder.object()
              .put("MaxReadRequestUnits", units(t.onDemandThroughput().maxReadRequestUnits()))
              .put("MaxWriteRequestUnits", units(t.onDemandThroughput().maxWriteRequestUnits()))
              .build());
    }
    return b.put("DeletionProtectionEnabled", t.deletionProtection());
  }

  private static Json units(Long units) {
    return units == null ? null : new Json.Num(Long.toString(units));
  }

  /**
   * The status DynamoDB shows: a table stays UPDATING while one of its global indexes is being
   * deleted.
   */
  private static TableStatus shown(TableDefinition t, TableStatus status) {
    if (status == TableStatus.ACTIVE
        && t.indexes().stream().anyMatch(i -> i.status() == IndexDefinition.IndexStatus.DELETING)) {
      return TableStatus.UPDATING;
    }
    return status;
  }

  private static JsonBuilder index(
      TableDefinition t, IndexDefinition index, TableStatistics.Counters counters) {
    List<Json> keySchema = new ArrayList<>();
    index.hashKeys().forEach(k -> keySchema.add(keyElement(k, "HASH")));
    index.rangeKeys().forEach(k -> keySchema.add(keyElement(k, "RANGE")));
    JsonBuilder projection =
        JsonBuilder.object().put("ProjectionType", index.projectionType().name());
    if (index.projectionType() == IndexDefinition.ProjectionType.INCLUDE) {
      List<Json> nonKey = new ArrayList<>();
      index.nonKeyAttributes().forEach(n -> nonKey.add(new Json.Str(n)));
      projection.put("NonKeyAttributes", new Json.Arr(nonKey));
    }
    return JsonBuilder.object()
        .put("IndexName", index.name())
        .put("KeySchema", new Json.Arr(keySchema))
        .put("Projection", projection.build());
  }

  /**
   * IndexSizeBytes is the size of the entries themselves. DynamoDB's storage considerations add
   * 100 bytes of overhead per index item, but for the storage it bills, not in IndexSizeBytes
   * (the AWS CLI reference shows a two-item local index of 139 bytes).
   */
  private static Json localIndex(
      TableDefinition t, IndexDefinition index, TableStatistics.Counters counters) {
    return index(t, index, counters)
        .put("IndexSizeBytes", counters.sizeBytes())
        .put("ItemCount", counters.itemCount())
        .put("IndexArn", t.arn() + "/index/" + index.name())
        .build();
  }

  /**
   * A global index as DynamoDB describes it: CREATING with its table, and one added by UpdateTable
   * CREATING with Backfilling false while the table is UPDATING (resource allocation), then true
   * until it is ACTIVE. Indexes created with the table never show Backfilling.
   */
  private static Json globalIndex(
      TableDefinition t,
      IndexDefinition index,
      TableStatus tableStatus,
      TableStatistics.Counters counters) {
    Throughput p = index.throughput();
    boolean withTable = tableStatus == TableStatus.CREATING;
    boolean added = !withTable && index.status() == IndexDefinition.IndexStatus.CREATING;
    return index(t, index, counters)
        .put(
            "IndexStatus",
            withTable ? IndexDefinition.IndexStatus.CREATING.name() : index.status().name())
        .put(
            "Backfilling",
            added ? (tableStatus == TableStatus.UPDATING ? Json.Bool.FALSE : Json.Bool.TRUE) : null)
        .put(
            "ProvisionedThroughput",
            JsonBuilder.object()
                .putNumber("LastIncreaseDateTime", epochSeconds(p.lastIncrease()))
                .putNumber("LastDecreaseDateTime", epochSeconds(p.lastDecrease()))
                .put("NumberOfDecreasesToday", p.decreasesToday())
                .put("ReadCapacityUnits", p.readCapacityUnits())
                .put("WriteCapacityUnits", p.writeCapacityUnits())
                .build())
        .put("IndexSizeBytes", counters.sizeBytes())
        .put("ItemCount", counters.itemCount())
        .put("IndexArn", t.arn() + "/index/" + index.name())
        .build();
  }

  private static Json keyElement(KeyAttribute a, String keyType) {
    return JsonBuilder.object().put("AttributeName", a.name()).put("KeyType", keyType).build();
  }

  private static Json throughput(Throughput p) {
    return JsonBuilder.object()
        .putNumber("LastIncreaseDateTime", epochSeconds(p.lastIncrease()))
        .putNumber("LastDecreaseDateTime", epochSeconds(p.lastDecrease()))
        .put("NumberOfDecreasesToday", p.decreasesToday())
        .put("ReadCapacityUnits", p.readCapacityUnits())
        .put("WriteCapacityUnits", p.writeCapacityUnits())
        .build();
  }

  /** Epoch seconds with milliseconds, the way DynamoDB writes timestamps. */
  static String epochSeconds(Instant instant) {
    return instant == null
        ? null
        : BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
  }
}

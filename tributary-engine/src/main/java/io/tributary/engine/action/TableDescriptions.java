package io.tributary.engine.action;

import io.tributary.engine.item.TableStatistics;
import io.tributary.engine.table.BillingMode;
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
  static Json.Obj created(TableDefinition t, TableStatistics.Counters counters) {
    return common(t, t.status(), counters, false).build();
  }

  /** The description DescribeTable, UpdateTable and DeleteTable answer with. */
  static Json.Obj described(
      TableDefinition t, TableStatus status, TableStatistics.Counters counters) {
    Throughput p = t.throughput();
    boolean onDemand = t.billingMode() == BillingMode.PAY_PER_REQUEST;
    return common(t, status, counters, true)
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
      TableDefinition t, TableStatus status, TableStatistics.Counters counters, boolean described) {
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
    return b.put("DeletionProtectionEnabled", t.deletionProtection());
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

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.IndexDefinition.IndexStatus;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: at most one Create or Delete per call (a Create is
 * backfilled in the background, a Delete purged), and any number of throughput Updates.
 */
final class GlobalSecondaryIndexUpdates {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String ONE_AT_A_TIME =
      "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously"
          + " per table";

  private final List<Request> creates = new ArrayList<>();
  private final List<Request> deletes = new ArrayList<>();
  private final List<Request> updates = new ArrayList<>();

  /** Parses and checks the updates' shape, before the table is looked up. */
  GlobalSecondaryIndexUpdates(List<Json> entries) {
    for (Json e : entries) {
      Request entry = new Request((Json.Obj) e);
      int n = 0;
      for (String member : List.of("Create", "Update", "Delete")) {
        if (entry.has(member)) {
          n++;
        }
      }
      if (n == 0) {
        throw DynamoDbException.validation(
            INVALID
                + "One of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update or"
                + " GlobalSecondaryIndexUpdate.Delete must be specified");
      }
      if (n > 1) {
        throw DynamoDbException.validation(
            INVALID
                + "Only one of GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Update"
                + " or GlobalSecondaryIndexUpdate.Delete can be specified");
      }
      if (entry.has("Create")) {
        creates.add(entry.object("Create"));
      } else if (entry.has("Delete")) {
        deletes.add(entry.object("Delete"));
      } else {
        updates.add(entry.object("Update"));
      }
    }
    if (creates.size() + deletes.size() > 1) {
      throw DynamoDbException.of(ErrorType.LIMIT_EXCEEDED, ONE_AT_A_TIME);
    }
  }

  /** Whether an index is created or deleted, which DynamoDB does with the table UPDATING. */
  boolean createsOrDeletes() {
    return !creates.isEmpty() || !deletes.isEmpty();
  }

  /** What the table becomes, and what to start once the catalog holds it. */
  record Applied(TableDefinition table, Runnable start) {}

  Applied apply(Database db, TableDefinition table, Request request, Instant now) {
    List<IndexDefinition> indexes = new ArrayList<>(table.indexes());
    List<KeyAttribute> definitions = new ArrayList<>(table.attributeDefinitions());
    Runnable start = () -> {};
    for (Request update : updates) {
      String name = update.string("IndexName");
      int at = globalIndex(indexes, name);
      if (table.billingMode() == io.tributary.engine.table.BillingMode.PAY_PER_REQUEST) {
        throw DynamoDbException.validation(
            INVALID
                + "ProvisionedThroughput should not be specified for index: "
                + name
                + " when BillingMode is PAY_PER_REQUEST");
      }
      Request pt = update.object("ProvisionedThroughput");
      long read = BillingModes.checkBounds(pt, "ReadCapacityUnits");
      long write = BillingModes.checkBounds(pt, "WriteCapacityUnits");
      IndexDefinition index = indexes.get(at);
      Throughput changed = index.throughput().changedTo(read, write, now);
      BillingModes.checkQuota(changed, table.region());
      indexes.set(at, index.withThroughput(changed));
    }
    boolean busy = indexes.stream().anyMatch(i -> i.status() != IndexStatus.ACTIVE);
    for (Request delete : deletes) {
      int at = globalIndex(indexes, delete.string("IndexName"));
      if (busy) {
        throw DynamoDbException.of(ErrorType.LIMIT_EXCEEDED, ONE_AT_A_TIME);
      }
      IndexDefinition deleting = indexes.get(at).withStatus(IndexStatus.DELETING);
      indexes.set(at, deleting);
      TableDefinition before = table;
      start = () -> db.indexBuilds().delete(before, deleting, db.config().transientStatusDelay());
    }
    for (Request create : creates) {
      String name = create.string("IndexName");
      Map<String, String> types = new LinkedHashMap<>();
      List<Json> requested = request.list("AttributeDefinitions");
      if (requested != null) {
        for (Json d : requested) {
          Request definition = new Request((Json.Obj) d);
          types.putIfAbsent(definition.string("AttributeName"), definition.string("AttributeType"));
        }
      }
      SecondaryIndexes.Spec spec =
          SecondaryIndexes.parseOne(create, true, types, table.billingMode());
      if (table.index(name) != null) {
        throw DynamoDbException.validation(INVALID + "Index with name " + name + " already exists");
      }
      for (KeyAttribute k : spec.hashKeys().isEmpty() ? List.<KeyAttribute>of() : keys(spec)) {
        for (KeyAttribute existing : definitions) {
          if (existing.name().equals(k.name()) && !existing.type().equals(k.type())) {
            throw DynamoDbException.validation(
                INVALID
                    + "Attributes cannot be redefined. Please check that your attribute has the same"
                    + " type as previously defined.");
          }
        }
        if (definitions.stream().noneMatch(d -> d.name().equals(k.name()))) {
          definitions.add(k);
        }
      }
      if (busy) {
        throw DynamoDbException.of(ErrorType.LIMIT_EXCEEDED, ONE_AT_A_TIME);
      }
      if (indexes.stream().filter(IndexDefinition::global).count() >= SecondaryIndexes.MAX_GLOBAL) {
        throw DynamoDbException.validation(
            INVALID
                + "GlobalSecondaryIndex count exceeds the per-table limit of "
                + SecondaryIndexes.MAX_GLOBAL);
      }
      List<SecondaryIndexes.Spec> all = new ArrayList<>();
      all.add(spec);
      for (IndexDefinition i : indexes) {
        all.add(
            new SecondaryIndexes.Spec(
                i.name(), i.global(), i.hashKeys(), i.rangeKeys(), i.projectionType(),
                i.nonKeyAttributes(), i.throughput()));
      }
      SecondaryIndexes.checkProjectedCount(all);
      if (spec.throughput() != null) {
        BillingModes.checkQuota(spec.throughput(), table.region());
      }
      IndexDefinition created =
          spec.withId(db.catalog().reserveId()).withStatus(IndexStatus.CREATING);
      indexes.add(created);
      TableDefinition before = table;
      // The transient-status delay stands for DynamoDB's resource allocation phase.
      start =
          () -> db.indexBuilds().backfill(before, created, db.config().transientStatusDelay());
    }
    return new Applied(table.withIndexes(definitions, indexes), start);
  }

  private static List<KeyAttribute> keys(SecondaryIndexes.Spec spec) {
    List<KeyAttribute> all = new ArrayList<>(spec.hashKeys());
    all.addAll(spec.rangeKeys());
    return all;
  }

  /** The position of the global index of that name; a local index cannot be changed. */
  private static int globalIndex(List<IndexDefinition> indexes, String name) {
    for (int i = 0; i < indexes.size(); i++) {
      IndexDefinition index = indexes.get(i);
      if (index.name().equals(name)) {
        if (!index.global()) {
          throw DynamoDbException.validation(
              INVALID + "Index " + name + " is not a global secondary index");
        }
        return i;
      }
    }
    throw DynamoDbException.resourceNotFound(
        "Requested resource not found: Index: " + name + " not found");
  }
}

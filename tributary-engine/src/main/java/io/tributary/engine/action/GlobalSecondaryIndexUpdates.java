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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Set<String> names = new HashSet<>();
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
                + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                + " GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      if (n > 1) {
        throw DynamoDbException.validation(
            INVALID
                + "Only one global secondary index action is allowed per"
                + " GlobalSecondaryIndexUpdate object");
      }
      Request action;
      if (entry.has("Create")) {
        action = entry.object("Create");
        creates.add(action);
      } else if (entry.has("Delete")) {
        action = entry.object("Delete");
        deletes.add(action);
      } else {
        action = entry.object("Update");
        updates.add(action);
      }
      String name = action.string("IndexName");
      if (!names.add(name)) {
        throw DynamoDbException.validation(
            INVALID
                + "Only one global secondary index update per index is allowed simultaneously."
                + " Index: "
                + name);
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
      int at = globalIndex(table, indexes, name, "update");
      Request pt = update.object("ProvisionedThroughput");
      if (table.billingMode() == io.tributary.engine.table.BillingMode.PAY_PER_REQUEST) {
        if (pt != null
            || update.members("OnDemandThroughput").isEmpty() && !update.has("WarmThroughput")) {
          throw DynamoDbException.validation(
              INVALID
                  + "The only Updates for index: "
                  + name
                  + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput,"
                  + " WarmThroughput");
        }
        // OnDemandThroughput and WarmThroughput are taken without effect (docs/compatibility.md).
        continue;
      }
      if (pt == null) {
        if (update.has("WarmThroughput") && !update.has("OnDemandThroughput")) {
          continue;
        }
        // DynamoDB's words for a billing switch that leaves out an index's throughput; what it
        // says of an Update without any is not confirmed.
        throw DynamoDbException.validation(
            INVALID + "ProvisionedThroughput must be specified for index: " + name);
      }
      long read = BillingModes.checkBounds(pt, "ReadCapacityUnits");
      long write = BillingModes.checkBounds(pt, "WriteCapacityUnits");
      IndexDefinition index = indexes.get(at);
      Throughput changed = index.throughput().changedTo(read, write, now);
      BillingModes.checkQuota(changed, table.region());
      indexes.set(at, index.withThroughput(changed));
    }
    boolean busy = indexes.stream().anyMatch(i -> i.status() != IndexStatus.ACTIVE);
    for (Request delete : deletes) {
      int at = globalIndex(table, indexes, delete.string("IndexName"), "delete");
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
      if (requested == null) {
        // Even a key attribute the table has defined must be defined again here.
        throw DynamoDbException.validation(
            INVALID + "AttributeDefinitions is not specified for index: " + name);
      }
      for (Json d : requested) {
        Request definition = new Request((Json.Obj) d);
        types.putIfAbsent(definition.string("AttributeName"), definition.string("AttributeType"));
      }
      SecondaryIndexes.Spec spec =
          SecondaryIndexes.parseOne(create, true, types, table.billingMode(), true);
      if (table.index(name) != null) {
        // A local index's name is taken too.
        throw DynamoDbException.validation("Attempting to create an index which already exists");
      }
      for (KeyAttribute k : keys(spec)) {
        for (KeyAttribute existing : definitions) {
          if (existing.name().equals(k.name()) && !existing.type().equals(k.type())) {
            throw redefined(table, existing, k, keyType(spec, k.name()));
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
        // CreateTable words the same limit as a ValidationException.
        throw DynamoDbException.of(
            ErrorType.LIMIT_EXCEEDED,
            "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit"
                + " of "
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

  private static String keyType(SecondaryIndexes.Spec spec, String attribute) {
    return spec.hashKeys().stream().anyMatch(k -> k.name().equals(attribute)) ? "HASH" : "RANGE";
  }

  /**
   * A new index's key attribute given another type than the table already has for it. DynamoDB
   * names the attribute's key element as it is and as it would be; the wording is confirmed for a
   * HASH attribute of another global index, and the other cases follow it.
   */
  private static DynamoDbException redefined(
      TableDefinition table, KeyAttribute existing, KeyAttribute requested, String requestedAs) {
    return DynamoDbException.validation(
        INVALID
            + "Attributes cannot be redefined. Please check that your attribute has the same type as"
            + " previously defined. Existing schema: "
            + schemaElement(existing, keyTypeIn(table, existing.name()))
            + " New schema: "
            + schemaElement(requested, requestedAs));
  }

  private static String schemaElement(KeyAttribute attribute, String keyType) {
    return "Schema:[SchemaElement: key{"
        + attribute.name()
        + ":"
        + attribute.type()
        + ":"
        + keyType
        + "}]";
  }

  /** How the table's key or its first index that uses {@code attribute} uses it. */
  private static String keyTypeIn(TableDefinition table, String attribute) {
    if (table.keySchema().hasSortKey() && table.keySchema().sortKey().name().equals(attribute)) {
      return "RANGE";
    }
    if (table.keySchema().partitionKey().name().equals(attribute)) {
      return "HASH";
    }
    for (IndexDefinition index : table.indexes()) {
      if (index.hashKeys().stream().anyMatch(k -> k.name().equals(attribute))) {
        return "HASH";
      }
      if (index.rangeKeys().stream().anyMatch(k -> k.name().equals(attribute))) {
        return "RANGE";
      }
    }
    return "HASH";
  }

  /**
   * The position of the global index of that name, which an Update or Delete ({@code action})
   * names; a local index cannot be changed.
   */
  private static int globalIndex(
      TableDefinition table, List<IndexDefinition> indexes, String name, String action) {
    for (int i = 0; i < indexes.size(); i++) {
      IndexDefinition index = indexes.get(i);
      if (index.name().equals(name)) {
        if (!index.global()) {
          throw DynamoDbException.validation(
              "Cannot " + action + " an index that is not a GlobalSecondaryIndex: " + name);
        }
        return i;
      }
    }
    throw DynamoDbException.resourceNotFound(
        "Requested resource not found: Index " + name + " for table " + table.name());
  }
}

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.OnDemandThroughput;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CreateTable: a table with a key schema, billing mode, throughput and secondary indexes. */
final class CreateTable implements Action {
  private final Database db;

  CreateTable(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    TableNames.TableRef ref = TableNames.resolve(request.string("TableName"), context, "TableName");
    String streamViewType = StreamSpecifications.forCreate(request);
    // DynamoDB checks billing before the key schema.
    BillingMode billing = BillingModes.parse(request.string("BillingMode"));
    Throughput throughput =
        BillingModes.throughputForCreate(billing, request.object("ProvisionedThroughput"));
    OnDemandThroughput maxima =
        BillingModes.onDemandForCreate(billing, request.object("OnDemandThroughput"));
    boolean hasIndexes =
        request.has("LocalSecondaryIndexes") || request.has("GlobalSecondaryIndexes");
    KeySchemas.Parsed keys =
        KeySchemas.parse(
            request.list("KeySchema"), request.list("AttributeDefinitions"), hasIndexes);
    List<SecondaryIndexes.Spec> indexes =
        SecondaryIndexes.parse(request, keys.schema(), keys.types(), billing);
    if (hasIndexes) {
      List<String> used = SecondaryIndexes.keysUsed(keys.schema(), indexes);
      if (!used.containsAll(keys.types().keySet())) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Some AttributeDefinitions are not used."
                + " AttributeDefinitions: "
                + List.copyOf(keys.types().keySet())
                + ", keys used: "
                + used);
      }
    }
    BillingModes.checkQuota(throughput, ref.region());
    for (SecondaryIndexes.Spec index : indexes) {
      if (index.global()) {
        BillingModes.checkQuota(index.throughput(), ref.region());
      }
    }
    Map<String, String> tags =
        request.has("Tags") ? Tags.check(request.list("Tags")) : Map.of();
    if (tags.size() > Tags.MAX_TAGS) {
      throw DynamoDbException.validation(
          "Number of Tags exceed the current limit for the provided ResourceArn");
    }

    Instant now = db.clock().instant();
    boolean delayed = !db.config().transientStatusDelay().isZero();
    String tableClass =
        request.has("TableClass") ? request.string("TableClass") : TableDefinition.STANDARD;
    TableDefinition created =
        db.catalog()
            .create(
                ref.region(),
                ref.name(),
                indexes.size(),
                id ->
                    new TableDefinition(
                        id,
                        ref.region(),
                        ref.name(),
                        "arn:aws:dynamodb:"
                            + ref.region()
                            + ":"
                            + db.config().accountId()
                            + ":table/"
                            + ref.name(),
                        UUID.randomUUID().toString(),
                        now,
                        keys.schema(),
                        keys.definitions(),
                        billing,
                        billing == BillingMode.PAY_PER_REQUEST ? now : null,
                        throughput,
                        tableClass,
                        null,
                        Boolean.TRUE.equals(request.bool("DeletionProtectionEnabled")),
                        delayed ? TableStatus.CREATING : TableStatus.ACTIVE,
                        delayed ? now.plus(db.config().transientStatusDelay()) : null,
                        indexDefinitions(indexes, id),
                        maxima),
                // The tags go in the batch that creates the table, so it never exists without them.
                (table, batch) -> {
                  if (!tags.isEmpty()) {
                    db.tags().addToNew(table.tableId(), tags, batch);
                  }
                });
    if (created == null) {
      TableDefinition existing = db.catalog().find(ref.region(), ref.name());
      throw DynamoDbException.of(
          ErrorType.RESOURCE_IN_USE,
          existing != null && existing.statusAt(now) == TableStatus.CREATING
              ? "Attempt to change a resource which is still in use: Table is being created: "
                  + ref.name()
              : "Table already exists: " + ref.name());
    }
    if (streamViewType != null) {
      db.streams().enable(created, streamViewType);
    }
    return JsonBuilder.object()
        .put(
            "TableDescription",
            StreamSpecifications.describe(
                db, created, TableDescriptions.created(created, db.statistics())))
        .build();
  }

  /** The indexes' ids follow the table's: the catalog reserved them from the same counter. */
  private static List<IndexDefinition> indexDefinitions(
      List<SecondaryIndexes.Spec> specs, long tableId) {
    List<IndexDefinition> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      out.add(specs.get(i).withId(tableId + 1 + i));
    }
    return out;
  }
}

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.BillingMode;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.Throughput;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.engine.table.Tags;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** CreateTable: a table with a key schema, billing mode and throughput; indexes come later. */
final class CreateTable implements Action {
  private final Database db;

  CreateTable(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    TableNames.TableRef ref = TableNames.resolve(request.string("TableName"), context, "TableName");
    Unsupported.refuse(request, "LocalSecondaryIndexes", "GlobalSecondaryIndexes");
    Request stream = request.object("StreamSpecification");
    if (stream != null && Boolean.TRUE.equals(stream.bool("StreamEnabled"))) {
      throw Unsupported.feature("StreamSpecification");
    }
    // DynamoDB checks billing before the key schema.
    BillingMode billing = BillingModes.parse(request.string("BillingMode"));
    Throughput throughput =
        BillingModes.throughputForCreate(billing, request.object("ProvisionedThroughput"));
    KeySchemas.Parsed keys =
        KeySchemas.parse(request.list("KeySchema"), request.list("AttributeDefinitions"));
    BillingModes.checkQuota(throughput, ref.region());
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
                        delayed ? now.plus(db.config().transientStatusDelay()) : null));
    if (created == null) {
      TableDefinition existing = db.catalog().find(ref.region(), ref.name());
      throw DynamoDbException.of(
          ErrorType.RESOURCE_IN_USE,
          existing != null && existing.statusAt(now) == TableStatus.CREATING
              ? "Attempt to change a resource which is still in use: Table is being created: "
                  + ref.name()
              : "Table already exists: " + ref.name());
    }
    if (!tags.isEmpty()) {
      db.tags().add(created.tableId(), tags);
    }
    return JsonBuilder.object()
        .put(
            "TableDescription",
            TableDescriptions.created(created, db.statistics().of(created.tableId())))
        .build();
  }
}

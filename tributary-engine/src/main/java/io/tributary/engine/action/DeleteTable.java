package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.time.Instant;

/**
 * DeleteTable: the table turns DELETING (for the configured delay, or not visibly at all) and
 * its items are purged in the background; its id is never reused.
 */
final class DeleteTable implements Action {
  private final Database db;

  DeleteTable(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    TableDefinition table = Tables.describable(db, new Request(body), context);
    Instant now = db.clock().instant();
    if (table.deletionProtection()) {
      throw DynamoDbException.validation(
          "Resource cannot be deleted as it is currently protected against deletion. Disable"
              + " deletion protection first.");
    }
    // DynamoDB names the indexes even while the table is UPDATING for one of them.
    if (table.indexes().stream()
        .anyMatch(i -> i.status() != IndexDefinition.IndexStatus.ACTIVE)) {
      throw DynamoDbException.of(
          ErrorType.RESOURCE_IN_USE,
          "Attempt to change a resource which is still in use: Cannot delete table while indexes"
              + " are being created, updated, or deleted.");
    }
    Tables.checkActive(
        table,
        table.statusAt(now),
        "Table: " + table.name() + " is in the process of being updated.");
    TableDefinition deleting =
        table.withStatus(TableStatus.DELETING, now.plus(db.config().transientStatusDelay()));
    Json.Obj description =
        TableDescriptions.described(deleting, TableStatus.DELETING, db.statistics(), false);
    db.catalog().update(deleting);
    // The stream closes with its table; its records stay readable until they expire.
    db.streams().disable(table.tableId());
    return JsonBuilder.object().put("TableDescription", description).build();
  }
}

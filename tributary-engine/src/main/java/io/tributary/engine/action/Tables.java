package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;

/** Finding the table a request names, with the error DynamoDB gives when it is not there. */
final class Tables {
  private Tables() {}

  /** For the table-level actions: a missing table is "Table: name not found". */
  static TableDefinition describable(Database db, Request request, RequestContext context) {
    TableNames.TableRef ref = TableNames.resolve(request.string("TableName"), context, "TableName");
    TableDefinition t = db.catalog().find(ref.region(), ref.name());
    if (t == null) {
      throw DynamoDbException.resourceNotFound(
          "Requested resource not found: Table: " + ref.name() + " not found");
    }
    return t;
  }

  /** For item actions: the table must exist and not be CREATING or DELETING. */
  static TableDefinition forItems(Database db, String tableName, RequestContext context) {
    TableNames.TableRef ref = TableNames.resolve(tableName, context, "TableName");
    TableDefinition t = db.catalog().find(ref.region(), ref.name());
    if (t == null) {
      throw DynamoDbException.resourceNotFound("Requested resource not found");
    }
    TableStatus status = t.statusAt(db.clock().instant());
    if (status == TableStatus.CREATING || status == TableStatus.DELETING) {
      throw DynamoDbException.resourceNotFound("Requested resource not found");
    }
    return t;
  }

  /**
   * Table changes need an ACTIVE table; DynamoDB names the state in the way. {@code updating} is
   * what the action says of an UPDATING table, which differs between actions.
   */
  static void checkActive(TableDefinition table, TableStatus status, String updating) {
    if (status == TableStatus.ACTIVE) {
      return;
    }
    throw DynamoDbException.of(
        ErrorType.RESOURCE_IN_USE,
        "Attempt to change a resource which is still in use: "
            + switch (status) {
              case CREATING -> "Table is being created: " + table.name();
              case DELETING -> "Table is being deleted: " + table.name();
              default -> updating;
            });
  }
}

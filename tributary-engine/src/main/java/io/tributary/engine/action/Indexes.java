package io.tributary.engine.action;

import io.tributary.engine.table.TableDefinition;
import io.tributary.model.DynamoDbException;

/** IndexName on a read: the table must have that index (none do until indexes land). */
final class Indexes {
  private Indexes() {}

  static void refuse(Request request, TableDefinition table) {
    if (request.has("IndexName")) {
      throw DynamoDbException.validation(
          "The table does not have the specified index: " + request.string("IndexName"));
    }
  }
}

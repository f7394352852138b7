package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DescribeTable: the table's description as of now. */
final class DescribeTable implements Action {
  private final Database db;

  DescribeTable(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    TableDefinition t = Tables.describable(db, new Request(body), context);
    return JsonBuilder.object()
        .put(
            "Table",
            StreamSpecifications.describe(
                db,
                t,
                TableDescriptions.described(t, t.statusAt(db.clock().instant()), db.statistics())))
        .build();
  }
}

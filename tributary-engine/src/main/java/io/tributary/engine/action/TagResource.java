package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.Tags;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** TagResource: adds tags to a table, replacing the values of keys it has already. */
final class TagResource implements Action {
  private final Database db;

  TagResource(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    var tags = Tags.check(request.list("Tags"));
    TableDefinition table = TaggedTables.find(db, request, context);
    db.tags().add(table.tableId(), tags);
    return JsonBuilder.object().build();
  }
}

package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** UntagResource: removes tags by key; keys the table does not have are ignored. */
final class UntagResource implements Action {
  private final Database db;

  UntagResource(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    var keys = request.list("TagKeys").stream().map(k -> ((Json.Str) k).value()).toList();
    TableDefinition table = TaggedTables.find(db, request, context);
    db.tags().remove(table.tableId(), keys);
    return JsonBuilder.object().build();
  }
}

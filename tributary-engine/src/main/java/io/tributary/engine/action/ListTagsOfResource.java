package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.Tags;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** ListTagsOfResource: every tag of a table (at most 50, so always one page). */
final class ListTagsOfResource implements Action {
  private final Database db;

  ListTagsOfResource(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    TableDefinition table = TaggedTables.find(db, new Request(body), context);
    return JsonBuilder.object().put("Tags", Tags.toJson(db.tags().of(table.tableId()))).build();
  }
}

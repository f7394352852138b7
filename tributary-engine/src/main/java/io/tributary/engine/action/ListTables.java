package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.List;

/**
 * ListTables: names in ascending order, at most Limit (default and maximum 100) a page, with
 * LastEvaluatedTableName when the page is full and more may follow.
 */
final class ListTables implements Action {
  private static final int MAX_LIMIT = 100;
  private final Database db;

  ListTables(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Long limit = request.number("Limit");
    int pageSize = limit == null ? MAX_LIMIT : limit.intValue();
    List<String> names =
        db.catalog().names(context.region(), request.string("ExclusiveStartTableName"), pageSize + 1);
    boolean more = names.size() > pageSize;
    List<String> page = more ? names.subList(0, pageSize) : names;
    return JsonBuilder.object()
        .put("TableNames", JsonBuilder.strings(page))
        .put("LastEvaluatedTableName", more ? page.get(page.size() - 1) : null)
        .build();
  }
}

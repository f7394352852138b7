package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TimeToLive;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DescribeTimeToLive: ENABLED with its attribute, or DISABLED. */
final class DescribeTimeToLive implements Action {
  private final Database db;

  DescribeTimeToLive(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    TableDefinition table = Tables.describable(db, new Request(body), context);
    TimeToLive.Setting setting = db.timeToLive().of(table.tableId());
    return JsonBuilder.object()
        .put(
            "TimeToLiveDescription",
            setting.enabled()
                ? JsonBuilder.object()
                    .put("TimeToLiveStatus", "ENABLED")
                    .put("AttributeName", setting.attributeName())
                    .build()
                : JsonBuilder.object().put("TimeToLiveStatus", "DISABLED").build())
        .build();
  }
}

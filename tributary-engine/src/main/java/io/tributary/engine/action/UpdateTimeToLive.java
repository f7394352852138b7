package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TimeToLive;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** UpdateTimeToLive: turns expiry on for one attribute, or off. Not idempotent, as in DynamoDB. */
final class UpdateTimeToLive implements Action {
  private final Database db;

  UpdateTimeToLive(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Request specification = request.object("TimeToLiveSpecification");
    boolean enable = specification.bool("Enabled");
    String attribute = specification.string("AttributeName");
    TableDefinition table = Tables.describable(db, request, context);
    TimeToLive.Setting current = db.timeToLive().of(table.tableId());
    if (enable && current.enabled()) {
      throw DynamoDbException.validation(
          current.attributeName().equals(attribute)
              ? "TimeToLive is already enabled"
              : "TimeToLive is active on a different AttributeName: current AttributeName is "
                  + current.attributeName());
    }
    if (!enable && !current.enabled()) {
      throw DynamoDbException.validation("TimeToLive is already disabled");
    }
    db.timeToLive().set(table.tableId(), new TimeToLive.Setting(attribute, enable));
    return JsonBuilder.object()
        .put(
            "TimeToLiveSpecification",
            JsonBuilder.object().put("Enabled", enable).put("AttributeName", attribute).build())
        .build();
  }
}

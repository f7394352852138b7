package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.TimeToLive;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.time.Instant;

/**
 * DescribeTimeToLive: ENABLING, ENABLED or DISABLING with the attribute, or DISABLED alone (so a
 * table whose expiry was turned off reads like one where it never was on, as in DynamoDB).
 */
final class DescribeTimeToLive implements Action {
  private final Database db;

  DescribeTimeToLive(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    TableDefinition table = Tables.describable(db, new Request(body), context);
    Instant now = db.clock().instant();
    TableStatus tableStatus = table.statusAt(now);
    if (tableStatus == TableStatus.CREATING || tableStatus == TableStatus.DELETING) {
      throw DynamoDbException.validation(
          "Cannot describe time to live while table is in "
              + tableStatus
              + " state: Current table state is "
              + tableStatus);
    }
    TimeToLive.Setting setting = db.timeToLive().of(table.tableId());
    String status = setting.statusAt(now);
    return JsonBuilder.object()
        .put(
            "TimeToLiveDescription",
            JsonBuilder.object()
                .put("TimeToLiveStatus", status)
                .put("AttributeName", status.equals("DISABLED") ? null : setting.attributeName())
                .build())
        .build();
  }
}

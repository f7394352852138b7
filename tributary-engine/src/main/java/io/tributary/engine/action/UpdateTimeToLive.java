package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TableStatus;
import io.tributary.engine.table.TimeToLive;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * UpdateTimeToLive: turns expiry on for one attribute, or off. Not idempotent, as in DynamoDB: the
 * state asked for must differ from the state there is. The change shows ENABLING or DISABLING for
 * the server's transient-status delay; after a change, another is refused for 31 minutes (the
 * interval DynamoDB was measured to keep; its documentation says an hour).
 */
final class UpdateTimeToLive implements Action {
  static final Duration COOLDOWN = Duration.ofMinutes(31);

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
    Instant now = db.clock().instant();
    if (table.statusAt(now) == TableStatus.CREATING) {
      throw DynamoDbException.of(
          ErrorType.RESOURCE_IN_USE,
          "Attempt to change a resource which is still in use: Table "
              + table.name()
              + " is being created");
    }
    TimeToLive.Setting current = db.timeToLive().of(table.tableId());
    // What is asked is checked against what there is before the interval between changes.
    if (current.enabled() && !current.attributeName().equals(attribute)) {
      throw DynamoDbException.validation(
          "TimeToLive is active on a different AttributeName: current AttributeName is "
              + current.attributeName());
    }
    if (enable && current.enabled()) {
      throw DynamoDbException.validation("TimeToLive is already enabled");
    }
    if (!enable && !current.enabled()) {
      throw DynamoDbException.validation("TimeToLive is already disabled");
    }
    if (current.changedAt() != null && now.isBefore(current.changedAt().plus(COOLDOWN))) {
      throw DynamoDbException.validation(
          "Time to live has been modified multiple times within a fixed interval");
    }
    Duration delay = db.config().transientStatusDelay();
    db.timeToLive()
        .set(
            table.tableId(),
            new TimeToLive.Setting(attribute, enable, now, delay.isZero() ? null : now.plus(delay)));
    return JsonBuilder.object()
        .put(
            "TimeToLiveSpecification",
            JsonBuilder.object().put("Enabled", enable).put("AttributeName", attribute).build())
        .build();
  }
}

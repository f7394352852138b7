package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DeleteLogGroup: the group, its streams and all their events. */
final class DeleteLogGroup implements LogsAction {
  private final LogStore logs;

  DeleteLogGroup(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    if (!logs.deleteGroup(context.region(), LogsAction.string(request, "logGroupName"))) {
      throw LogErrors.groupNotFound();
    }
    return JsonBuilder.object().build();
  }
}

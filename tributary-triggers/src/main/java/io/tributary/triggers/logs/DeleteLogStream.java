package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** DeleteLogStream: the stream and all its events. */
final class DeleteLogStream implements LogsAction {
  private final LogStore logs;

  DeleteLogStream(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String region = context.region();
    String group = LogsAction.string(request, "logGroupName");
    if (logs.group(logs.current(), region, group) == null) {
      throw LogErrors.groupNotFound();
    }
    if (!logs.deleteStream(region, group, LogsAction.string(request, "logStreamName"))) {
      throw LogErrors.streamNotFound();
    }
    return JsonBuilder.object().build();
  }
}

package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/** CreateLogStream: a new, empty stream in an existing group. */
final class CreateLogStream implements LogsAction {
  private final LogStore logs;

  CreateLogStream(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    LogStore.Created created =
        logs.createStream(
            context.region(),
            LogsAction.string(request, "logGroupName"),
            LogsAction.string(request, "logStreamName"));
    return switch (created) {
      case CREATED -> JsonBuilder.object().build();
      case EXISTS -> throw LogErrors.streamExists();
      case NO_GROUP -> throw LogErrors.groupNotFound();
    };
  }
}

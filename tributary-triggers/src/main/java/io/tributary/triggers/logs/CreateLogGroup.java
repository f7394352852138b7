package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/**
 * CreateLogGroup: a new, empty group in the request's region. Tags, a KMS key and the log group
 * class are accepted and not kept.
 */
final class CreateLogGroup implements LogsAction {
  private final LogStore logs;

  CreateLogGroup(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String name = LogsAction.string(request, "logGroupName");
    if (name.regionMatches(true, 0, "aws/", 0, 4)) {
      throw LogErrors.invalidParameter("Log groups starting with AWS/ are reserved for AWS.");
    }
    if (!logs.createGroup(context.region(), name)) {
      throw LogErrors.groupExists();
    }
    return JsonBuilder.object().build();
  }
}

package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.storage.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * DescribeLogGroups: the region's groups by name, those whose names start with {@code
 * logGroupNamePrefix} or contain {@code logGroupNamePattern} (case-sensitive), or those named in
 * {@code logGroupIdentifiers}, {@code limit} (at most 50) at a time. Every group is of class
 * STANDARD and has no metric filters.
 */
final class DescribeLogGroups implements LogsAction {
  static final int DEFAULT_LIMIT = 50;

  private final LogStore logs;
  private final String accountId;

  DescribeLogGroups(LogStore logs, String accountId) {
    this.logs = logs;
    this.accountId = accountId;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String prefix = LogsAction.string(request, "logGroupNamePrefix");
    String pattern = LogsAction.string(request, "logGroupNamePattern");
    if (prefix != null && pattern != null) {
      throw LogErrors.invalidParameter(
          "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
    }
    List<String> identifiers = LogsAction.strings(request, "logGroupIdentifiers");
    String groupClass = LogsAction.string(request, "logGroupClass");
    int limit = (int) LogsAction.number(request, "limit", DEFAULT_LIMIT);
    String token = LogsAction.string(request, "nextToken");
    String after = token == null ? null : PageToken.read(token);
    List<Json> page = new ArrayList<>();
    String last = null;
    boolean more = false;
    try (Snapshot view = logs.snapshot()) {
      for (LogGroup group : logs.groups(view, context.region(), prefix == null ? "" : prefix)) {
        if ((after != null && group.name().compareTo(after) <= 0)
            || (pattern != null && !group.name().contains(pattern))
            || (identifiers != null && !named(identifiers, group))
            || (groupClass != null && !groupClass.equals("STANDARD"))) {
          continue;
        }
        if (page.size() == limit) {
          more = true;
          break;
        }
        page.add(describe(view, group));
        last = group.name();
      }
    }
    return JsonBuilder.object()
        .put("logGroups", new Json.Arr(page))
        .put("nextToken", more ? PageToken.of(last) : null)
        .build();
  }

  private boolean named(List<String> identifiers, LogGroup group) {
    for (String identifier : identifiers) {
      if (identifier.equals(group.name())
          || identifier.equals(group.logGroupArn(accountId))
          || identifier.equals(group.arn(accountId))) {
        return true;
      }
    }
    return false;
  }

  private Json describe(Snapshot view, LogGroup group) {
    long storedBytes = 0;
    for (LogStream stream : logs.streams(view, group.region(), group.name(), "")) {
      storedBytes += stream.storedBytes();
    }
    return JsonBuilder.object()
        .put("logGroupName", group.name())
        .put("creationTime", group.creationTime())
        .put("metricFilterCount", 0)
        .put("arn", group.arn(accountId))
        .put("storedBytes", storedBytes)
        .put("logGroupClass", "STANDARD")
        .put("logGroupArn", group.logGroupArn(accountId))
        .build();
  }
}

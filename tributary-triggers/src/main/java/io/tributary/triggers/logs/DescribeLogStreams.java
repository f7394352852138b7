package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.storage.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeLogStreams: a group's streams ordered by name ({@code orderBy} LogStreamName, the
 * default, optionally only those starting with {@code logStreamNamePrefix}) or by the time of their
 * last event (LastEventTime; streams without events count as 0), {@code descending} or not, {@code
 * limit} (at most 50) at a time. A stream's event times appear once it has events; storedBytes is
 * 0, as the service reports it for streams since it deprecated the field.
 */
final class DescribeLogStreams implements LogsAction {
  static final int DEFAULT_LIMIT = 50;

  private final LogStore logs;
  private final String accountId;

  DescribeLogStreams(LogStore logs, String accountId) {
    this.logs = logs;
    this.accountId = accountId;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String group = LogsAction.groupName(request);
    String prefix = LogsAction.string(request, "logStreamNamePrefix");
    boolean byTime = "LastEventTime".equals(LogsAction.string(request, "orderBy"));
    if (byTime && prefix != null) {
      throw LogErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    boolean descending = LogsAction.flag(request, "descending");
    int limit = (int) LogsAction.number(request, "limit", DEFAULT_LIMIT);
    String token = LogsAction.string(request, "nextToken");
    String after = token == null ? null : PageToken.read(token);
    try (Snapshot view = logs.snapshot()) {
      LogGroup logGroup = logs.group(view, context.region(), group);
      if (logGroup == null) {
        throw LogErrors.groupNotFound();
      }
      List<LogStream> streams =
          new ArrayList<>(
              logs.streams(view, context.region(), group, prefix == null ? "" : prefix));
      Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
      streams.sort(Comparator.comparing(s -> sortKey(s, byTime), order));
      List<Json> page = new ArrayList<>();
      String last = null;
      boolean more = false;
      for (LogStream stream : streams) {
        String key = sortKey(stream, byTime);
        if (after != null && order.compare(key, after) <= 0) {
          continue;
        }
        if (page.size() == limit) {
          more = true;
          break;
        }
        page.add(describe(logGroup, stream));
        last = key;
      }
      return JsonBuilder.object()
          .put("logStreams", new Json.Arr(page))
          .put("nextToken", more ? PageToken.of(last) : null)
          .build();
    }
  }

  /**
   * What a stream sorts by: its name, or its last event's time (20 digits) then its name, so that
   * string order is the wanted order and a page token can hold it.
   */
  static String sortKey(LogStream stream, boolean byTime) {
    if (!byTime) {
      return stream.name();
    }
    String time = Long.toString(stream.hasEvents() ? stream.lastEventTimestamp() : 0);
    return "0".repeat(20 - time.length()) + time + stream.name();
  }

  private Json describe(LogGroup group, LogStream stream) {
    JsonBuilder out =
        JsonBuilder.object()
            .put("logStreamName", stream.name())
            .put("creationTime", stream.creationTime());
    if (stream.hasEvents()) {
      out.put("firstEventTimestamp", stream.firstEventTimestamp())
          .put("lastEventTimestamp", stream.lastEventTimestamp())
          .put("lastIngestionTime", stream.lastIngestionTime())
          .put("uploadSequenceToken", PutLogEvents.sequenceToken(stream.lastSequence()));
    }
    return out.put("arn", group.streamArn(accountId, stream.name())).put("storedBytes", 0).build();
  }
}

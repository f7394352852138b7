package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.storage.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetLogEvents: one stream's events from {@code startTime} (inclusive) to {@code endTime}
 * (exclusive), {@code limit} (at most 10,000) and at most 1 MB at a time: the first ones with
 * {@code startFromHead}, otherwise the last ones.
 *
 * <p>The tokens are positions: {@code f/<56 digits>} reads on after the position, {@code b/<56
 * digits>} reads back from before it. nextForwardToken is the last event returned, and when nothing
 * follows it yet, the request's own forward token comes back unchanged: clients that follow a
 * stream stop (or wait) when the token repeats. nextBackwardToken is the first event returned.
 */
final class GetLogEvents implements LogsAction {
  static final int DEFAULT_LIMIT = 10_000;
  static final long MAX_PAGE_BYTES = 1_048_576;

  private final LogStore logs;

  GetLogEvents(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String group = LogsAction.groupName(request);
    String stream = LogsAction.string(request, "logStreamName");
    long startTime = LogsAction.number(request, "startTime", 0);
    long endTime = LogsAction.number(request, "endTime", -1);
    int limit = (int) LogsAction.number(request, "limit", DEFAULT_LIMIT);
    String token = LogsAction.string(request, "nextToken");
    // The range of positions asked for: [low, high).
    EventPosition low = new EventPosition(startTime, 0);
    EventPosition high = endTime < 0 ? EventPosition.LAST : new EventPosition(endTime, 0);
    boolean forward;
    EventPosition mark; // forward: read after it; backward: read before it
    if (token == null) {
      forward = LogsAction.flag(request, "startFromHead");
      mark = forward ? low : high;
    } else {
      EventPosition position =
          token.length() > 2 && token.charAt(1) == '/'
              ? EventPosition.parse(token.substring(2))
              : null;
      if (position == null || (token.charAt(0) != 'f' && token.charAt(0) != 'b')) {
        throw LogErrors.invalidToken();
      }
      forward = token.charAt(0) == 'f';
      mark = position;
    }
    List<StoredEvent> events = new ArrayList<>();
    try (Snapshot view = logs.snapshot()) {
      if (logs.group(view, context.region(), group) == null) {
        throw LogErrors.groupNotFound();
      }
      if (logs.stream(view, context.region(), group, stream) == null) {
        throw LogErrors.streamNotFound();
      }
      EventPosition from = forward ? max(low, after(mark)) : low;
      EventPosition to = forward ? high : min(high, mark);
      long bytes = 0;
      try (EventScan scan =
          logs.events(view, context.region(), group, stream, from, to, !forward)) {
        for (StoredEvent event = scan.next();
            event != null && events.size() < limit;
            event = scan.next()) {
          bytes += event.message().getBytes(StandardCharsets.UTF_8).length;
          if (bytes > MAX_PAGE_BYTES && !events.isEmpty()) {
            break;
          }
          events.add(event);
        }
      }
    }
    if (!forward) {
      Collections.reverse(events);
    }
    EventPosition first = events.isEmpty() ? null : events.getFirst().position();
    EventPosition last = events.isEmpty() ? null : events.getLast().position();
    // An empty backward page means nothing lies in [low, mark): reading on from low then reads
    // what comes at or after mark, later events included.
    EventPosition nextForward = last != null ? last : forward ? mark : low;
    EventPosition nextBackward = first != null ? first : forward ? after(mark) : mark;
    List<Json> out = new ArrayList<>(events.size());
    for (StoredEvent event : events) {
      out.add(
          JsonBuilder.object()
              .put("timestamp", event.timestamp())
              .put("message", event.message())
              .put("ingestionTime", event.ingestionTime())
              .build());
    }
    return JsonBuilder.object()
        .put("events", new Json.Arr(out))
        .put("nextForwardToken", "f/" + nextForward.digits())
        .put("nextBackwardToken", "b/" + nextBackward.digits())
        .build();
  }

  /** The first position after {@code p}. */
  static EventPosition after(EventPosition p) {
    if (p.sequence() < Long.MAX_VALUE) {
      return new EventPosition(p.timestamp(), p.sequence() + 1);
    }
    return p.timestamp() < Long.MAX_VALUE ? new EventPosition(p.timestamp() + 1, 0) : p;
  }

  private static EventPosition max(EventPosition a, EventPosition b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static EventPosition min(EventPosition a, EventPosition b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.storage.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * FilterLogEvents: the events of a group's streams (all of them, those named in {@code
 * logStreamNames}, or those starting with {@code logStreamNamePrefix}) from {@code startTime} to
 * {@code endTime} (both inclusive) that match {@code filterPattern}, interleaved in time order
 * across streams, {@code limit} (at most 10,000) and at most 1 MB at a time. This is the only call
 * {@code aws logs tail} makes.
 *
 * <p>The streams are merged by position (timestamp, then the sequence numbers that are unique
 * across all logs), so the order is total and nextToken, the last event's position, says exactly
 * where the next page starts. nextToken is left out when no matching event follows, so paginators
 * stop. Every event carries its position's 56 digits as its eventId, stable across calls, which is
 * what {@code aws logs tail --follow} deduplicates on.
 */
final class FilterLogEvents implements LogsAction {
  static final int DEFAULT_LIMIT = 10_000;
  static final long MAX_PAGE_BYTES = 1_048_576;

  private final LogStore logs;

  FilterLogEvents(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    String region = context.region();
    String group = LogsAction.groupName(request);
    List<String> names = LogsAction.strings(request, "logStreamNames");
    String prefix = LogsAction.string(request, "logStreamNamePrefix");
    if (names != null && prefix != null) {
      throw LogErrors.invalidParameter(
          "Cannot specify both logStreamNames and logStreamNamePrefix.");
    }
    FilterPattern pattern = FilterPattern.parse(LogsAction.string(request, "filterPattern"));
    long startTime = LogsAction.number(request, "startTime", 0);
    long endTime = LogsAction.number(request, "endTime", -1);
    int limit = (int) LogsAction.number(request, "limit", DEFAULT_LIMIT);
    EventPosition from = new EventPosition(startTime, 0);
    String token = LogsAction.string(request, "nextToken");
    if (token != null) {
      EventPosition resume = EventPosition.parse(token);
      if (resume == null) {
        throw LogErrors.invalidToken();
      }
      EventPosition next = GetLogEvents.after(resume);
      from = next.compareTo(from) > 0 ? next : from;
    }
    EventPosition to =
        endTime < 0 || endTime == Long.MAX_VALUE
            ? EventPosition.LAST
            : new EventPosition(endTime + 1, 0);

    try (Snapshot view = logs.snapshot()) {
      if (logs.group(view, region, group) == null) {
        throw LogErrors.groupNotFound();
      }
      List<String> streams = new ArrayList<>();
      for (LogStream stream : logs.streams(view, region, group, prefix == null ? "" : prefix)) {
        if (names == null || names.contains(stream.name())) {
          streams.add(stream.name());
        }
      }
      Map<String, Boolean> searched = new LinkedHashMap<>();
      List<EventScan> scans = new ArrayList<>();
      PriorityQueue<Head> heads =
          new PriorityQueue<>(Comparator.comparing((Head h) -> h.event().position()));
      try {
        for (String stream : streams) {
          EventScan scan = logs.events(view, region, group, stream, from, to, false);
          scans.add(scan);
          searched.put(stream, false);
          StoredEvent first = scan.next();
          if (first == null) {
            searched.put(stream, true);
          } else {
            heads.add(new Head(first, scan));
          }
        }
        List<StoredEvent> page = new ArrayList<>();
        long bytes = 0;
        boolean more = false;
        while (!heads.isEmpty()) {
          Head head = heads.poll();
          StoredEvent event = head.event();
          if (pattern.matches(event.message())) {
            long size = event.message().getBytes(StandardCharsets.UTF_8).length;
            if (page.size() == limit || (bytes + size > MAX_PAGE_BYTES && !page.isEmpty())) {
              more = true;
              break;
            }
            page.add(event);
            bytes += size;
          }
          StoredEvent next = head.scan().next();
          if (next == null) {
            searched.put(event.stream(), true);
          } else {
            heads.add(new Head(next, head.scan()));
          }
        }
        return response(page, searched, more);
      } finally {
        for (EventScan scan : scans) {
          scan.close();
        }
      }
    }
  }

  /** The next event of one stream, waiting to be merged. */
  private record Head(StoredEvent event, EventScan scan) {}

  private static Json.Obj response(
      List<StoredEvent> page, Map<String, Boolean> searched, boolean more) {
    List<Json> events = new ArrayList<>(page.size());
    for (StoredEvent event : page) {
      events.add(
          JsonBuilder.object()
              .put("logStreamName", event.stream())
              .put("timestamp", event.timestamp())
              .put("message", event.message())
              .put("ingestionTime", event.ingestionTime())
              .put("eventId", event.eventId())
              .build());
    }
    List<Json> streams = new ArrayList<>(searched.size());
    searched.forEach(
        (name, completely) ->
            streams.add(
                JsonBuilder.object()
                    .put("logStreamName", name)
                    .put("searchedCompletely", completely)
                    .build()));
    return JsonBuilder.object()
        .put("events", new Json.Arr(events))
        .put("searchedLogStreams", new Json.Arr(streams))
        .put("nextToken", more ? page.getLast().position().digits() : null)
        .build();
  }
}

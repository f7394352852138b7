package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.logs.LogSink.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PutLogEvents: appends a batch to an existing stream, with CloudWatch Logs' rules: the events in
 * chronological order, spanning at most 24 hours, at most 1 MB counted as the messages' UTF-8 bytes
 * plus 26 per event. Events more than 2 hours in the future or more than 14 days in the past are
 * left out and reported in {@code rejectedLogEventsInfo}, as the service does. The sequence token
 * is not needed and not checked, as the service no longer checks it.
 */
final class PutLogEvents implements LogsAction {
  static final long MAX_BATCH_BYTES = 1_048_576;
  static final long EVENT_OVERHEAD_BYTES = 26;
  static final long MAX_SPAN_MILLIS = Duration.ofHours(24).toMillis();
  static final long MAX_AGE_MILLIS = Duration.ofDays(14).toMillis();
  static final long MAX_AHEAD_MILLIS = Duration.ofHours(2).toMillis();

  private final LogStore logs;

  PutLogEvents(LogStore logs) {
    this.logs = logs;
  }

  @Override
  public Json.Obj handle(Json.Obj request, RequestContext context) {
    List<LogEvent> events = new ArrayList<>();
    for (Json element : ((Json.Arr) request.get("logEvents")).elements()) {
      Json.Obj event = (Json.Obj) element;
      events.add(
          new LogEvent(
              LogsAction.number(event, "timestamp", 0), LogsAction.string(event, "message")));
    }
    long bytes = 0;
    for (int i = 0; i < events.size(); i++) {
      if (i > 0 && events.get(i).timestamp() < events.get(i - 1).timestamp()) {
        throw LogErrors.invalidParameter(
            "Log events in a single PutLogEvents request must be in chronological order.");
      }
      bytes +=
          events.get(i).message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
    }
    if (events.getLast().timestamp() - events.getFirst().timestamp() > MAX_SPAN_MILLIS) {
      throw LogErrors.invalidParameter(
          "The batch of log events in a single PutLogEvents request cannot span more than 24"
              + " hours.");
    }
    if (bytes > MAX_BATCH_BYTES) {
      throw LogErrors.invalidParameter(
          "Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
    }
    String region = context.region();
    String group = LogsAction.string(request, "logGroupName");
    String name = LogsAction.string(request, "logStreamName");
    long now = logs.clock().millis();
    int tooOld = 0;
    while (tooOld < events.size() && events.get(tooOld).timestamp() < now - MAX_AGE_MILLIS) {
      tooOld++;
    }
    int tooNew = events.size();
    while (tooNew > tooOld && events.get(tooNew - 1).timestamp() > now + MAX_AHEAD_MILLIS) {
      tooNew--;
    }
    long lastSequence;
    if (tooNew > tooOld) {
      lastSequence =
          logs.append(region, group, name, events.subList(tooOld, tooNew), false).sequence();
    } else {
      if (logs.group(logs.current(), region, group) == null) {
        throw LogErrors.groupNotFound();
      }
      LogStream stream = logs.stream(logs.current(), region, group, name);
      if (stream == null) {
        throw LogErrors.streamNotFound();
      }
      lastSequence = stream.lastSequence();
    }
    JsonBuilder rejected = JsonBuilder.object();
    if (tooNew < events.size()) {
      rejected.put("tooNewLogEventStartIndex", tooNew);
    }
    if (tooOld > 0) {
      rejected.put("tooOldLogEventEndIndex", tooOld);
    }
    Json.Obj rejections = rejected.build();
    return JsonBuilder.object()
        .put("nextSequenceToken", sequenceToken(lastSequence))
        .put("rejectedLogEventsInfo", rejections.members().isEmpty() ? null : rejections)
        .build();
  }

  /** The token DescribeLogStreams calls uploadSequenceToken: the last sequence, 56 digits. */
  static String sequenceToken(long lastSequence) {
    String digits = Long.toString(lastSequence);
    return "0".repeat(56 - digits.length()) + digits;
  }
}

package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event a function receives from a DynamoDB stream: {@code {"Records":[...]}}, each record as
 * GetRecords gives it plus {@code eventSourceARN}, with {@code userIdentity} spelled as Lambda
 * events spell it ({@code type}, {@code principalId}); with a tumbling window, the window, its
 * state and the shard too.
 */
final class LambdaEvents {
  private LambdaEvents() {}

  /** A tumbling window's part of the event. */
  record Window(long start, long end, Json state, String shardId, boolean isFinal) {}

  /** A stream record as the function receives it, which is also what filters look at. */
  static Json.Obj delivered(Json.Obj record, String streamArn) {
    Map<String, Json> members = new LinkedHashMap<>(record.members());
    members.put("eventSourceARN", new Json.Str(streamArn));
    if (record.get("userIdentity") instanceof Json.Obj identity) {
      members.put(
          "userIdentity",
          JsonBuilder.object()
              .put("type", identity.get("Type"))
              .put("principalId", identity.get("PrincipalId"))
              .build());
    }
    return new Json.Obj(members);
  }

  static byte[] of(List<Json.Obj> records, String streamArn, Window window) {
    List<Json> converted = new ArrayList<>();
    for (Json.Obj r : records) {
      converted.add(delivered(r, streamArn));
    }
    JsonBuilder event = JsonBuilder.object().put("Records", new Json.Arr(converted));
    if (window != null) {
      event
          .put(
              "window",
              JsonBuilder.object()
                  .put("start", Instant.ofEpochSecond(window.start()).toString())
                  .put("end", Instant.ofEpochSecond(window.end()).toString())
                  .build())
          .put("state", window.state() == null ? JsonBuilder.object().build() : window.state())
          .put("shardId", window.shardId())
          .put("eventSourceARN", streamArn)
          .put("isFinalInvokeForWindow", window.isFinal())
          .put("isWindowTerminatedEarly", false);
    }
    return JsonWriter.write(event.build());
  }
}

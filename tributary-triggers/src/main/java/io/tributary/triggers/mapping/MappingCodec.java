package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mappings as stored: a JSON document. Field names are written to disk: never rename them. */
final class MappingCodec {
  private MappingCodec() {}

  static byte[] encode(EventSourceMapping m) {
    return JsonWriter.write(
        JsonBuilder.object()
            .put("v", 1)
            .put("uuid", m.uuid())
            .put("region", m.region())
            .put("function", m.functionArn())
            .put("source", m.eventSourceArn())
            .put("batchSize", m.batchSize())
            .put("window", m.maximumBatchingWindowInSeconds())
            .put("startingPosition", m.startingPosition())
            .put("startSequence", m.startSequenceNumber())
            .put("parallelization", m.parallelizationFactor())
            .put("retries", m.maximumRetryAttempts())
            .put("maxAge", m.maximumRecordAgeInSeconds())
            .put("bisect", m.bisectBatchOnFunctionError())
            .put("tumbling", m.tumblingWindowInSeconds())
            .put("responseTypes", JsonBuilder.strings(m.functionResponseTypes()))
            .put("onFailure", m.onFailure())
            .put("filter", m.filterCriteria())
            .put("enabled", m.enabled())
            .put("modified", m.lastModified().toEpochMilli())
            .build());
  }

  static EventSourceMapping decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) JsonReader.parse(bytes);
    List<String> types = new ArrayList<>();
    for (Json t : ((Json.Arr) o.get("responseTypes")).elements()) {
      types.add(((Json.Str) t).value());
    }
    return new EventSourceMapping(
        text(o, "uuid"),
        text(o, "region"),
        text(o, "function"),
        text(o, "source"),
        integer(o, "batchSize"),
        integer(o, "window"),
        text(o, "startingPosition"),
        text(o, "startSequence"),
        integer(o, "parallelization"),
        integer(o, "retries"),
        integer(o, "maxAge"),
        ((Json.Bool) o.get("bisect")).value(),
        integer(o, "tumbling"),
        types,
        text(o, "onFailure"),
        o.get("filter"),
        ((Json.Bool) o.get("enabled")).value(),
        Instant.ofEpochMilli(Long.parseLong(((Json.Num) o.get("modified")).text())));
  }

  private static String text(Json.Obj o, String name) {
    return o.get(name) instanceof Json.Str s ? s.value() : null;
  }

  private static int integer(Json.Obj o, String name) {
    return Integer.parseInt(((Json.Num) o.get(name)).text());
  }
}

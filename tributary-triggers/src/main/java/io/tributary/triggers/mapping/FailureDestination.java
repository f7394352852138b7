package io.tributary.triggers.mapping;

import io.tributary.engine.Engine;
import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The on-failure destination of a mapping: a Tributary table (a documented extension; Lambda
 * sends to SQS, SNS or S3). Each discarded batch becomes one item holding Lambda's invocation
 * record for streams ({@code requestContext}, {@code responseContext}, {@code version},
 * {@code timestamp}, {@code DDBStreamBatchInfo}) and the records themselves ({@code Records}),
 * keyed by {@code <mapping uuid>/<shard id>/<first sequence number>} in the table's partition key
 * and the timestamp in its sort key, if it has one (both must be strings).
 */
public final class FailureDestination {
  private FailureDestination() {}

  /** Whether an ARN names a table this can write to. */
  public static boolean isTable(String arn) {
    return arn.matches("arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}");
  }

  static void send(
      Engine engine,
      Instant now,
      String accountId,
      EventSourceMapping m,
      String shardId,
      List<Json.Obj> records,
      String condition,
      int attempts,
      String functionError) {
    String table = m.onFailure().substring(m.onFailure().indexOf(":table/") + 7);
    RequestContext context =
        new RequestContext("mapping-" + UUID.randomUUID(), StreamReader.regionOf(m.onFailure()), accountId);
    Json.Obj described =
        (Json.Obj)
            engine
                .execute("DescribeTable", JsonBuilder.object().put("TableName", table).build(), context)
                .get("Table");
    String first = StreamReader.sequenceNumber(records.get(0));
    String last = StreamReader.sequenceNumber(records.get(records.size() - 1));
    String timestamp = now.toString();
    JsonBuilder item = JsonBuilder.object();
    for (Json k : ((Json.Arr) described.get("KeySchema")).elements()) {
      Json.Obj key = (Json.Obj) k;
      String name = StreamReader.text(key, "AttributeName");
      String value =
          "HASH".equals(StreamReader.text(key, "KeyType"))
              ? m.uuid() + "/" + shardId + "/" + first
              : timestamp;
      item.put(name, JsonBuilder.object().put("S", value).build());
    }
    Json record =
        JsonBuilder.object()
            .put(
                "requestContext",
                JsonBuilder.object()
                    .put("requestId", UUID.randomUUID().toString())
                    .put("functionArn", m.functionArn())
                    .put("condition", condition)
                    .put("approximateInvokeCount", attempts)
                    .build())
            .put(
                "responseContext",
                JsonBuilder.object()
                    .put("statusCode", 200)
                    .put("executedVersion", "$LATEST")
                    .put("functionError", functionError)
                    .build())
            .put("version", "1.0")
            .put("timestamp", timestamp)
            .put(
                "DDBStreamBatchInfo",
                JsonBuilder.object()
                    .put("shardId", shardId)
                    .put("startSequenceNumber", first)
                    .put("endSequenceNumber", last)
                    .put("approximateArrivalOfFirstRecord", Instant.ofEpochSecond(StreamReader.arrival(records.get(0))).toString())
                    .put("approximateArrivalOfLastRecord", Instant.ofEpochSecond(StreamReader.arrival(records.get(records.size() - 1))).toString())
                    .put("batchSize", records.size())
                    .put("streamArn", m.eventSourceArn())
                    .build())
            .build();
    for (Map.Entry<String, Json> e : ((Json.Obj) record).members().entrySet()) {
      item.put(e.getKey(), attribute(e.getValue()));
    }
    List<Json> list = new ArrayList<>();
    records.forEach(r -> list.add(attribute(r)));
    item.put("Records", JsonBuilder.object().put("L", new Json.Arr(list)).build());
    engine.execute(
        "PutItem", JsonBuilder.object().put("TableName", table).put("Item", item.build()).build(), context);
  }

  /** A JSON value as a DynamoDB attribute value: objects as M, arrays as L, scalars as S/N/BOOL/NULL. */
  static Json attribute(Json value) {
    return switch (value) {
      case Json.Obj o -> {
        JsonBuilder m = JsonBuilder.object();
        o.members().forEach((k, v) -> m.put(k, attribute(v)));
        yield JsonBuilder.object().put("M", m.build()).build();
      }
      case Json.Arr a ->
          JsonBuilder.object()
              .put("L", new Json.Arr(a.elements().stream().map(FailureDestination::attribute).toList()))
              .build();
      case Json.Str s -> JsonBuilder.object().put("S", s.value()).build();
      case Json.Num n -> JsonBuilder.object().put("N", n.text()).build();
      case Json.Bool b -> JsonBuilder.object().put("BOOL", b.value()).build();
      case Json.Null nul -> JsonBuilder.object().put("NULL", true).build();
      case Json.Raw raw -> attribute(io.tributary.model.json.JsonReader.parse(raw.text()));
    };
  }
}

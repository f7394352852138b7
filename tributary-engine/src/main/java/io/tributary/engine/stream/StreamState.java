package io.tributary.engine.stream;

import io.tributary.engine.table.KeySchema;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream and its shards. Changed only under {@link #lock}, which writers hold from numbering
 * their records until their batch is written, so records become visible in sequence order. Its
 * description is stored as a small JSON document; field names are written to disk: never rename
 * them.
 */
final class StreamState {
  final ReentrantLock lock = new ReentrantLock();

  final long streamId;
  final long tableId;
  final String region;
  final String tableName;
  final String arn;
  final String label;
  final String viewType;
  final Json keySchema;
  final Instant createdAt;
  volatile Instant disabledAt;
  volatile List<Shard> shards;
  /** The counter the next record gets. */
  long nextCounter;
  /** Every record numbered below this may have been trimmed. */
  volatile long trimCounter;

  StreamState(
      long streamId,
      long tableId,
      String region,
      String tableName,
      String arn,
      String label,
      String viewType,
      Json keySchema,
      Instant createdAt,
      Instant disabledAt,
      List<Shard> shards,
      long nextCounter,
      long trimCounter) {
    this.streamId = streamId;
    this.tableId = tableId;
    this.region = region;
    this.tableName = tableName;
    this.arn = arn;
    this.label = label;
    this.viewType = viewType;
    this.keySchema = keySchema;
    this.createdAt = createdAt;
    this.disabledAt = disabledAt;
    this.shards = List.copyOf(shards);
    this.nextCounter = nextCounter;
    this.trimCounter = trimCounter;
  }

  boolean enabled() {
    return disabledAt == null;
  }

  /** The KeySchema member of DescribeStream: the table's key schema. */
  static Json keySchemaJson(KeySchema schema) {
    List<Json> elements = new ArrayList<>();
    elements.add(
        JsonBuilder.object()
            .put("AttributeName", schema.partitionKey().name())
            .put("KeyType", "HASH")
            .build());
    if (schema.hasSortKey()) {
      elements.add(
          JsonBuilder.object()
              .put("AttributeName", schema.sortKey().name())
              .put("KeyType", "RANGE")
              .build());
    }
    return new Json.Arr(elements);
  }

  Shard shard(String shardId) {
    for (Shard s : shards) {
      if (s.shardId().equals(shardId)) {
        return s;
      }
    }
    return null;
  }

  void replace(Shard old, List<Shard> with) {
    List<Shard> next = new ArrayList<>();
    for (Shard s : shards) {
      if (s.ordinal() == old.ordinal()) {
        next.addAll(with);
      } else {
        next.add(s);
      }
    }
    shards = List.copyOf(next);
  }

  int nextOrdinal() {
    int max = -1;
    for (Shard s : shards) {
      max = Math.max(max, s.ordinal());
    }
    return max + 1;
  }

  byte[] encode() {
    List<Json> shardList = new ArrayList<>();
    for (Shard s : shards) {
      shardList.add(
          JsonBuilder.object()
              .put("ordinal", s.ordinal())
              .put("id", s.shardId())
              .put("parent", s.parentShardId())
              .put("from", s.hashFrom())
              .put("to", s.hashTo())
              .put("start", s.startCounter())
              .put("end", s.endCounter() == null ? null : new Json.Num(s.endCounter().toString()))
              .put("created", s.createdAt().toEpochMilli())
              .put("records", s.records())
              .build());
    }
    return JsonWriter.write(
        JsonBuilder.object()
            .put("v", 1)
            .put("id", streamId)
            .put("table", tableId)
            .put("region", region)
            .put("tableName", tableName)
            .put("arn", arn)
            .put("label", label)
            .put("view", viewType)
            .put("keySchema", keySchema)
            .put("created", createdAt.toEpochMilli())
            .put("disabled", disabledAt == null ? null : new Json.Num(Long.toString(disabledAt.toEpochMilli())))
            .put("next", nextCounter)
            .put("trim", trimCounter)
            .put("shards", new Json.Arr(shardList))
            .build());
  }

  static StreamState decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) JsonReader.parse(bytes);
    List<Shard> shards = new ArrayList<>();
    for (Json j : ((Json.Arr) o.get("shards")).elements()) {
      Json.Obj s = (Json.Obj) j;
      shards.add(
          new Shard(
              (int) number(s, "ordinal"),
              text(s, "id"),
              text(s, "parent"),
              number(s, "from"),
              number(s, "to"),
              number(s, "start"),
              s.get("end") instanceof Json.Num n ? Long.valueOf(n.text()) : null,
              Instant.ofEpochMilli(number(s, "created")),
              number(s, "records")));
    }
    return new StreamState(
        number(o, "id"),
        number(o, "table"),
        text(o, "region"),
        text(o, "tableName"),
        text(o, "arn"),
        text(o, "label"),
        text(o, "view"),
        o.get("keySchema"),
        Instant.ofEpochMilli(number(o, "created")),
        o.get("disabled") instanceof Json.Num n ? Instant.ofEpochMilli(Long.parseLong(n.text())) : null,
        shards,
        number(o, "next"),
        number(o, "trim"));
  }

  private static long number(Json.Obj o, String name) {
    return Long.parseLong(((Json.Num) o.get(name)).text());
  }

  private static String text(Json.Obj o, String name) {
    return o.get(name) instanceof Json.Str s ? s.value() : null;
  }
}

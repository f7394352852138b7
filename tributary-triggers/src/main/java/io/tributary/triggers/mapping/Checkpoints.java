package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.charset.StandardCharsets;

/**
 * Where one mapping is in each shard, stored under {@code esmcp/<uuid>/<shardId>}: the sequence
 * number of the last record done with (delivered, filtered out or sent to the on-failure
 * destination), whether the shard is finished, and a tumbling window's state.
 */
final class Checkpoints {
  /** One shard's position; {@code after} null means nothing done yet. */
  record Position(String after, boolean finished, Json windowState, long windowStart) {
    static final Position START = new Position(null, false, null, -1);
  }

  private final Store store;
  private final String uuid;

  Checkpoints(Store store, String uuid) {
    this.store = store;
    this.uuid = uuid;
  }

  Position of(String shardId) {
    byte[] v = store.get(Keyspace.TRIGGERS, key(uuid, shardId));
    if (v == null) {
      return Position.START;
    }
    Json.Obj o = (Json.Obj) JsonReader.parse(v);
    return new Position(
        o.get("after") instanceof Json.Str s ? s.value() : null,
        ((Json.Bool) o.get("finished")).value(),
        o.get("state"),
        o.get("windowStart") instanceof Json.Num n ? Long.parseLong(n.text()) : -1);
  }

  void save(String shardId, Position p) {
    store.write(
        new WriteBatch()
            .put(
                Keyspace.TRIGGERS,
                key(uuid, shardId),
                JsonWriter.write(
                    JsonBuilder.object()
                        .put("after", p.after())
                        .put("finished", p.finished())
                        .put("state", p.windowState())
                        .put("windowStart", p.windowStart())
                        .build())));
  }

  static void deleteAll(Store store, String uuid, WriteBatch batch) {
    byte[] from = ("esmcp/" + uuid + "/").getBytes(StandardCharsets.UTF_8);
    byte[] to = ("esmcp/" + uuid + "0").getBytes(StandardCharsets.UTF_8);
    try (EntryIterator it = store.scan(Keyspace.TRIGGERS, from, to, false)) {
      while (it.next()) {
        batch.delete(Keyspace.TRIGGERS, it.key());
      }
    }
  }

  private static byte[] key(String uuid, String shardId) {
    return ("esmcp/" + uuid + "/" + shardId).getBytes(StandardCharsets.UTF_8);
  }
}

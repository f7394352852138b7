package io.tributary.engine.table;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Each table's time-to-live setting, stored in the system keyspace under the table id (so it goes
 * when the table's id is purged).
 */
public final class TimeToLive {
  private static final byte[] PREFIX = "ttl/".getBytes(StandardCharsets.UTF_8);

  /** A table's setting: the attribute holding expiry times, and whether expiry is on. */
  public record Setting(String attributeName, boolean enabled) {
    public static final Setting DISABLED = new Setting(null, false);
  }

  private final Store store;

  public TimeToLive(Store store) {
    this.store = store;
  }

  public Setting of(long tableId) {
    byte[] stored = store.get(Keyspace.SYSTEM, key(tableId));
    if (stored == null) {
      return Setting.DISABLED;
    }
    Json.Obj o = (Json.Obj) JsonReader.parse(stored);
    return new Setting(((Json.Str) o.get("attribute")).value(), ((Json.Bool) o.get("enabled")).value());
  }

  public void set(long tableId, Setting setting) {
    store.write(
        new WriteBatch()
            .put(
                Keyspace.SYSTEM,
                key(tableId),
                JsonWriter.write(
                    JsonBuilder.object()
                        .put("attribute", setting.attributeName())
                        .put("enabled", setting.enabled())
                        .build())));
  }

  static byte[] key(long tableId) {
    return ByteBuffer.allocate(PREFIX.length + 8).put(PREFIX).putLong(tableId).array();
  }
}

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
import java.time.Instant;

/**
 * Each table's time-to-live setting, stored in the system keyspace under the table id (so it goes
 * when the table's id is purged).
 */
public final class TimeToLive {
  private static final byte[] PREFIX = "ttl/".getBytes(StandardCharsets.UTF_8);

  /**
   * A table's setting: the attribute holding expiry times, and whether expiry is on (or being
   * turned on).
   *
   * @param changedAt when UpdateTimeToLive last changed it; null if it never did
   * @param settlesAt until when it shows ENABLING or DISABLING; null for no such period
   */
  public record Setting(
      String attributeName, boolean enabled, Instant changedAt, Instant settlesAt) {
    public static final Setting DISABLED = new Setting(null, false, null, null);

    /** ENABLING, ENABLED, DISABLING or DISABLED, as DescribeTimeToLive shows it at {@code now}. */
    public String statusAt(Instant now) {
      boolean changing = settlesAt != null && now.isBefore(settlesAt);
      if (enabled) {
        return changing ? "ENABLING" : "ENABLED";
      }
      return changing ? "DISABLING" : "DISABLED";
    }

    /** Whether expired items are deleted at {@code now}: only once expiry is ENABLED. */
    public boolean expiringAt(Instant now) {
      return statusAt(now).equals("ENABLED");
    }
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
    // Settings written before the ENABLING/DISABLING period have no times.
    return new Setting(
        ((Json.Str) o.get("attribute")).value(),
        ((Json.Bool) o.get("enabled")).value(),
        instant(o.get("changed")),
        instant(o.get("settles")));
  }

  private static Instant instant(Json millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(((Json.Num) millis).text()));
  }

  private static Json millis(Instant instant) {
    return instant == null ? null : new Json.Num(Long.toString(instant.toEpochMilli()));
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
                        .put("changed", millis(setting.changedAt()))
                        .put("settles", millis(setting.settlesAt()))
                        .build())));
  }

  static byte[] key(long tableId) {
    return ByteBuffer.allocate(PREFIX.length + 8).put(PREFIX).putLong(tableId).array();
  }
}

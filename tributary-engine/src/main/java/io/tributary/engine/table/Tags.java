package io.tributary.engine.table;

import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tags of each table, stored apart from its definition in the system keyspace under the
 * table id (so they go when the table's id is purged), with DynamoDB's rules for keys and values.
 */
public final class Tags {
  /** DynamoDB's limit of tags per resource. */
  public static final int MAX_TAGS = 50;

  private static final byte[] PREFIX = "tags/".getBytes(StandardCharsets.UTF_8);
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private final Store store;

  public Tags(Store store) {
    this.store = store;
  }

  /** A table's tags, in the order they were first added. */
  public Map<String, String> of(long tableId) {
    byte[] stored = store.get(Keyspace.SYSTEM, key(tableId));
    Map<String, String> tags = new LinkedHashMap<>();
    if (stored != null) {
      ((Json.Obj) JsonReader.parse(stored))
          .members()
          .forEach((k, v) -> tags.put(k, ((Json.Str) v).value()));
    }
    return tags;
  }

  /**
   * Checks tags given in a request (Tags of CreateTable or TagResource) against DynamoDB's rules,
   * before anything is written.
   */
  public static Map<String, String> check(List<Json> given) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Json t : given) {
      Json.Obj tag = (Json.Obj) t;
      String key = tag.get("Key") instanceof Json.Str s ? s.value() : null;
      String value = tag.get("Value") instanceof Json.Str s ? s.value() : null;
      if (key == null || !ALLOWED.matcher(key).matches()) {
        throw DynamoDbException.validation("The Tag Key provided is invalid, Key: " + key);
      }
      if (key.startsWith("aws:")) {
        throw DynamoDbException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
      }
      if (value == null || !ALLOWED.matcher(value).matches()) {
        throw DynamoDbException.validation("The Tag Value provided is invalid, Value: " + value);
      }
      if (tags.put(key, value) != null) {
        throw DynamoDbException.validation(
            "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
      }
    }
    return tags;
  }

  /**
   * Adds the first tags of a table that is being created to {@code batch}, the batch that creates
   * it; the tags have been {@linkplain #check checked} and are at most {@link #MAX_TAGS}.
   */
  public void addToNew(long tableId, Map<String, String> tags, WriteBatch batch) {
    put(batch, tableId, tags);
  }

  /** Adds or replaces tags; more than {@link #MAX_TAGS} in all is refused and changes nothing. */
  public synchronized void add(long tableId, Map<String, String> added) {
    Map<String, String> tags = of(tableId);
    tags.putAll(added);
    if (tags.size() > MAX_TAGS) {
      throw DynamoDbException.validation(
          "Number of Tags exceed the current limit for the provided ResourceArn");
    }
    save(tableId, tags);
  }

  public synchronized void remove(long tableId, List<String> keys) {
    Map<String, String> tags = of(tableId);
    keys.forEach(tags::remove);
    save(tableId, tags);
  }

  /** The system-keyspace key of a table's tags. */
  static byte[] key(long tableId) {
    return ByteBuffer.allocate(PREFIX.length + 8).put(PREFIX).putLong(tableId).array();
  }

  /** The Tags member of ListTagsOfResource. */
  public static Json.Arr toJson(Map<String, String> tags) {
    List<Json> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(JsonBuilder.object().put("Key", k).put("Value", v).build()));
    return new Json.Arr(out);
  }

  private void save(long tableId, Map<String, String> tags) {
    WriteBatch batch = new WriteBatch();
    put(batch, tableId, tags);
    store.write(batch);
  }

  private static void put(WriteBatch batch, long tableId, Map<String, String> tags) {
    JsonBuilder b = JsonBuilder.object();
    tags.forEach(b::put);
    batch.put(Keyspace.SYSTEM, key(tableId), JsonWriter.write(b.build()));
  }
}

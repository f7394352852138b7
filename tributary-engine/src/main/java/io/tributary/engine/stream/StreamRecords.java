package io.tributary.engine.stream;

import io.tributary.engine.item.ChangeLog;
import io.tributary.engine.table.KeySchema;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.ItemSize;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stream records as GetRecords answers them (the shape a Lambda handler receives), and as they
 * are stored: a version byte, the creation time in epoch millis, then the record's JSON.
 */
final class StreamRecords {
  private StreamRecords() {}

  /** A stored record: when it was written, and its JSON. */
  record Stored(Instant createdAt, byte[] json) {}

  /** The record of one change; the images are those the stream's view type asks for. */
  static byte[] encode(StreamState stream, ChangeLog.Change change, long counter, Instant now) {
    KeySchema schema = change.table().keySchema();
    Map<String, AttributeValue> anyImage =
        change.newItem() != null ? change.newItem() : change.oldItem();
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put(schema.partitionKey().name(), anyImage.get(schema.partitionKey().name()));
    if (schema.hasSortKey()) {
      keys.put(schema.sortKey().name(), anyImage.get(schema.sortKey().name()));
    }
    boolean newImage = stream.viewType.equals("NEW_IMAGE") || stream.viewType.equals("NEW_AND_OLD_IMAGES");
    boolean oldImage = stream.viewType.equals("OLD_IMAGE") || stream.viewType.equals("NEW_AND_OLD_IMAGES");
    Map<String, AttributeValue> newOne = newImage ? change.newItem() : null;
    Map<String, AttributeValue> oldOne = oldImage ? change.oldItem() : null;
    long size = ItemSize.of(keys) + (newOne == null ? 0 : ItemSize.of(newOne))
        + (oldOne == null ? 0 : ItemSize.of(oldOne));
    String eventName =
        change.oldItem() == null ? "INSERT" : change.newItem() == null ? "REMOVE" : "MODIFY";
    JsonBuilder dynamodb =
        JsonBuilder.object()
            .put("ApproximateCreationDateTime", new Json.Num(now.getEpochSecond() + ".0"))
            .put("Keys", AttributeValues.mapToJson(keys))
            .put("NewImage", newOne == null ? null : AttributeValues.mapToJson(newOne))
            .put("OldImage", oldOne == null ? null : AttributeValues.mapToJson(oldOne))
            .put("SequenceNumber", SequenceNumbers.format(counter))
            .put("SizeBytes", size)
            .put("StreamViewType", stream.viewType);
    JsonBuilder record =
        JsonBuilder.object()
            .put("eventID", eventId(stream.streamId, counter))
            .put("eventName", eventName)
            .put("eventVersion", "1.1")
            .put("eventSource", "aws:dynamodb")
            .put("awsRegion", stream.region)
            .put("dynamodb", dynamodb.build());
    if (change.timeToLive()) {
      record.put(
          "userIdentity",
          JsonBuilder.object()
              .put("PrincipalId", "dynamodb.amazonaws.com")
              .put("Type", "Service")
              .build());
    }
    byte[] json = JsonWriter.write(record.build());
    return ByteBuffer.allocate(9 + json.length)
        .put((byte) 1)
        .putLong(now.toEpochMilli())
        .put(json)
        .array();
  }

  static Stored decode(byte[] value) {
    ByteBuffer b = ByteBuffer.wrap(value);
    b.get();
    Instant createdAt = Instant.ofEpochMilli(b.getLong());
    return new Stored(createdAt, Arrays.copyOfRange(value, 9, value.length));
  }

  static Json json(Stored stored) {
    return JsonReader.parse(stored.json());
  }

  /** 32 hex digits, unique per record and looking random, as DynamoDB's eventIDs do. */
  private static String eventId(long streamId, long counter) {
    return String.format("%016x%016x", mix(streamId * 31 + counter), mix(counter ^ (streamId << 32)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

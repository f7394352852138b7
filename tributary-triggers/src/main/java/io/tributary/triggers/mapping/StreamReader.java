package io.tributary.triggers.mapping;

import io.tributary.engine.Engine;
import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mapping's view of its stream, through the engine's own Streams API, as any consumer reads
 * it: the shards with their lineage, iterators, and pages of records.
 */
final class StreamReader {
  /** A shard as DescribeStream lists it. */
  record ShardInfo(String shardId, String parentShardId, String startingSequenceNumber, String endingSequenceNumber) {}

  /** One GetRecords answer: its records and the next iterator (null at a closed shard's end). */
  record Page(List<Json.Obj> records, String nextIterator) {}

  private final Engine engine;
  private final String streamArn;
  private final RequestContext context;

  StreamReader(Engine engine, String streamArn, String accountId) {
    this.engine = engine;
    this.streamArn = streamArn;
    this.context = new RequestContext("mapping-" + UUID.randomUUID(), regionOf(streamArn), accountId);
  }

  static String regionOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length > 3 ? parts[3] : "us-east-1";
  }

  /** Every shard of the stream, in shard id order (empty when the stream is gone). */
  List<ShardInfo> shards() {
    List<ShardInfo> out = new ArrayList<>();
    String after = null;
    do {
      JsonBuilder request = JsonBuilder.object().put("StreamArn", streamArn);
      if (after != null) {
        request.put("ExclusiveStartShardId", after);
      }
      Json.Obj description;
      try {
        description =
            (Json.Obj) engine.executeStreams("DescribeStream", request.build(), context).get("StreamDescription");
      } catch (DynamoDbException e) {
        if (e.type() == ErrorType.RESOURCE_NOT_FOUND) {
          return List.of();
        }
        throw e;
      }
      for (Json j : ((Json.Arr) description.get("Shards")).elements()) {
        Json.Obj s = (Json.Obj) j;
        Json.Obj range = (Json.Obj) s.get("SequenceNumberRange");
        out.add(
            new ShardInfo(
                text(s, "ShardId"),
                text(s, "ParentShardId"),
                text(range, "StartingSequenceNumber"),
                text(range, "EndingSequenceNumber")));
      }
      after = text(description, "LastEvaluatedShardId");
    } while (after != null);
    return out;
  }

  /** An iterator of {@code type} (with {@code sequenceNumber} for AT/AFTER_SEQUENCE_NUMBER). */
  String iterator(String shardId, String type, String sequenceNumber) {
    JsonBuilder request =
        JsonBuilder.object()
            .put("StreamArn", streamArn)
            .put("ShardId", shardId)
            .put("ShardIteratorType", type)
            .put("SequenceNumber", sequenceNumber);
    return text(engine.executeStreams("GetShardIterator", request.build(), context), "ShardIterator");
  }

  Page records(String iterator, int limit) {
    Json.Obj response =
        engine.executeStreams(
            "GetRecords",
            JsonBuilder.object().put("ShardIterator", iterator).put("Limit", limit).build(),
            context);
    List<Json.Obj> records = new ArrayList<>();
    for (Json r : ((Json.Arr) response.get("Records")).elements()) {
      records.add((Json.Obj) r);
    }
    return new Page(records, text(response, "NextShardIterator"));
  }

  static String sequenceNumber(Json.Obj record) {
    return text((Json.Obj) record.get("dynamodb"), "SequenceNumber");
  }

  /** The record's ApproximateCreationDateTime, in epoch seconds. */
  static long arrival(Json.Obj record) {
    String t = ((Json.Num) ((Json.Obj) record.get("dynamodb")).get("ApproximateCreationDateTime")).text();
    return new java.math.BigDecimal(t).longValue();
  }

  static int compare(String a, String b) {
    return new BigInteger(a).compareTo(new BigInteger(b));
  }

  static String text(Json.Obj o, String name) {
    return o != null && o.get(name) instanceof Json.Str s ? s.value() : null;
  }
}

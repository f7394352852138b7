package io.tributary.engine.stream;

import io.tributary.engine.RequestContext;
import io.tributary.engine.action.Action;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;

/**
 * GetShardIterator: where in a shard reading starts. TRIM_HORIZON is the oldest record kept,
 * LATEST just after the newest, AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER at or after a
 * record; the iterator always carries the first record number to read.
 */
final class GetShardIterator implements Action {
  private final StreamLog log;
  private final ShardIterators iterators;

  GetShardIterator(StreamLog log, ShardIterators iterators) {
    this.log = log;
    this.iterators = iterators;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    String type = ((Json.Str) body.get("ShardIteratorType")).value();
    String sequenceNumber =
        body.get("SequenceNumber") instanceof Json.Str n ? n.value() : null;
    boolean bySequence = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
    // DynamoDB refuses both mistakes with a ValidationException; its texts are unconfirmed.
    if (bySequence && sequenceNumber == null) {
      throw DynamoDbException.validation(
          "Invalid Request: SequenceNumber is required for ShardIteratorType " + type);
    }
    if (!bySequence && sequenceNumber != null) {
      throw DynamoDbException.validation(
          "Invalid Request: SequenceNumber must not be specified for ShardIteratorType " + type);
    }
    StreamState s = Streams.find(log, ((Json.Str) body.get("StreamArn")).value());
    Shard shard = Streams.shard(s, ((Json.Str) body.get("ShardId")).value());
    long first =
        switch (type) {
          case "TRIM_HORIZON" -> Math.max(shard.startCounter(), s.trimCounter);
          case "LATEST" -> shard.open() ? log.lastNumbered(s) + 1 : shard.endCounter() + 1;
          default -> {
            long n = SequenceNumbers.parse(sequenceNumber);
            if (n < s.trimCounter) {
              throw Streams.trimmed();
            }
            if (n < shard.startCounter() || (!shard.open() && n > shard.endCounter())) {
              throw DynamoDbException.validation(
                  "Invalid SequenceNumber: " + sequenceNumber + " is not in shard " + shard.shardId());
            }
            yield type.equals("AT_SEQUENCE_NUMBER") ? n : n + 1;
          }
        };
    return JsonBuilder.object().put("ShardIterator", iterators.startingAt(s, shard, first)).build();
  }
}

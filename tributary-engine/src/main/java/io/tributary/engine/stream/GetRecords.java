package io.tributary.engine.stream;

import io.tributary.engine.RequestContext;
import io.tributary.engine.action.Action;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * GetRecords: up to Limit (1000) records or about 1 MB from where the iterator points, and the
 * iterator for the next call; none at the end of a closed shard, which tells the reader to go on
 * with the shard's children.
 */
final class GetRecords implements Action {
  static final int MAX_RECORDS = 1000;
  static final long MAX_BYTES = 1024 * 1024;

  private final StreamLog log;
  private final ShardIterators iterators;

  GetRecords(StreamLog log, ShardIterators iterators) {
    this.log = log;
    this.iterators = iterators;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    ShardIterators.Position position =
        iterators.decode(((Json.Str) body.get("ShardIterator")).value());
    int limit =
        body.get("Limit") instanceof Json.Num n
            ? Math.min(MAX_RECORDS, Integer.parseInt(n.text()))
            : MAX_RECORDS;
    StreamState s = Streams.find(log, position.streamArn());
    Shard shard = s.shard(position.shardId());
    long first = SequenceNumbers.parse(position.sequenceNumber()) + (position.inclusive() ? 0 : 1);
    if (shard == null || first < s.trimCounter) {
      // The shard, or the part of it the iterator points at, has expired.
      throw Streams.trimmed();
    }
    long[] last = new long[1];
    List<StreamRecords.Stored> stored = log.read(s, shard, first, limit, MAX_BYTES, last);
    List<Json> records = new ArrayList<>(stored.size());
    for (StreamRecords.Stored r : stored) {
      records.add(StreamRecords.json(r));
    }
    boolean exhausted = stored.size() < limit && stored.stream().mapToLong(r -> r.json().length).sum() < MAX_BYTES;
    JsonBuilder response = JsonBuilder.object().put("Records", new Json.Arr(records));
    if (!(exhausted && !shard.open())) {
      response.put("NextShardIterator", iterators.startingAt(s, shard, last[0] + 1));
    }
    return response.build();
  }
}

package io.tributary.engine.stream;

import io.tributary.engine.RequestContext;
import io.tributary.engine.action.Action;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DescribeStream: the stream and its shards in shard id order, a page of Limit (at most 100)
 * after ExclusiveStartShardId, or only the children of one shard with ShardFilter CHILD_SHARDS.
 */
final class DescribeStream implements Action {
  private final StreamLog log;

  DescribeStream(StreamLog log) {
    this.log = log;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    StreamState s = Streams.find(log, ((Json.Str) body.get("StreamArn")).value());
    int limit = body.get("Limit") instanceof Json.Num n ? Math.min(100, Integer.parseInt(n.text())) : 100;
    String after = body.get("ExclusiveStartShardId") instanceof Json.Str id ? id.value() : null;
    String parent = null;
    if (body.get("ShardFilter") instanceof Json.Obj filter
        && filter.get("ShardId") instanceof Json.Str id) {
      parent = id.value();
    }
    List<Shard> shards = new ArrayList<>(s.shards);
    shards.sort(Comparator.comparing(Shard::shardId));
    if (parent != null) {
      String p = parent;
      shards.removeIf(sh -> !p.equals(sh.parentShardId()));
    }
    int start = 0;
    if (after != null) {
      // An unknown ExclusiveStartShardId gives no shards, as DynamoDB answers.
      start = shards.size();
      for (int i = 0; i < shards.size(); i++) {
        if (shards.get(i).shardId().equals(after)) {
          start = i + 1;
        }
      }
    }
    List<Json> page = new ArrayList<>();
    int i = start;
    for (; i < shards.size() && page.size() < limit; i++) {
      page.add(shard(shards.get(i)));
    }
    JsonBuilder description =
        JsonBuilder.object()
            .put("StreamArn", s.arn)
            .put("StreamLabel", s.label)
            .put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED")
            .put("StreamViewType", s.viewType)
            .put(
                "CreationRequestDateTime",
                new Json.Num(
                    java.math.BigDecimal.valueOf(s.createdAt.toEpochMilli(), 3).toPlainString()))
            .put("TableName", s.tableName)
            .put("KeySchema", s.keySchema)
            .put("Shards", new Json.Arr(page))
            .put("LastEvaluatedShardId", i < shards.size() ? shards.get(i - 1).shardId() : null);
    return JsonBuilder.object().put("StreamDescription", description.build()).build();
  }

  private static Json shard(Shard shard) {
    JsonBuilder range =
        JsonBuilder.object()
            .put("StartingSequenceNumber", SequenceNumbers.format(shard.startCounter()));
    if (!shard.open()) {
      range.put("EndingSequenceNumber", SequenceNumbers.format(shard.endCounter()));
    }
    return JsonBuilder.object()
        .put("ShardId", shard.shardId())
        .put("SequenceNumberRange", range.build())
        .put("ParentShardId", shard.parentShardId())
        .build();
  }
}

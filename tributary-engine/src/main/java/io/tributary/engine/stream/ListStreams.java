package io.tributary.engine.stream;

import io.tributary.engine.RequestContext;
import io.tributary.engine.action.Action;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * ListStreams: the region's readable streams (enabled, and disabled ones until their records
 * expire), of one table when TableName is given, a page of Limit (at most 100) at a time.
 */
final class ListStreams implements Action {
  private final StreamLog log;

  ListStreams(StreamLog log) {
    this.log = log;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    String tableName = body.get("TableName") instanceof Json.Str s ? s.value() : null;
    int limit = body.get("Limit") instanceof Json.Num n ? Math.min(100, Integer.parseInt(n.text())) : 100;
    String after = body.get("ExclusiveStartStreamArn") instanceof Json.Str s ? s.value() : null;
    if (after != null) {
      Streams.find(log, after);
    }
    List<StreamState> all = log.list(context.region(), tableName);
    int start = 0;
    if (after != null) {
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).arn.equals(after)) {
          start = i + 1;
        }
      }
    }
    List<Json> page = new ArrayList<>();
    int i = start;
    for (; i < all.size() && page.size() < limit; i++) {
      StreamState s = all.get(i);
      page.add(
          JsonBuilder.object()
              .put("StreamArn", s.arn)
              .put("TableName", s.tableName)
              .put("StreamLabel", s.label)
              .build());
    }
    return JsonBuilder.object()
        .put("Streams", new Json.Arr(page))
        .put("LastEvaluatedStreamArn", i < all.size() ? all.get(i - 1).arn : null)
        .build();
  }
}

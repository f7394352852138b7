package io.tributary.engine.stream;

import io.tributary.engine.Database;
import io.tributary.engine.action.Action;
import java.util.Map;

/**
 * The one list of DynamoDB Streams actions (X-Amz-Target prefix "DynamoDBStreams_20120810."),
 * keyed by their wire names, as {@link io.tributary.engine.action.Actions} is for DynamoDB's.
 */
public final class StreamActions {
  private StreamActions() {}

  public static Map<String, Action> all(Database db) {
    StreamLog log = db.streams();
    return Map.of(
        "ListStreams", new ListStreams(log),
        "DescribeStream", new DescribeStream(log),
        "GetShardIterator", new GetShardIterator(log, log.iterators()),
        "GetRecords", new GetRecords(log, log.iterators()));
  }
}

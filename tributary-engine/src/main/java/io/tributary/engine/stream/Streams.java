package io.tributary.engine.stream;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.util.regex.Pattern;

/** Finding the stream and shard a Streams API request names, with DynamoDB's errors. */
final class Streams {
  private static final Pattern ARN =
      Pattern.compile("arn:aws[^:]*:dynamodb:[-a-z0-9]+:[0-9]{12}:table/[^/]+/stream/.+");

  static final String TRIMMED = "The data you are trying to access has been trimmed";

  private Streams() {}

  /** The readable stream with this ARN. */
  static StreamState find(StreamLog log, String arn) {
    if (!ARN.matcher(arn).matches()) {
      // DynamoDB's text is known to contain "Invalid StreamArn"; the rest is unconfirmed.
      throw DynamoDbException.validation("Invalid StreamArn");
    }
    StreamState s = log.find(arn);
    if (s == null) {
      throw DynamoDbException.resourceNotFound(
          "Requested resource not found: Stream: " + arn + " not found");
    }
    return s;
  }

  /** The shard with this id, as it is now. */
  static Shard shard(StreamState s, String shardId) {
    Shard shard = s.shard(shardId);
    if (shard == null) {
      throw DynamoDbException.resourceNotFound("Requested resource not found: Shard does not exist");
    }
    return shard;
  }

  static DynamoDbException trimmed() {
    return DynamoDbException.of(ErrorType.TRIMMED_DATA_ACCESS, TRIMMED);
  }
}

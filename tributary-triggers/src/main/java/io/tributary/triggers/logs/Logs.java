package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import java.time.Clock;

/** The log groups and the CloudWatch Logs API over them. (Being written: issue 8.) */
public final class Logs {
  public Logs(Store store, Clock clock, String accountId) {}

  public LogSink sink() {
    return (region, group, stream, events) -> {};
  }

  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
  }
}

package io.tributary.triggers.logs;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import java.time.Clock;

/**
 * The log groups and the CloudWatch Logs API over them: what functions print comes in through
 * {@link #sink()}. (The API is being written: issue 8.) Thread-safe.
 */
public final class Logs {
  private final LogStore store;

  public Logs(Store store, Clock clock, String accountId) {
    this.store = new LogStore(store, clock);
  }

  /**
   * Where function runtimes write: each call appends its events to the stream in one atomic
   * batch, creating the group and the stream on first use. Calls for different streams run in
   * parallel; calls for one stream are applied one after the other.
   */
  public LogSink sink() {
    return (region, group, stream, events) -> {
      if (!events.isEmpty()) {
        store.append(region, group, stream, events, true);
      }
    };
  }

  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
  }
}

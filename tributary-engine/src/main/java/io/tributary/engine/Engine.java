package io.tributary.engine;

import io.tributary.engine.action.Action;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import java.util.Map;

/** The database behind the wire protocol: runs DynamoDB actions against a store. */
public final class Engine implements AutoCloseable {
  private final Store store;
  private final Map<String, Action> actions;

  private Engine(Store store, EngineConfig config) {
    this.store = store;
    this.actions = Map.of();
  }

  /** Opens the engine over a store it then owns (and closes). */
  public static Engine open(Store store, EngineConfig config) {
    return new Engine(store, config);
  }

  /**
   * Runs the action {@code operation} (the part of X-Amz-Target after "DynamoDB_20120810.").
   *
   * @throws DynamoDbException with DynamoDB's error for anything the request got wrong, including
   *     UnknownOperationException for an action that does not exist
   */
  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    Action action = actions.get(operation);
    if (action == null) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    return action.handle(request, context);
  }

  @Override
  public void close() {
    store.close();
  }
}

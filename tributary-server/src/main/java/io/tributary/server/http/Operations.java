package io.tributary.server.http;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;

/**
 * What the HTTP layer calls to run the actions of one service: {@code Engine::execute} for
 * DynamoDB's, {@code Engine::executeStreams} for DynamoDB Streams', or in tests something that
 * fails on purpose.
 */
@FunctionalInterface
public interface Operations {

  /** A service with no actions: every operation is unknown. */
  Operations NONE =
      (operation, request, context) -> {
        throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
      };

  /**
   * Runs {@code operation} (the action's wire name, such as "PutItem").
   *
   * @throws io.tributary.model.DynamoDbException for anything the request got wrong
   */
  Json.Obj execute(String operation, Json.Obj request, RequestContext context);
}

package io.tributary.server.http;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import java.util.function.Predicate;

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

  /**
   * Whether running {@code operation} never waits (no disk, no sleep, no other request), so that
   * the event loop that read the request may run it itself rather than hand it to a worker and
   * wait to be handed the answer back. False unless a service says otherwise.
   */
  default boolean neverWaits(String operation) {
    return false;
  }

  /** {@code execute}'s actions, of which those {@code neverWaits} accepts never wait. */
  static Operations of(Operations execute, Predicate<String> neverWaits) {
    return new Operations() {
      @Override
      public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
        return execute.execute(operation, request, context);
      }

      @Override
      public boolean neverWaits(String operation) {
        return neverWaits.test(operation);
      }
    };
  }
}

package io.tributary.server.http;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;

/**
 * What the HTTP layer calls to run an action: {@code Engine::execute}, or in tests something that
 * fails on purpose.
 */
@FunctionalInterface
public interface Operations {

  /**
   * Runs {@code operation} (the action's wire name, such as "PutItem").
   *
   * @throws io.tributary.model.DynamoDbException for anything the request got wrong
   */
  Json.Obj execute(String operation, Json.Obj request, RequestContext context);
}

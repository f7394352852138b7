package io.tributary.engine.action;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;

/**
 * One DynamoDB API action. The request has already been checked against the action's input
 * shape; the action checks the rest, does the work, and returns the response body. Errors are
 * thrown as {@link io.tributary.model.DynamoDbException}.
 */
public interface Action {
  Json.Obj handle(Json.Obj request, RequestContext context);
}

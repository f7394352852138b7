package io.tributary.triggers.action;

import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** DeleteFunction: gone, with its warm environments; answered 204 as Lambda does. */
final class DeleteFunction implements LambdaAction {
  private final Functions functions;

  DeleteFunction(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    functions.delete(functions.get(request.region(), name));
    return RestResponse.empty(204);
  }
}

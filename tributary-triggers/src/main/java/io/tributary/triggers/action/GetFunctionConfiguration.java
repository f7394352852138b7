package io.tributary.triggers.action;

import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** GetFunctionConfiguration: the function's configuration alone. */
final class GetFunctionConfiguration implements LambdaAction {
  private final Functions functions;

  GetFunctionConfiguration(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    return RestResponse.json(200, FunctionConfigurations.of(functions.get(request.region(), name)));
  }
}

package io.tributary.triggers.action;

import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.UUID;

/** UpdateFunctionCode: a new zip; warm environments of the old code stop. */
final class UpdateFunctionCode implements LambdaAction {
  private final Functions functions;

  UpdateFunctionCode(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    Bodies body = Bodies.of(request.body());
    FunctionDefinition f = functions.get(request.region(), name);
    FunctionRequests.checkRevision(body, f);
    byte[] zip = FunctionRequests.zip(body);
    FunctionDefinition updated =
        f.withCode(
            FunctionRequests.sha256(zip), zip.length, functions.now(), UUID.randomUUID().toString());
    functions.update(updated, zip);
    return RestResponse.json(200, FunctionConfigurations.of(updated));
  }
}

package io.tributary.triggers.action;

import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.UUID;

/**
 * UpdateFunctionConfiguration: runtime, handler, role, description, timeout, memory, environment;
 * what is not given stays.
 */
final class UpdateFunctionConfiguration implements LambdaAction {
  private final Functions functions;

  UpdateFunctionConfiguration(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    Bodies body = Bodies.of(request.body());
    FunctionDefinition f = functions.get(request.region(), name);
    FunctionRequests.checkRevision(body, f);
    String role = body.has("Role") ? body.string("Role") : f.role();
    FunctionRequests.checkRole(role);
    String runtime = body.has("Runtime") ? body.string("Runtime") : f.runtime();
    FunctionRequests.checkRuntime(runtime);
    FunctionDefinition updated =
        f.withConfiguration(
            runtime,
            body.has("Handler") ? body.string("Handler") : f.handler(),
            role,
            body.has("Description") ? body.string("Description") : f.description(),
            FunctionRequests.timeout(body, f.timeoutSeconds()),
            FunctionRequests.memorySize(body, f.memorySize()),
            FunctionRequests.environment(body, f.environment()),
            functions.now(),
            UUID.randomUUID().toString());
    functions.update(updated, null);
    return RestResponse.json(200, FunctionConfigurations.of(updated));
  }
}

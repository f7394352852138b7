package io.tributary.triggers.action;

import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.FunctionNames;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.Map;
import java.util.UUID;

/** CreateFunction: a function from a zip (Code.ZipFile), answered 201 with State Pending. */
final class CreateFunction implements LambdaAction {
  private final Functions functions;

  CreateFunction(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String ignored) {
    Bodies body = Bodies.of(request.body());
    String nameOrArn = body.string("FunctionName");
    if (nameOrArn == null) {
      throw LambdaException.validation(
          "1 validation error detected: Value null at 'functionName' failed to satisfy"
              + " constraint: Member must not be null");
    }
    FunctionNames.Ref ref = FunctionNames.parse(nameOrArn, request.region());
    FunctionRequests.checkRole(body.string("Role"));
    String runtime = body.string("Runtime");
    String handler = body.string("Handler");
    if (runtime == null || handler == null) {
      throw LambdaException.invalidParameter(
          "Runtime and Handler are mandatory parameters for functions created with deployment"
              + " packages.");
    }
    FunctionRequests.checkRuntime(runtime);
    int timeout = FunctionRequests.timeout(body, 3);
    int memory = FunctionRequests.memorySize(body, 128);
    Map<String, String> environment = FunctionRequests.environment(body, Map.of());
    byte[] zip = FunctionRequests.zip(body.object("Code"));
    FunctionDefinition f =
        new FunctionDefinition(
            ref.region(),
            ref.name(),
            functions.arn(ref.region(), ref.name()),
            runtime,
            handler,
            body.string("Role"),
            body.has("Description") ? body.string("Description") : "",
            timeout,
            memory,
            environment,
            FunctionRequests.sha256(zip),
            zip.length,
            functions.now(),
            UUID.randomUUID().toString());
    if (!functions.create(f, zip)) {
      throw LambdaException.conflict("Function already exist: " + ref.name());
    }
    return RestResponse.json(201, FunctionConfigurations.created(f));
  }
}

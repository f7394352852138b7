package io.tributary.triggers.action;

import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** GetFunction: the configuration, and where the code is (Tributary serves no download yet). */
final class GetFunction implements LambdaAction {
  private final Functions functions;

  GetFunction(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String name) {
    FunctionDefinition f = functions.get(request.region(), name);
    return RestResponse.json(
        200,
        JsonBuilder.object()
            .put("Configuration", FunctionConfigurations.of(f))
            .put(
                "Code",
                JsonBuilder.object()
                    .put("RepositoryType", "S3")
                    .put("Location", String.valueOf(functions.endpoint()) + "/2015-03-31/functions/" + f.name() + "/code")
                    .build())
            .build());
  }
}

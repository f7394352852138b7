package io.tributary.engine.action;

import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.List;

/**
 * DescribeEndpoints: where to send DynamoDB requests, for clients with endpoint discovery. DynamoDB
 * names the regional address the request reached ({@code dynamodb.<region>.amazonaws.com}); this
 * server names the address the request reached too, its Host header, so that such clients keep
 * talking to it rather than to AWS. Clients cache the answer for a day, as DynamoDB tells them to.
 */
final class DescribeEndpoints implements Action {
  static final long CACHE_PERIOD_IN_MINUTES = 1440;

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    String address =
        context.host() == null || context.host().isBlank()
            ? "dynamodb." + context.region() + ".amazonaws.com"
            : context.host();
    return JsonBuilder.object()
        .put(
            "Endpoints",
            JsonBuilder.array(
                List.of(
                    JsonBuilder.object()
                        .put("Address", address)
                        .put("CachePeriodInMinutes", CACHE_PERIOD_IN_MINUTES)
                        .build())))
        .build();
  }
}

package io.tributary.triggers.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.ArrayList;
import java.util.List;

/** ListFunctions: the region's functions by name, MaxItems (up to 50) at a time after Marker. */
final class ListFunctions implements LambdaAction {
  private final Functions functions;

  ListFunctions(Functions functions) {
    this.functions = functions;
  }

  @Override
  public RestResponse handle(RestRequest request, String ignored) {
    int max = Pages.maxItems(request.query("MaxItems"), 50);
    List<FunctionDefinition> all = functions.list(request.region());
    int start = Pages.start(request.query("Marker"), all.stream().map(FunctionDefinition::name).toList());
    List<Json> page = new ArrayList<>();
    int i = start;
    for (; i < all.size() && page.size() < max; i++) {
      page.add(FunctionConfigurations.of(all.get(i)));
    }
    return RestResponse.json(
        200,
        JsonBuilder.object()
            .put("Functions", new Json.Arr(page))
            .put("NextMarker", i < all.size() ? all.get(i - 1).name() : null)
            .build());
  }
}

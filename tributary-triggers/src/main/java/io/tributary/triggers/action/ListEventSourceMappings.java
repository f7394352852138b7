package io.tributary.triggers.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.ArrayList;
import java.util.List;

/** ListEventSourceMappings: of a source and/or a function, MaxItems (up to 100) after Marker. */
final class ListEventSourceMappings implements LambdaAction {
  private final Mappings mappings;

  ListEventSourceMappings(Mappings mappings) {
    this.mappings = mappings;
  }

  @Override
  public RestResponse handle(RestRequest request, String ignored) {
    String function = request.query("FunctionName");
    String functionArn = null;
    if (function != null) {
      FunctionDefinition f = mappings.functions().find(request.region(), function);
      functionArn = f == null ? mappings.functions().arn(request.region(), function) : f.arn();
    }
    int max = Pages.maxItems(request.query("MaxItems"), 100);
    List<EventSourceMapping> all =
        mappings.list(request.region(), request.query("EventSourceArn"), functionArn);
    int start = Pages.start(request.query("Marker"), all.stream().map(EventSourceMapping::uuid).toList());
    List<Json> page = new ArrayList<>();
    int i = start;
    for (; i < all.size() && page.size() < max; i++) {
      EventSourceMapping m = all.get(i);
      page.add(MappingConfigurations.of(m, mappings, mappings.state(m)));
    }
    return RestResponse.json(
        200,
        JsonBuilder.object()
            .put("EventSourceMappings", new Json.Arr(page))
            .put("NextMarker", i < all.size() ? all.get(i - 1).uuid() : null)
            .build());
  }
}

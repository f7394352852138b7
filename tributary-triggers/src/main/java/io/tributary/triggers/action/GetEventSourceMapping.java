package io.tributary.triggers.action;

import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** GetEventSourceMapping: the mapping with its State and LastProcessingResult now. */
final class GetEventSourceMapping implements LambdaAction {
  private final Mappings mappings;

  GetEventSourceMapping(Mappings mappings) {
    this.mappings = mappings;
  }

  static EventSourceMapping find(Mappings mappings, String uuid) {
    EventSourceMapping m = mappings.get(uuid);
    if (m == null) {
      throw LambdaException.resourceNotFound("The resource you requested does not exist.");
    }
    return m;
  }

  @Override
  public RestResponse handle(RestRequest request, String uuid) {
    EventSourceMapping m = find(mappings, uuid);
    return RestResponse.json(200, MappingConfigurations.of(m, mappings, mappings.state(m)));
  }
}

package io.tributary.triggers.action;

import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/** DeleteEventSourceMapping: stops its poller and forgets it; answered 202 with State Deleting. */
final class DeleteEventSourceMapping implements LambdaAction {
  private final Mappings mappings;

  DeleteEventSourceMapping(Mappings mappings) {
    this.mappings = mappings;
  }

  @Override
  public RestResponse handle(RestRequest request, String uuid) {
    EventSourceMapping m = GetEventSourceMapping.find(mappings, uuid);
    mappings.delete(m);
    return RestResponse.json(202, MappingConfigurations.of(m, mappings, "Deleting"));
  }
}

package io.tributary.triggers.action;

import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/**
 * UpdateEventSourceMapping: any option but the source and the starting position; the poller
 * restarts from the mapping's checkpoints. Answered 202 with State Updating.
 */
final class UpdateEventSourceMapping implements LambdaAction {
  private final Mappings mappings;

  UpdateEventSourceMapping(Mappings mappings) {
    this.mappings = mappings;
  }

  @Override
  public RestResponse handle(RestRequest request, String uuid) {
    EventSourceMapping m = GetEventSourceMapping.find(mappings, uuid);
    Bodies body = Bodies.of(request.body());
    EventSourceMapping base = m;
    if (body.has("FunctionName")) {
      String arn = mappings.functions().get(request.region(), body.string("FunctionName")).arn();
      base =
          new EventSourceMapping(
              m.uuid(), m.region(), arn, m.eventSourceArn(), m.batchSize(),
              m.maximumBatchingWindowInSeconds(), m.startingPosition(), m.startSequenceNumber(),
              m.parallelizationFactor(), m.maximumRetryAttempts(), m.maximumRecordAgeInSeconds(),
              m.bisectBatchOnFunctionError(), m.tumblingWindowInSeconds(),
              m.functionResponseTypes(), m.onFailure(), m.filterCriteria(), m.enabled(),
              m.lastModified());
    }
    EventSourceMapping updated = MappingRequests.apply(body, base, mappings);
    mappings.save(updated);
    return RestResponse.json(202, MappingConfigurations.of(updated, mappings, "Updating"));
  }
}

package io.tributary.triggers.action;

import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;

/**
 * CreateEventSourceMapping: a function fed a table's stream, from TRIM_HORIZON or LATEST;
 * answered 202 with State Creating, Enabled once its poller runs.
 */
final class CreateEventSourceMapping implements LambdaAction {
  private final Mappings mappings;

  CreateEventSourceMapping(Mappings mappings) {
    this.mappings = mappings;
  }

  @Override
  public RestResponse handle(RestRequest request, String ignored) {
    Bodies body = Bodies.of(request.body());
    if (!body.has("FunctionName")) {
      throw LambdaException.validation(
          "1 validation error detected: Value null at 'functionName' failed to satisfy"
              + " constraint: Member must not be null");
    }
    String source = body.string("EventSourceArn");
    if (source == null) {
      throw LambdaException.invalidParameter("Unrecognized event source.");
    }
    if (!source.matches("arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[^/]+/stream/.+")) {
      throw LambdaException.invalidParameter(
          "Tributary serves event source mappings on DynamoDB streams only, not " + source);
    }
    String position = body.string("StartingPosition");
    if (position == null) {
      throw LambdaException.invalidParameter(
          "1 validation error detected: Value null at 'startingPosition' failed to satisfy"
              + " constraint: Member must not be null.");
    }
    if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST") && !position.equals("AT_TIMESTAMP")) {
      throw LambdaException.validation(
          "1 validation error detected: Value '"
              + position
              + "' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum"
              + " value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
    }
    if (position.equals("AT_TIMESTAMP")) {
      throw LambdaException.invalidParameter("Unsupported starting position for arn type: " + source);
    }
    FunctionDefinition f = mappings.functions().get(request.region(), body.string("FunctionName"));
    if (!MappingRequests.streamExists(mappings, source, request.region())) {
      throw LambdaException.invalidParameter("Stream not found: " + source);
    }
    String startSequence =
        position.equals("LATEST") ? mappings.engine().nextSequenceNumber(source) : null;
    EventSourceMapping m =
        MappingRequests.apply(
            body,
            MappingRequests.defaults(
                request.region(), f.arn(), source, position, startSequence, mappings.clock().instant()),
            mappings);
    synchronized (mappings) {
      EventSourceMapping existing = mappings.find(f.arn(), source);
      if (existing != null) {
        throw LambdaException.conflict(
            "The event source arn (\" "
                + source
                + " \") and function (\" "
                + f.name()
                + " \") provided mapping already exists. Please update or delete the existing"
                + " mapping with UUID "
                + existing.uuid());
      }
      mappings.save(m);
    }
    return RestResponse.json(202, MappingConfigurations.of(m, mappings, "Creating"));
  }
}

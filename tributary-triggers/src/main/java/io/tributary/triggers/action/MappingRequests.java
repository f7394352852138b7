package io.tributary.triggers.action;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.FilterCriteria;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.LambdaException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The members of CreateEventSourceMapping and UpdateEventSourceMapping, checked with Lambda's
 * messages; an update starts from the mapping as it is.
 */
final class MappingRequests {
  private MappingRequests() {}

  /** The mapping {@code body} asks for, over {@code base} (the defaults for a new one). */
  static EventSourceMapping apply(Bodies body, EventSourceMapping base, Mappings mappings) {
    int maxAge =
        body.integer("MaximumRecordAgeInSeconds", "maximumRecordAgeInSeconds", base.maximumRecordAgeInSeconds(), -1, 604_800);
    if (maxAge >= 0 && maxAge < 60) {
      throw LambdaException.invalidParameter(
          "MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800");
    }
    List<String> responseTypes = base.functionResponseTypes();
    if (body.raw("FunctionResponseTypes") instanceof Json.Arr types) {
      responseTypes = new ArrayList<>();
      for (Json t : types.elements()) {
        String type = t instanceof Json.Str s ? s.value() : String.valueOf(t);
        if (!type.equals("ReportBatchItemFailures")) {
          throw LambdaException.validation(
              "1 validation error detected: Value '["
                  + type
                  + "]' at 'functionResponseTypes' failed to satisfy constraint: Member must"
                  + " satisfy constraint: [Member must satisfy enum value set:"
                  + " [ReportBatchItemFailures]]");
        }
        responseTypes.add(type);
      }
    }
    String onFailure = base.onFailure();
    Bodies destination = body.object("DestinationConfig");
    if (destination != null) {
      if (destination.has("OnSuccess")) {
        throw LambdaException.invalidParameter(
            "Unsupported DestinationConfig parameter for given event source mapping type.");
      }
      Bodies failure = destination.object("OnFailure");
      onFailure = failure == null ? null : failure.string("Destination");
      if (onFailure != null && !io.tributary.triggers.mapping.FailureDestination.isTable(onFailure)) {
        throw LambdaException.invalidParameter(
            "Tributary sends failed batches to a Tributary table only (a DynamoDB table ARN), not to "
                + onFailure);
      }
    }
    Json filter = base.filterCriteria();
    if (body.has("FilterCriteria")) {
      filter = body.raw("FilterCriteria");
      FilterCriteria.parse(filter);
    }
    return new EventSourceMapping(
        base.uuid(),
        base.region(),
        base.functionArn(),
        base.eventSourceArn(),
        body.integer("BatchSize", "batchSize", base.batchSize(), 1, 10_000),
        body.integer("MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds", base.maximumBatchingWindowInSeconds(), 0, 300),
        base.startingPosition(),
        base.startSequenceNumber(),
        body.integer("ParallelizationFactor", "parallelizationFactor", base.parallelizationFactor(), 1, 10),
        body.integer("MaximumRetryAttempts", "maximumRetryAttempts", base.maximumRetryAttempts(), -1, 10_000),
        maxAge,
        body.has("BisectBatchOnFunctionError") ? body.bool("BisectBatchOnFunctionError") : base.bisectBatchOnFunctionError(),
        body.integer("TumblingWindowInSeconds", "tumblingWindowInSeconds", base.tumblingWindowInSeconds(), 0, 900),
        responseTypes,
        onFailure,
        filter,
        body.has("Enabled") ? body.bool("Enabled") : base.enabled(),
        mappings.clock().instant());
  }

  /** A new mapping's defaults: Lambda's for DynamoDB streams. */
  static EventSourceMapping defaults(
      String region, String functionArn, String sourceArn, String startingPosition, String startSequence, java.time.Instant now) {
    return new EventSourceMapping(
        UUID.randomUUID().toString(), region, functionArn, sourceArn, 100, 0, startingPosition,
        startSequence, 1, -1, -1, false, 0, List.of(), null, null, true, now);
  }

  /** Whether the stream exists, asked of the engine as any Streams client would. */
  static boolean streamExists(Mappings mappings, String arn, String region) {
    try {
      mappings.engine().executeStreams(
          "DescribeStream",
          JsonBuilder.object().put("StreamArn", arn).put("Limit", 1).build(),
          new RequestContext("mapping-check", region, mappings.accountId()));
      return true;
    } catch (DynamoDbException e) {
      return false;
    }
  }
}

package io.tributary.triggers.action;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.triggers.mapping.EventSourceMapping;
import io.tributary.triggers.mapping.Mappings;
import java.math.BigDecimal;

/** EventSourceMappingConfiguration, as the mapping actions answer it. */
final class MappingConfigurations {
  private MappingConfigurations() {}

  static Json of(EventSourceMapping m, Mappings mappings, String state) {
    JsonBuilder destination = JsonBuilder.object();
    if (m.onFailure() != null) {
      destination.put("Destination", m.onFailure());
    }
    JsonBuilder b =
        JsonBuilder.object()
            .put("UUID", m.uuid())
            .put("StartingPosition", m.startingPosition())
            .put("BatchSize", m.batchSize())
            .put("MaximumBatchingWindowInSeconds", m.maximumBatchingWindowInSeconds())
            .put("ParallelizationFactor", m.parallelizationFactor())
            .put("EventSourceArn", m.eventSourceArn())
            .put("FilterCriteria", m.filterCriteria())
            .put("FunctionArn", m.functionArn())
            .put(
                "LastModified",
                new Json.Num(BigDecimal.valueOf(m.lastModified().toEpochMilli(), 3).toPlainString()))
            .put("LastProcessingResult", mappings.lastProcessingResult(m))
            .put("State", state)
            .put("StateTransitionReason", "User action")
            .put(
                "DestinationConfig",
                JsonBuilder.object().put("OnFailure", destination.build()).build())
            .put("MaximumRecordAgeInSeconds", m.maximumRecordAgeInSeconds())
            .put("BisectBatchOnFunctionError", m.bisectBatchOnFunctionError())
            .put("MaximumRetryAttempts", m.maximumRetryAttempts())
            .put("TumblingWindowInSeconds", m.tumblingWindowInSeconds())
            .put("FunctionResponseTypes", JsonBuilder.strings(m.functionResponseTypes()))
            .put("EventSourceMappingArn", m.arn(mappings.accountId()));
    return b.build();
  }
}

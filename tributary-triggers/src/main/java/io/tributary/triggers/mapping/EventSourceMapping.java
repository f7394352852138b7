package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import java.time.Instant;
import java.util.List;

/**
 * One event source mapping: a function fed a DynamoDB stream, with every option Lambda has for
 * stream sources.
 *
 * @param startSequenceNumber for StartingPosition LATEST, the first sequence number to deliver
 *     (records before it were in the stream when the mapping was made); null for TRIM_HORIZON
 * @param filterCriteria the FilterCriteria member as given, or null
 * @param onFailure the on-failure destination's ARN (a Tributary table), or null
 */
public record EventSourceMapping(
    String uuid,
    String region,
    String functionArn,
    String eventSourceArn,
    int batchSize,
    int maximumBatchingWindowInSeconds,
    String startingPosition,
    String startSequenceNumber,
    int parallelizationFactor,
    int maximumRetryAttempts,
    int maximumRecordAgeInSeconds,
    boolean bisectBatchOnFunctionError,
    int tumblingWindowInSeconds,
    List<String> functionResponseTypes,
    String onFailure,
    Json filterCriteria,
    boolean enabled,
    Instant lastModified) {

  public EventSourceMapping {
    functionResponseTypes = List.copyOf(functionResponseTypes);
  }

  public boolean reportsBatchItemFailures() {
    return functionResponseTypes.contains("ReportBatchItemFailures");
  }

  public String arn(String accountId) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
  }
}

package io.tributary.server.http;

import io.tributary.model.AttributeValues;
import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.ThrottlingReason;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.util.ArrayList;
import java.util.List;
import io.tributary.model.json.JsonWriter;

/**
 * Renders an error as DynamoDB does: {@code {"__type":"<namespace#Name>","message":"<text>"}},
 * without the message member when there is no message (DynamoDB's SerializationException for
 * malformed JSON and UnknownOperationException carry none).
 *
 * <p>The errors of Amazon's front layer (Coral) that DynamoDB passes through spell the member
 * {@code Message}: SerializationException ("Start of structure or map found where not expected.")
 * and AccessDeniedException; so do the transaction errors whose model shapes name it {@code
 * Message} (TransactionCanceledException, TransactionInProgressException,
 * IdempotentParameterMismatchException). Every other error spells it {@code message}.
 */
final class ErrorBody {

  private ErrorBody() {}

  static byte[] render(DynamoDbException error) {
    ErrorType type = error.type();
    // A failed condition carries the item when ReturnValuesOnConditionCheckFailure=ALL_OLD.
    return JsonWriter.write(
        JsonBuilder.object()
            .put("__type", type.wireType())
            .put("CancellationReasons", cancellationReasons(error))
            .put(messageMember(type), error.getMessage())
            .put("Item", error.item() == null ? null : AttributeValues.mapToJson(error.item()))
            .put(throttlingReasonsMember(type), throttlingReasons(error))
            .build());
  }

  /**
   * A throttled request's reasons. The models spell the member {@code ThrottlingReasons} on
   * ProvisionedThroughputExceededException and {@code throttlingReasons} on ThrottlingException.
   */
  private static Json throttlingReasons(DynamoDbException error) {
    if (error.throttlingReasons() == null) {
      return null;
    }
    List<Json> reasons = new ArrayList<>();
    for (ThrottlingReason r : error.throttlingReasons()) {
      reasons.add(
          JsonBuilder.object().put("reason", r.reason()).put("resource", r.resource()).build());
    }
    return new Json.Arr(reasons);
  }

  private static String throttlingReasonsMember(ErrorType type) {
    return type == ErrorType.THROTTLING ? "throttlingReasons" : "ThrottlingReasons";
  }

  /** A cancelled transaction's reasons, in request order: Code, then Message and Item if any. */
  private static Json cancellationReasons(DynamoDbException error) {
    if (error.cancellationReasons() == null) {
      return null;
    }
    List<Json> reasons = new ArrayList<>();
    for (CancellationReason r : error.cancellationReasons()) {
      reasons.add(
          JsonBuilder.object()
              .put("Code", r.code())
              .put("Item", r.item() == null ? null : AttributeValues.mapToJson(r.item()))
              .put("Message", r.message())
              .build());
    }
    return new Json.Arr(reasons);
  }

  /** DynamoDB's answer when it fails: "Internal server error", HTTP 500, retryable. */
  static DynamoDbException internalServerError() {
    return DynamoDbException.of(ErrorType.INTERNAL_SERVER_ERROR, "Internal server error");
  }

  static String messageMember(ErrorType type) {
    return switch (type) {
      case SERIALIZATION,
          ACCESS_DENIED,
          TRANSACTION_CANCELED,
          TRANSACTION_IN_PROGRESS,
          IDEMPOTENT_PARAMETER_MISMATCH ->
          "Message";
      default -> "message";
    };
  }
}

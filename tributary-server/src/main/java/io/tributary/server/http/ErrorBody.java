package io.tributary.server.http;

import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonWriter;

/**
 * Renders an error as DynamoDB does: {@code {"__type":"<namespace#Name>","message":"<text>"}},
 * without the message member when there is no message (DynamoDB's SerializationException for
 * malformed JSON and UnknownOperationException carry none).
 *
 * <p>The errors of Amazon's front layer (Coral) that DynamoDB passes through spell the member
 * {@code Message}: SerializationException ("Start of structure or map found where not expected.")
 * and AccessDeniedException. Every other error spells it {@code message}.
 */
final class ErrorBody {

  private ErrorBody() {}

  static byte[] render(DynamoDbException error) {
    ErrorType type = error.type();
    // A failed condition carries the item when ReturnValuesOnConditionCheckFailure=ALL_OLD.
    return JsonWriter.write(
        JsonBuilder.object()
            .put("__type", type.wireType())
            .put(messageMember(type), error.getMessage())
            .put("Item", error.item() == null ? null : AttributeValues.mapToJson(error.item()))
            .build());
  }

  /** DynamoDB's answer when it fails: "Internal server error", HTTP 500, retryable. */
  static DynamoDbException internalServerError() {
    return DynamoDbException.of(ErrorType.INTERNAL_SERVER_ERROR, "Internal server error");
  }

  static String messageMember(ErrorType type) {
    return switch (type) {
      case SERIALIZATION, ACCESS_DENIED -> "Message";
      default -> "message";
    };
  }
}

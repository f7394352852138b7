package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

  @Test
  void typeAndMessage() {
    assertThat(render(DynamoDbException.resourceNotFound("Requested resource not found")))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}");
  }

  @Test
  void noMessageNoMember() {
    assertThat(render(DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null)))
        .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  @Test
  void coralFrontLayerErrorsSpellMessageWithACapital() {
    assertThat(render(DynamoDbException.serialization("Start of list found where not expected")))
        .isEqualTo(
            "{\"__type\":\"com.amazon.coral.service#SerializationException\","
                + "\"Message\":\"Start of list found where not expected\"}");
    assertThat(render(DynamoDbException.of(ErrorType.ACCESS_DENIED, "User: x is not authorized")))
        .contains("\"Message\":\"User: x is not authorized\"");
  }

  @Test
  void everyOtherErrorSpellsItLowerCase() {
    Set<ErrorType> capital =
        EnumSet.of(
            ErrorType.SERIALIZATION,
            ErrorType.ACCESS_DENIED,
            ErrorType.TRANSACTION_CANCELED,
            ErrorType.TRANSACTION_IN_PROGRESS,
            ErrorType.IDEMPOTENT_PARAMETER_MISMATCH);
    for (ErrorType type : ErrorType.values()) {
      assertThat(ErrorBody.messageMember(type))
          .as(type.name())
          .isEqualTo(capital.contains(type) ? "Message" : "message");
    }
  }

  @Test
  void messagesAreJsonEscaped() {
    assertThat(render(DynamoDbException.validation("Value 'a\"b\\c' at 'x'")))
        .endsWith("\"message\":\"Value 'a\\\"b\\\\c' at 'x'\"}");
  }

  @Test
  void internalServerErrorIsDynamoDbs() {
    assertThat(render(ErrorBody.internalServerError()))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                + "\"message\":\"Internal server error\"}");
  }

  private static String render(DynamoDbException e) {
    return new String(ErrorBody.render(e), StandardCharsets.UTF_8);
  }
}

package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.ThrottlingReason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
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
  void streamsErrorsAreInDynamoDbsNamespaceWithALowerCaseMessage() {
    // The Streams model's error shapes all name their member "message".
    assertThat(render(DynamoDbException.of(ErrorType.EXPIRED_ITERATOR, "Iterator expired")))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\","
                + "\"message\":\"Iterator expired\"}");
    assertThat(
            render(
                DynamoDbException.of(
                    ErrorType.TRIMMED_DATA_ACCESS,
                    "The data you are trying to access has been trimmed")))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException\","
                + "\"message\":\"The data you are trying to access has been trimmed\"}");
    assertThat(render(DynamoDbException.of(ErrorType.LIMIT_EXCEEDED, "Too many")))
        .startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#LimitExceededException\",");
    assertThat(ErrorType.EXPIRED_ITERATOR.httpStatus()).isEqualTo(400);
    assertThat(ErrorType.EXPIRED_ITERATOR.retryable()).isFalse();
    assertThat(ErrorType.TRIMMED_DATA_ACCESS.httpStatus()).isEqualTo(400);
    assertThat(ErrorType.TRIMMED_DATA_ACCESS.retryable()).isFalse();
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

  @Test
  void throttlingErrorsListTheirReasonsInTheirModelsSpelling() {
    assertThat(render(DynamoDbException.throttled(
            ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED,
            "The level of configured provisioned throughput for the table was exceeded.",
            List.of(new ThrottlingReason(
                "TableWriteProvisionedThroughputExceeded", "arn:aws:dynamodb:us-east-1:1:table/t")))))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\","
                + "\"ThrottlingReasons\":[{\"reason\":\"TableWriteProvisionedThroughputExceeded\","
                + "\"resource\":\"arn:aws:dynamodb:us-east-1:1:table/t\"}]}");
    assertThat(render(DynamoDbException.throttled(
            ErrorType.THROTTLING, "slow down", List.of(new ThrottlingReason("r", "arn")))))
        .endsWith("\"message\":\"slow down\",\"throttlingReasons\":[{\"reason\":\"r\",\"resource\":\"arn\"}]}");
  }

  private static String render(DynamoDbException e) {
    return new String(ErrorBody.render(e), StandardCharsets.UTF_8);
  }
}

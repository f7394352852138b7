package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API through the AWS SDK for Java v2's {@link DynamoDbStreamsClient}, on the
 * same endpoint as DynamoDB's.
 */
class StreamsIT {
  private static final DynamoDbStreamsClient streams = Endpoint.streamsClient();

  @AfterAll
  static void close() {
    streams.close();
  }

  @Test
  void requestsReachTheStreamsApi() {
    // TODO(issue 7): once ListStreams is registered in StreamActions this answers with a
    // (possibly empty) list of streams; assert that instead.
    assertThatThrownBy(streams::listStreams)
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo("UnknownOperationException");
            });
  }

  @Test
  void requestsAreValidatedAgainstTheStreamsModel() {
    assertThatThrownBy(() -> streams.listStreams(b -> b.limit(0)))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "1 validation error detected: Value '0' at 'limit' failed to satisfy"
                          + " constraint: Member must have value greater than or equal to 1");
              assertThat(e.requestId()).isNotBlank();
            });
  }
}

package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.EngineConfig;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DynamoDB Streams targets reach the engine's Streams actions, checked by the Streams model. */
class StreamsTargetTest {
  private static final String UNKNOWN_OPERATION =
      "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";

  private final Engine engine = Engine.open(new MemoryStore(), EngineConfig.defaults());
  private final JsonCall calls =
      new JsonCall(engine::execute, engine::executeStreams, Operations.NONE, "123456789012", 1 << 20);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void anOperationStreamsDoesNotHaveIsUnknown() {
    assertThat(answer("DynamoDBStreams_20120810.ListTables", "{}")).isEqualTo(UNKNOWN_OPERATION);
    assertThat(answer("DynamoDBStreams_20120810.NoSuchThing", "{}")).isEqualTo(UNKNOWN_OPERATION);
  }

  @Test
  void streamsOperationsAreNotDynamoDbOperations() {
    assertThat(answer("DynamoDB_20120810.ListStreams", "{\"Limit\":0}"))
        .isEqualTo(UNKNOWN_OPERATION);
  }

  @Test
  void requestsAreCheckedAgainstTheStreamsModel() {
    assertThat(answer("DynamoDBStreams_20120810.ListStreams", "{\"Limit\":0}"))
        .isEqualTo(
            "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":"
                + "\"1 validation error detected: Value '0' at 'limit' failed to satisfy"
                + " constraint: Member must have value greater than or equal to 1\"}");
    assertThat(answer("DynamoDBStreams_20120810.DescribeStream", "{}"))
        .isEqualTo(
            "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":"
                + "\"1 validation error detected: Value null at 'streamArn' failed to satisfy"
                + " constraint: Member must not be null\"}");
  }

  @Test
  void wrongJsonTypesAreSerializationExceptions() {
    assertThat(answer("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":7}"))
        .startsWith("{\"__type\":\"com.amazon.coral.service#SerializationException\"");
  }

  private String answer(String target, String body) {
    HttpReply reply =
        calls.answer(
            new JsonCall.Request(
                "A".repeat(52),
                "us-east-1",
                null,
                target,
                ContentTypes.AMZ_JSON_1_0,
                null,
                null,
                body.getBytes(StandardCharsets.UTF_8)));
    assertThat(reply.status().code()).isEqualTo(400);
    return new String(reply.body(), StandardCharsets.UTF_8);
  }
}

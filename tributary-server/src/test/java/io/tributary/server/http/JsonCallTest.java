package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.RequestContext;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.JsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCallTest {
  private static final String ID = "A".repeat(52);
  private static final String SERIALIZATION =
      "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";
  private static final String UNKNOWN_OPERATION =
      "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";

  private final List<String> executed = new ArrayList<>();
  private final List<RequestContext> contexts = new ArrayList<>();

  private final Operations echo =
      (operation, request, context) -> {
        executed.add(operation);
        contexts.add(context);
        return JsonBuilder.object().put("Operation", operation).put("Got", request).build();
      };

  private final Operations streamsEcho =
      (operation, request, context) -> {
        executed.add("Streams " + operation);
        contexts.add(context);
        return JsonBuilder.object().put("StreamsOperation", operation).build();
      };

  @Test
  void runsTheOperationNamedByTheTarget() {
    HttpReply reply = answer(echo, "DynamoDB_20120810.ListTables", "{\"Limit\":1}");
    assertThat(reply.status().code()).isEqualTo(200);
    assertThat(text(reply)).isEqualTo("{\"Operation\":\"ListTables\",\"Got\":{\"Limit\":1}}");
    assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.0");
    assertThat(contexts).containsExactly(new RequestContext(ID, "eu-west-1", "123456789012"));
  }

  @Test
  void streamsTargetsRunTheStreamsOperations() {
    HttpReply reply = answer(echo, "DynamoDBStreams_20120810.DescribeStream", "{}");
    assertThat(reply.status().code()).isEqualTo(200);
    assertThat(text(reply)).isEqualTo("{\"StreamsOperation\":\"DescribeStream\"}");
    assertThat(executed).containsExactly("Streams DescribeStream");
    assertThat(contexts).containsExactly(new RequestContext(ID, "eu-west-1", "123456789012"));
  }

  @Test
  void streamsTargetsKeepTheChecksOfDynamoDbs() {
    assertThat(text(answer(echo, "DynamoDBStreams_20120810.ListStreams", "{\"Limit\": ")))
        .isEqualTo(SERIALIZATION);
    assertThat(text(answer(echo, "DynamoDBStreams_20120810.ListStreams", "[]")))
        .isEqualTo(SERIALIZATION);
    assertThat(executed).isEmpty();
  }

  @Test
  void malformedJsonIsASerializationExceptionEvenWithABadTarget() {
    for (String target : new String[] {"DynamoDB_20120810.ListTables", "whatever", null}) {
      HttpReply reply = answer(echo, target, "{\"Limit\": ");
      assertThat(reply.status().code()).isEqualTo(400);
      assertThat(text(reply)).isEqualTo(SERIALIZATION);
    }
    assertThat(executed).isEmpty();
  }

  @Test
  void unknownTargetsAreUnknownOperations() {
    for (String target :
        new String[] {
          null,
          "whatever",
          "DynamoDB_20111205.ListTables",
          "DynamoDB_20120810.",
          "DynamoDB_20120810.List.Tables",
          "DynamoDBStreams_20111205.ListStreams",
          "DynamoDBStreams_20120810.",
          "DynamoDBStreams_20120810.List.Streams",
          "dynamodbstreams_20120810.ListStreams",
          "Logs_20140328.DescribeLogGroups"
        }) {
      HttpReply reply = answer(echo, target, "{}");
      assertThat(reply.status().code()).as(target).isEqualTo(400);
      assertThat(text(reply)).as(target).isEqualTo(UNKNOWN_OPERATION);
    }
    assertThat(executed).isEmpty();
  }

  @Test
  void anEmptyBodyOrJsonThatIsNotAnObjectIsASerializationException() {
    for (String body : new String[] {"", "7", "\"a\"", "[]", "null"}) {
      HttpReply reply = answer(echo, "DynamoDB_20120810.ListTables", body);
      assertThat(text(reply)).as(body).isEqualTo(SERIALIZATION);
    }
    assertThat(executed).isEmpty();
  }

  @Test
  void actionErrorsAreRenderedWithTheirStatus() {
    Operations failing =
        (operation, request, context) -> {
          throw DynamoDbException.resourceNotFound("Requested resource not found");
        };
    HttpReply reply = answer(failing, "DynamoDB_20120810.DescribeTable", "{}");
    assertThat(reply.status().code()).isEqualTo(400);
    assertThat(text(reply))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}");
  }

  @Test
  void bugsBecomeInternalServerError() {
    Operations buggy =
        (operation, request, context) -> {
          throw new IllegalStateException("secret internal detail");
        };
    HttpReply reply = answer(buggy, "DynamoDB_20120810.PutItem", "{}");
    assertThat(reply.status().code()).isEqualTo(500);
    assertThat(text(reply))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                + "\"message\":\"Internal server error\"}");
  }

  @Test
  void gzippedBodiesAreReadAndBadGzipIsA500() {
    byte[] gzipped = RequestEncodingTest.gzip("{\"Limit\":2}".getBytes());
    HttpReply good = call(echo, "DynamoDB_20120810.ListTables", "gzip", null, gzipped);
    assertThat(text(good)).contains("\"Got\":{\"Limit\":2}");
    HttpReply bad = call(echo, "DynamoDB_20120810.ListTables", "gzip", null, "{}".getBytes());
    assertThat(bad.status().code()).isEqualTo(500);
    assertThat(executed).containsExactly("ListTables");
  }

  @Test
  void bigAnswersAreCompressedWhenAsked() {
    Operations big =
        (operation, request, context) ->
            JsonBuilder.object().put("Big", "x".repeat(10_000)).build();
    HttpReply reply = call(big, "DynamoDB_20120810.GetItem", null, "gzip", "{}".getBytes());
    assertThat(reply.contentEncoding()).isEqualTo("gzip");
    assertThat(reply.body().length).isLessThan(1000);
  }

  @Test
  void theAnswerHasTheContentTypeOfTheRequest() {
    JsonCall calls = new JsonCall(echo, streamsEcho, Operations.NONE, "123456789012", 1 << 20);
    HttpReply reply =
        calls.answer(
            new JsonCall.Request(
                ID, "us-east-1", null, "x", "application/json", null, null, "{}".getBytes()));
    assertThat(reply.contentType()).isEqualTo("application/json");
  }

  private HttpReply answer(Operations operations, String target, String body) {
    return call(operations, target, null, null, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpReply call(
      Operations operations, String target, String coding, String accept, byte[] body) {
    JsonCall calls = new JsonCall(operations, streamsEcho, Operations.NONE, "123456789012", 1 << 20);
    return calls.answer(
        new JsonCall.Request(
            ID, "eu-west-1", null, target, ContentTypes.AMZ_JSON_1_0, coding, accept, body));
  }

  private static String text(HttpReply reply) {
    return new String(reply.body(), StandardCharsets.UTF_8);
  }
}

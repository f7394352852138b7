package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP surface below the SDKs, through a plain HTTP client against an in-memory server. None
 * of these needs an action to exist: they stop at the HTTP layer or at unknown operations.
 */
class HttpSurfaceIT {
  private static final String AMZ_JSON = "application/x-amz-json-1.0";
  private static final String SERIALIZATION =
      "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";
  private static final String UNKNOWN_OPERATION =
      "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";
  private static final String INTERNAL_SERVER_ERROR =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
          + "\"message\":\"Internal server error\"}";
  private static final String NO_SUCH_ACTION = "DynamoDB_20120810.NoSuchAction";
  private static final int LIMIT = 16 * 1024 * 1024;

  private static TributaryServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    server = TributaryServer.start(ServerConfig.inMemory());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.endpoint() + path));
  }

  private static HttpRequest.Builder post(String target, byte[] body) {
    HttpRequest.Builder builder =
        request("/").header("Content-Type", AMZ_JSON).POST(BodyPublishers.ofByteArray(body));
    return target == null ? builder : builder.header("X-Amz-Target", target);
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
      assertStandardHeaders(response);
      return response;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every answer names its request and carries the CRC32 and length of the bytes sent. */
  private static void assertStandardHeaders(HttpResponse<byte[]> response) {
    assertThat(response.headers().firstValue("x-amzn-RequestId")).get().asString()
        .matches("[0-9A-Z]{52}");
    assertThat(response.headers().firstValue("x-amz-crc32"))
        .hasValue(Long.toString(crc32(response.body())));
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class HealthCheck {
    @Test
    void getRootIsHealthy() {
      HttpResponse<byte[]> response = send(request("/").GET());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(text(response)).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
      assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("3128867991");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    }

    @Test
    void signedHealthCheckNamesTheRegionOfTheSignature() {
      HttpResponse<byte[]> response =
          send(
              request("/")
                  .header(
                      "Authorization",
                      "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, "
                          + "SignedHeaders=host, Signature=0")
                  .GET());
      assertThat(text(response)).isEqualTo("healthy: dynamodb.eu-west-1.amazonaws.com ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/abc", "/index.htm", "/2015-03-31"})
    void otherPathsAreNotFound(String path) {
      HttpResponse<byte[]> response = send(request(path).GET());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(text(response)).isEqualTo("<UnknownOperationException/>\n");
    }
  }

  @Nested
  class NotTheJsonProtocol {
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsGetDynamoDbsNotFoundPage(String method) {
      HttpResponse<byte[]> response =
          send(request("/").method(method, BodyPublishers.noBody()));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(text(response)).isEqualTo("<UnknownOperationException/>\n");
      assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("3552371480");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "whatever", "application/jsonasdf"})
    void bodiesOfOtherTypesGetTheNotFoundPage(String contentType) {
      HttpResponse<byte[]> response =
          send(
              request("/")
                  .header("Content-Type", contentType)
                  .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                  .POST(BodyPublishers.ofString("{}")));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(text(response)).isEqualTo("<UnknownOperationException/>\n");
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest
    @ValueSource(
        strings = {
          NO_SUCH_ACTION,
          "whatever",
          "DynamoDB_20120810.",
          "DynamoDBStreams_20120810.ListTables",
          "Logs_20140328.StartLiveTail"
        })
    void unknownOperations(String target) {
      HttpResponse<byte[]> response = send(post(target, bytes("{}")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(text(response)).isEqualTo(UNKNOWN_OPERATION);
      assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("1368724161");
      assertThat(response.headers().firstValue("Content-Type")).hasValue(AMZ_JSON);
    }

    @Test
    void missingTargetIsAnUnknownOperation() {
      HttpResponse<byte[]> response = send(post(null, bytes("{}")));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(text(response)).isEqualTo(UNKNOWN_OPERATION);
    }

    @Test
    void answersHaveTheContentTypeOfTheRequest() {
      HttpResponse<byte[]> response =
          send(
              request("/")
                  .header("Content-Type", "application/json")
                  .header("X-Amz-Target", NO_SUCH_ACTION)
                  .POST(BodyPublishers.ofString("{}")));
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Limit\": ", "not json", "}{", "{\"a\":1}{", "{{}}"})
    void malformedJsonIsASerializationException(String body) {
      HttpResponse<byte[]> response = send(post("DynamoDB_20120810.ListTables", bytes(body)));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(text(response)).isEqualTo(SERIALIZATION);
      assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("3948637019");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "\"text\"", "[]", "null", "true"})
    void jsonThatIsNotAnObjectIsASerializationException(String body) {
      HttpResponse<byte[]> response = send(post("DynamoDB_20120810.ListTables", bytes(body)));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(text(response)).isEqualTo(SERIALIZATION);
    }
  }

  @Nested
  class RequestCompression {
    @Test
    void gzipBodiesAreDecompressedBeforeParsing() {
      // Valid JSON once decompressed, so the target is looked at: an unknown operation.
      HttpResponse<byte[]> known =
          send(post(NO_SUCH_ACTION, gzip(bytes("{}"))).header("Content-Encoding", "gzip"));
      assertThat(text(known)).isEqualTo(UNKNOWN_OPERATION);
      // Malformed JSON once decompressed: a serialization error, like an uncompressed one.
      HttpResponse<byte[]> malformed =
          send(post(NO_SUCH_ACTION, gzip(bytes("{\"a\":"))).header("Content-Encoding", "gzip"));
      assertThat(text(malformed)).isEqualTo(SERIALIZATION);
    }

    @Test
    void bodiesThatAreNotTheGzipTheyClaimAreA500AsInDynamoDb() {
      byte[] gzipped = gzip(bytes("{}"));
      for (byte[] body :
          new byte[][] {bytes("{}"), Arrays.copyOf(gzipped, gzipped.length - 1), new byte[0]}) {
        HttpResponse<byte[]> response =
            send(post(NO_SUCH_ACTION, body).header("Content-Encoding", "gzip"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
      }
    }

    @Test
    void unknownContentEncodingsAreA500AsInDynamoDb() {
      HttpResponse<byte[]> response =
          send(post(NO_SUCH_ACTION, bytes("{}")).header("Content-Encoding", "garbage"));
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
    }
  }

  @Nested
  class Headers {
    @Test
    void everyRequestGetsItsOwnId() {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        ids.add(send(post(NO_SUCH_ACTION, bytes("{}"))).headers().firstValue("x-amzn-RequestId")
            .orElseThrow());
      }
      assertThat(ids).hasSize(20);
    }

    @Test
    void smallAnswersAreNotCompressedEvenWhenAllowed() {
      HttpResponse<byte[]> response =
          send(post(NO_SUCH_ACTION, bytes("{}")).header("Accept-Encoding", "gzip"));
      assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(text(response)).isEqualTo(UNKNOWN_OPERATION);
    }
  }

  @Nested
  class Cors {
    private static final String JS_SDK_HEADERS =
        "authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent,"
            + "x-amz-security-token,amz-sdk-invocation-id,amz-sdk-request";

    @Test
    void preflightIsAnswered() {
      HttpResponse<byte[]> response =
          send(
              request("/")
                  .header("Origin", "http://app.example")
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", JS_SDK_HEADERS)
                  .method("OPTIONS", BodyPublishers.noBody()));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEmpty();
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
          .hasValue(JS_SDK_HEADERS);
      assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("172800");
    }

    @Test
    void answersToBrowsersCarryCorsHeaders() {
      HttpResponse<byte[]> response =
          send(post(NO_SUCH_ACTION, bytes("{}")).header("Origin", "http://app.example"));
      assertThat(text(response)).isEqualTo(UNKNOWN_OPERATION);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
          .contains("x-amzn-RequestId", "x-amz-crc32");
      assertThat(response.headers().firstValue("Access-Control-Max-Age")).isEmpty();
    }

    @Test
    void answersToOthersCarryNone() {
      HttpResponse<byte[]> response = send(post(NO_SUCH_ACTION, bytes("{}")));
      assertThat(response.headers().map().keySet())
          .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
  }

  @Nested
  class RequestSize {
    @Test
    void bodiesOver16MbAreRefusedWithABare413() {
      HttpResponse<byte[]> response = send(post(NO_SUCH_ACTION, new byte[LIMIT + 1]));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.body()).isEmpty();
      // The connection pool's next request still works.
      assertThat(send(request("/").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void clientsThatWaitFor100ContinueGetTheSame413AndKeepTheirConnection() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        connection.send(
            "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
        RawHttp.Response refusal = connection.read();
        assertThat(refusal.status()).isEqualTo(413);
        assertThat(refusal.header("x-amzn-RequestId")).matches("[0-9A-Z]{52}");
        assertThat(refusal.body()).isEmpty();
        connection.send(RawHttp.get("/"));
        assertThat(connection.read().status()).isEqualTo(200);
      }
    }

    @Test
    void bodiesOfExactly16MbAreRead() {
      byte[] body = new byte[LIMIT];
      Arrays.fill(body, (byte) 'a');
      HttpResponse<byte[]> response = send(post(NO_SUCH_ACTION, body));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(text(response)).isEqualTo(SERIALIZATION);
    }
  }

  @Nested
  class Connections {
    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        for (int i = 0; i < 3; i++) {
          connection.send(RawHttp.post(NO_SUCH_ACTION, "{}"));
          RawHttp.Response response = connection.read();
          assertThat(response.status()).isEqualTo(400);
          assertThat(response.text()).isEqualTo(UNKNOWN_OPERATION);
        }
        connection.send(RawHttp.get("/"));
        assertThat(connection.read().status()).isEqualTo(200);
      }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        connection.send(
            RawHttp.post(NO_SUCH_ACTION, "{}")
                + RawHttp.get("/")
                + RawHttp.post("DynamoDB_20120810.ListTables", "{")
                + RawHttp.get("/nowhere")
                + RawHttp.post(NO_SUCH_ACTION, "{}"));
        assertThat(connection.read().text()).isEqualTo(UNKNOWN_OPERATION);
        assertThat(connection.read().status()).isEqualTo(200);
        assertThat(connection.read().text()).isEqualTo(SERIALIZATION);
        assertThat(connection.read().status()).isEqualTo(404);
        assertThat(connection.read().text()).isEqualTo(UNKNOWN_OPERATION);
      }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        connection.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        RawHttp.Response response = connection.read();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(connection.closedByServer()).isTrue();
      }
    }

    @Test
    void malformedEscapesInThePathAreJustAnotherPath() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        connection.send(RawHttp.get("/%zz") + RawHttp.get("/?X-Amz-Credential=%zz"));
        assertThat(connection.read().status()).isEqualTo(404);
        assertThat(connection.read().text())
            .isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
      }
    }

    @Test
    void garbageIsABadRequestAndTheConnectionCloses() throws IOException {
      try (RawHttp connection = new RawHttp(server.port())) {
        connection.send("this is not HTTP\r\n\r\n");
        assertThat(connection.read().status()).isEqualTo(400);
        assertThat(connection.closedByServer()).isTrue();
      }
    }
  }

  static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}

package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.JsonBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response compression and the failure path, against the HTTP front end with stand-in actions:
 * "Big" answers 20 KB, "Bug" throws what no action should.
 */
class HttpCompressionIT {
  private static final String BIG_VALUE = "x".repeat(20_000);
  private static HttpFrontEnd server;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    Operations operations =
        (operation, request, context) ->
            switch (operation) {
              case "Big" -> JsonBuilder.object().put("Value", BIG_VALUE).build();
              case "Bug" -> throw new IllegalStateException("a bug");
              default -> JsonBuilder.object().put("Region", context.region()).build();
            };
    server = HttpFrontEnd.bind("127.0.0.1", 0, operations, "000000000000", List.of("*"));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    http.close();
    server.close();
  }

  private static HttpResponse<byte[]> call(String operation, String acceptEncoding)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .POST(BodyPublishers.ofString("{}"));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request.build(), BodyHandlers.ofByteArray());
  }

  @Test
  void bigAnswersAreGzippedWhenAskedAndTheCrcCoversTheGzip() throws Exception {
    HttpResponse<byte[]> response = call("Big", "gzip");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.body()).startsWith(0x1f, 0x8b).hasSizeLessThan(1000);
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
    assertThat(response.headers().firstValue("x-amz-crc32"))
        .hasValue(Long.toString(HttpReply.crc32(response.body())));
    String json =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"Value\":\"" + BIG_VALUE + "\"}");
  }

  @Test
  void deflateToo() throws Exception {
    HttpResponse<byte[]> response = call("Big", "deflate");
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("deflate");
    assertThat(new InflaterInputStream(new ByteArrayInputStream(response.body())).readAllBytes())
        .hasSize(BIG_VALUE.length() + 12);
  }

  @Test
  void notCompressedUnlessAsked() throws Exception {
    for (String accept : new String[] {null, "identity", "br"}) {
      HttpResponse<byte[]> response = call("Big", accept);
      assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(response.body()).hasSize(BIG_VALUE.length() + 12);
      assertThat(response.headers().firstValue("x-amz-crc32"))
          .hasValue(Long.toString(HttpReply.crc32(response.body())));
    }
  }

  @Test
  void aBugIsAnInternalServerErrorAndTheConnectionLivesOn() throws Exception {
    HttpResponse<byte[]> response = call("Bug", null);
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                + "\"message\":\"Internal server error\"}");
    assertThat(call("Other", null).statusCode()).isEqualTo(200);
  }

  @Test
  void unsignedRequestsAreInUsEast1() throws Exception {
    assertThat(new String(call("Other", null).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"Region\":\"us-east-1\"}");
  }
}

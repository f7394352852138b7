package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The CRC32 values are DynamoDB's own, as captured by dynalite's tests against it. */
class HttpReplyTest {
  private static final String ID = "0".repeat(52);

  @Test
  void unknownOperationPageIsDynamoDbs() {
    FullHttpResponse response = HttpReply.unknownOperationPage().toHttpResponse(ID, true);
    try {
      assertThat(response.status().code()).isEqualTo(404);
      assertThat(body(response)).isEqualTo("<UnknownOperationException/>\n");
      assertThat(response.headers().get("x-amz-crc32")).isEqualTo("3552371480");
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("29");
      assertThat(response.headers().get("x-amzn-RequestId")).isEqualTo(ID);
    } finally {
      response.release();
    }
  }

  @Test
  void healthCheckIsDynamoDbs() {
    FullHttpResponse response = HttpReply.health("us-east-1").toHttpResponse(ID, true);
    try {
      assertThat(response.status().code()).isEqualTo(200);
      assertThat(body(response)).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
      assertThat(response.headers().get("x-amz-crc32")).isEqualTo("3128867991");
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("42");
    } finally {
      response.release();
    }
  }

  @Test
  void errorsWithoutAMessageMatchDynamoDbByteForByte() {
    assertThat(crcOfError(DynamoDbException.serialization(null))).isEqualTo("3948637019");
    assertThat(crcOfError(DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null)))
        .isEqualTo("1368724161");
  }

  @Test
  void errorsWithAMessageMatchDynamoDbByteForByte() {
    DynamoDbException missingToken =
        DynamoDbException.of(
            ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    assertThat(crcOfError(missingToken)).isEqualTo("2088342776");
  }

  @Test
  void errorStatusIsTheErrorTypes() {
    FullHttpResponse response =
        HttpReply.error(ErrorBody.internalServerError(), ContentTypes.AMZ_JSON_1_0)
            .toHttpResponse(ID, true);
    try {
      assertThat(response.status().code()).isEqualTo(500);
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
          .isEqualTo("application/x-amz-json-1.0");
    } finally {
      response.release();
    }
  }

  @Test
  void tooLargeIsABare413() {
    HttpReply reply =
        HttpReply.error(
            DynamoDbException.of(ErrorType.REQUEST_ENTITY_TOO_LARGE, null), ContentTypes.JSON);
    FullHttpResponse response = reply.toHttpResponse(ID, false);
    try {
      assertThat(response.status().code()).isEqualTo(413);
      assertThat(response.content().readableBytes()).isZero();
      assertThat(response.headers().get("x-amz-crc32")).isEqualTo("0");
      assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    } finally {
      response.release();
    }
  }

  @Test
  void crcCoversTheCompressedBytesAsSent() throws IOException {
    byte[] json = ("{\"Item\":{\"big\":{\"S\":\"" + "x".repeat(10_000) + "\"}}}").getBytes();
    HttpReply reply = HttpReply.json(ContentTypes.AMZ_JSON_1_0, json).encoded("gzip");
    FullHttpResponse response = reply.toHttpResponse(ID, true);
    try {
      byte[] sent = ByteBufUtil.getBytes(response.content());
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_ENCODING)).isEqualTo("gzip");
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_LENGTH))
          .isEqualTo(Integer.toString(sent.length));
      assertThat(response.headers().get("x-amz-crc32"))
          .isEqualTo(Long.toString(HttpReply.crc32(sent)))
          .isNotEqualTo(Long.toString(HttpReply.crc32(json)));
      assertThat(new GZIPInputStream(new ByteArrayInputStream(sent)).readAllBytes())
          .isEqualTo(json);
    } finally {
      response.release();
    }
  }

  @Test
  void smallBodiesStayUncompressed() {
    HttpReply reply = HttpReply.json(ContentTypes.AMZ_JSON_1_0, "{}".getBytes()).encoded("gzip");
    assertThat(reply.contentEncoding()).isNull();
    assertThat(reply.body()).isEqualTo("{}".getBytes());
  }

  private static String crcOfError(DynamoDbException error) {
    FullHttpResponse response =
        HttpReply.error(error, ContentTypes.JSON).toHttpResponse(ID, true);
    try {
      return response.headers().get("x-amz-crc32");
    } finally {
      response.release();
    }
  }

  private static String body(FullHttpResponse response) {
    return response.content().toString(StandardCharsets.UTF_8);
  }
}

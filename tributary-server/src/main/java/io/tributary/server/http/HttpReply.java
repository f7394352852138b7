package io.tributary.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One answer, before it becomes an HTTP response: status, content type (null for none), content
 * coding (null for none) and the body bytes exactly as they will be sent.
 */
record HttpReply(
    HttpResponseStatus status,
    String contentType,
    String contentEncoding,
    byte[] body,
    Map<String, String> headers) {
  static final String REQUEST_ID = "x-amzn-RequestId";
  static final String CRC32 = "x-amz-crc32";

  /** What DynamoDB answers to anything that is neither a POST of JSON nor {@code GET /}. */
  static final byte[] UNKNOWN_OPERATION_PAGE =
      "<UnknownOperationException/>\n".getBytes(StandardCharsets.US_ASCII);

  static HttpReply json(String contentType, byte[] body) {
    return new HttpReply(HttpResponseStatus.OK, contentType, null, body, Map.of());
  }

  static HttpReply error(DynamoDbException error, String contentType) {
    if (error.type() == ErrorType.REQUEST_ENTITY_TOO_LARGE) {
      return tooLarge();
    }
    HttpResponseStatus status = HttpResponseStatus.valueOf(error.type().httpStatus());
    return new HttpReply(status, contentType, null, ErrorBody.render(error), Map.of());
  }

  /** DynamoDB's health check, its trailing space included. */
  /** A reply with its own status and headers: the REST APIs' answers. */
  static HttpReply rest(int status, Map<String, String> headers, byte[] body) {
    String type = headers.getOrDefault("Content-Type", "application/json");
    Map<String, String> rest = new java.util.LinkedHashMap<>(headers);
    rest.remove("Content-Type");
    return new HttpReply(HttpResponseStatus.valueOf(status), type, null, body, Map.copyOf(rest));
  }

  static HttpReply health(String region) {
    byte[] body =
        ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.US_ASCII);
    return new HttpReply(HttpResponseStatus.OK, "text/plain", null, body, Map.of());
  }

  static HttpReply unknownOperationPage() {
    return new HttpReply(HttpResponseStatus.NOT_FOUND, null, null, UNKNOWN_OPERATION_PAGE, Map.of());
  }

  /** DynamoDB answers a body over its size limit with a bare 413: no body, no error type. */
  static HttpReply tooLarge() {
    return new HttpReply(
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, ContentTypes.AMZ_JSON_1_0, null, new byte[0], Map.of());
  }

  /** For requests that are not HTTP; there is nothing DynamoDB-specific to say to those. */
  static HttpReply badRequest() {
    return new HttpReply(HttpResponseStatus.BAD_REQUEST, null, null, new byte[0], Map.of());
  }

  static HttpReply empty() {
    return new HttpReply(HttpResponseStatus.OK, null, null, new byte[0], Map.of());
  }

  /** This reply compressed as the Accept-Encoding header (or null) asks, if DynamoDB would. */
  HttpReply encoded(String acceptEncoding) {
    ResponseEncoding coding = ResponseEncoding.choose(acceptEncoding, body.length);
    if (coding == ResponseEncoding.IDENTITY) {
      return this;
    }
    return new HttpReply(status, contentType, coding.token(), coding.encode(body), headers);
  }

  /**
   * The HTTP response. The CRC32 covers the bytes as sent, after compression: that is what boto3
   * (over the undecoded body) and the Java SDK's DynamoDB client (calculateCrc32FromCompressedData)
   * check.
   */
  FullHttpResponse toHttpResponse(String requestId, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    HttpHeaders headers = response.headers();
    headers.set(REQUEST_ID, requestId);
    headers.set(CRC32, Long.toString(crc32(body)));
    if (contentType != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (contentEncoding != null) {
      headers.set(HttpHeaderNames.CONTENT_ENCODING, contentEncoding);
    }
    this.headers.forEach(headers::set);
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }

  static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}

package io.tributary.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Which browser origins may call the server, and the CORS headers that say so. Like DynamoDB
 * Local's {@code -cors} flag, the allowed origins are a list, {@code *} (the default) allowing
 * any.
 *
 * <p>The headers are DynamoDB's: a request with an Origin gets Access-Control-Allow-Origin and
 * Access-Control-Expose-Headers (DynamoDB's list, plus x-amz-crc32 so that browser SDKs can check
 * it); a preflight also gets the method and headers it asked for echoed back as allowed (which
 * covers everything the AWS SDK for JavaScript sends: authorization, content-type, x-amz-target,
 * x-amz-date, x-amz-user-agent, x-amz-security-token, amz-sdk-invocation-id, amz-sdk-request,
 * ...), and Access-Control-Max-Age of two days. A request without an Origin gets no CORS header.
 */
record CorsPolicy(List<String> allowedOrigins) {
  static final String EXPOSE_HEADERS =
      "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,x-amz-crc32";
  static final String MAX_AGE_SECONDS = "172800";

  CorsPolicy {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  static CorsPolicy allowAll() {
    return new CorsPolicy(List.of("*"));
  }

  boolean allowsAny() {
    return allowedOrigins.contains("*");
  }

  boolean allows(String origin) {
    return origin != null && (allowsAny() || allowedOrigins.contains(origin));
  }

  /** Adds the headers of an answer to a request from {@code origin} (nothing if not allowed). */
  void addResponseHeaders(String origin, HttpHeaders response) {
    if (!allows(origin)) {
      return;
    }
    if (allowsAny()) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    } else {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.add(HttpHeaderNames.VARY, "Origin");
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
  }

  /** Adds the headers of an answer to a preflight (nothing if its origin is not allowed). */
  void addPreflightHeaders(HttpHeaders request, HttpHeaders response) {
    String origin = request.get(HttpHeaderNames.ORIGIN);
    if (!allows(origin)) {
      return;
    }
    addResponseHeaders(origin, response);
    String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (method != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, method);
    }
    String headers = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (headers != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers);
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
  }
}

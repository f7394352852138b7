package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  private static final String JS_SDK_HEADERS =
      "authorization,content-type,x-amz-target,x-amz-date,x-amz-user-agent,"
          + "x-amz-security-token,amz-sdk-invocation-id,amz-sdk-request,x-amz-content-sha256";

  @Test
  void anyOriginGetsAStar() {
    HttpHeaders response = new DefaultHttpHeaders();
    CorsPolicy.allowAll().addResponseHeaders("http://example.com", response);
    assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.get("Access-Control-Expose-Headers"))
        .isEqualTo("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date,x-amz-crc32");
    assertThat(response.contains("Access-Control-Max-Age")).isFalse();
    assertThat(response.contains("Access-Control-Allow-Methods")).isFalse();
  }

  @Test
  void listedOriginsAreEchoedAndVaryByOrigin() {
    CorsPolicy policy = new CorsPolicy(List.of("http://a.example", "http://b.example"));
    HttpHeaders response = new DefaultHttpHeaders();
    policy.addResponseHeaders("http://b.example", response);
    assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("http://b.example");
    assertThat(response.get("Vary")).isEqualTo("Origin");
  }

  @Test
  void unlistedOriginsGetNothing() {
    CorsPolicy policy = new CorsPolicy(List.of("http://a.example"));
    HttpHeaders response = new DefaultHttpHeaders();
    policy.addResponseHeaders("http://evil.example", response);
    assertThat(response.isEmpty()).isTrue();

    HttpHeaders preflight = preflight("http://evil.example", "POST", JS_SDK_HEADERS);
    policy.addPreflightHeaders(preflight, response);
    assertThat(response.isEmpty()).isTrue();
  }

  @Test
  void preflightEchoesWhatWasAskedForAndMayBeCachedForTwoDays() {
    HttpHeaders response = new DefaultHttpHeaders();
    CorsPolicy.allowAll()
        .addPreflightHeaders(preflight("http://app.example", "POST", JS_SDK_HEADERS), response);
    assertThat(response.get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.get("Access-Control-Allow-Methods")).isEqualTo("POST");
    assertThat(response.get("Access-Control-Allow-Headers")).isEqualTo(JS_SDK_HEADERS);
    assertThat(response.get("Access-Control-Max-Age")).isEqualTo("172800");
    assertThat(response.get("Access-Control-Expose-Headers")).contains("x-amz-crc32");
  }

  @Test
  void preflightWithoutRequestedHeadersAllowsNoneExplicitly() {
    HttpHeaders response = new DefaultHttpHeaders();
    CorsPolicy.allowAll().addPreflightHeaders(preflight("http://x", null, null), response);
    assertThat(response.contains("Access-Control-Allow-Headers")).isFalse();
    assertThat(response.contains("Access-Control-Allow-Methods")).isFalse();
    assertThat(response.get("Access-Control-Max-Age")).isEqualTo("172800");
  }

  private static HttpHeaders preflight(String origin, String method, String headers) {
    HttpHeaders request = new DefaultHttpHeaders().set("Origin", origin);
    if (method != null) {
      request.set("Access-Control-Request-Method", method);
    }
    if (headers != null) {
      request.set("Access-Control-Request-Headers", headers);
    }
    return request;
  }
}

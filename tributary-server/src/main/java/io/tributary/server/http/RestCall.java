package io.tributary.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonWriter;
import io.tributary.triggers.rest.LambdaApi;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the Lambda REST API (paths under {@code /2015-03-31/}), run on a worker thread;
 * Lambda's errors carry their type in {@code x-amzn-ErrorType} and a JSON body.
 */
final class RestCall {
  private static final Logger LOG = LoggerFactory.getLogger(RestCall.class);
  static final String LAMBDA_PREFIX = "/2015-03-31/";

  private final LambdaApi lambda;

  RestCall(LambdaApi lambda) {
    this.lambda = lambda;
  }

  static boolean isLambda(String uri) {
    return uri.startsWith(LAMBDA_PREFIX);
  }

  /** The request as the Lambda API reads it; copies what it needs, so the buffer may be freed. */
  static RestRequest request(FullHttpRequest request, String requestId) {
    QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    return new RestRequest(
        request.method().name(),
        decoder.path(),
        decoder.parameters(),
        headers,
        ByteBufUtil.getBytes(request.content()),
        CredentialScope.region(request.headers().get(HttpHeaderNames.AUTHORIZATION), request.uri()),
        requestId);
  }

  /** The answer; never throws. */
  HttpReply answer(RestRequest request) {
    try {
      RestResponse r = lambda.handle(request);
      return HttpReply.rest(r.status(), r.headers(), r.body());
    } catch (LambdaException e) {
      return error(e.type(), e.status(), e.capitalMessage(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Request {} ({} {}) failed", request.requestId(), request.method(), request.path(), e);
      return error("ServiceException", 500, true, "Internal error");
    }
  }

  private static HttpReply error(String type, int status, boolean capital, String message) {
    byte[] body =
        JsonWriter.write(
            JsonBuilder.object()
                .put("Type", status >= 500 ? "Service" : "User")
                .put(capital ? "Message" : "message", message)
                .build());
    return HttpReply.rest(status, Map.of("x-amzn-ErrorType", type), body);
  }
}

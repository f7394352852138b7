package io.tributary.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.tributary.triggers.rest.RestRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler that routes: {@code GET /} is the health check, a path under {@code /2015-03-31/}
 * is a call of the Lambda REST API, a {@code POST} of JSON is a call of the JSON protocol, anything
 * else gets DynamoDB's 404 page. A call runs on a worker thread, unless its service says it never
 * waits (an item action over a store in memory): that one runs here, on the event loop, which
 * saves handing the request to a worker and the answer back (ADR 0005). Answers leave in the
 * order requests came in, even if a client pipelines.
 */
final class Router extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);
  private static final String TARGET = "X-Amz-Target";

  private final JsonCall calls;
  private final RestCall rest;
  private final Executor workers;
  /** Completes once the answer to the previous request has been written. */
  private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
  /** Requests read but not yet answered; reading pauses while there are any. */
  private int pending;

  private boolean unflushed;

  Router(JsonCall calls, RestCall rest, Executor workers) {
    this.calls = calls;
    this.rest = rest;
    this.workers = workers;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    String requestId = RequestIds.next();
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    JsonCall.Request call;
    RestRequest restCall = null;
    HttpReply immediate;
    try {
      call = jsonCall(request, requestId);
      if (call == null
          && request.decoderResult().isSuccess()
          && RestCall.isLambda(request.uri())) {
        restCall = RestCall.request(request, requestId);
      }
      immediate = call == null && restCall == null ? immediateReply(request) : null;
    } finally {
      request.release();
    }
    if (previous.isDone() && (immediate != null || (call != null && calls.neverWaits(call)))) {
      // Nothing of this connection's is in flight and the answer is at hand, or computed without
      // waiting: answer here, and flush once the read is done.
      write(ctx, immediate != null ? immediate : calls.answer(call), requestId, keepAlive);
      unflushed = true;
      return;
    }
    RestRequest restRequest = restCall;
    CompletableFuture<HttpReply> reply =
        call != null
            ? previous.thenApplyAsync(ignored -> calls.answer(call), workers)
            : restRequest != null
                ? previous.thenApplyAsync(ignored -> rest.answer(restRequest), workers)
                : previous.thenApply(ignored -> immediate);
    // Stop reading until this request is answered, so that a client cannot queue up work.
    pending++;
    ctx.channel().config().setAutoRead(false);
    previous =
        reply.whenCompleteAsync(
            (answer, failure) -> {
              if (--pending == 0) {
                ctx.channel().config().setAutoRead(true);
              }
              if (failure != null) {
                LOG.warn("Request {} not answered; closing the connection", requestId, failure);
                ctx.close();
                return;
              }
              write(ctx, answer, requestId, keepAlive);
              ctx.flush();
            },
            ctx.executor());
  }

  /** The JSON call a request is, or null when it is something else. */
  private static JsonCall.Request jsonCall(FullHttpRequest request, String requestId) {
    HttpHeaders headers = request.headers();
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
    boolean hasBody = request.content().isReadable();
    if (request.decoderResult().isFailure()
        || !request.method().equals(HttpMethod.POST)
        || RestCall.isLambda(request.uri())
        || (hasBody && !ContentTypes.accepted(contentType))) {
      return null;
    }
    return new JsonCall.Request(
        requestId,
        CredentialScope.region(headers.get(HttpHeaderNames.AUTHORIZATION), request.uri()),
        headers.get(HttpHeaderNames.HOST),
        headers.get(TARGET),
        contentType,
        headers.get(HttpHeaderNames.CONTENT_ENCODING),
        headers.get(HttpHeaderNames.ACCEPT_ENCODING),
        ByteBufUtil.getBytes(request.content()));
  }

  /** The answer to a request that is not a JSON call. */
  private static HttpReply immediateReply(FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      return HttpReply.badRequest();
    }
    if (request.method().equals(HttpMethod.GET) && path(request.uri()).equals("/")) {
      String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
      return HttpReply.health(CredentialScope.region(authorization, request.uri()));
    }
    return HttpReply.unknownOperationPage();
  }

  /** The path of a request URI, undecoded: only "/" matters, and "%zz" must not throw. */
  private static String path(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private static void write(
      ChannelHandlerContext ctx, HttpReply reply, String requestId, boolean keepAlive) {
    var written = ctx.write(reply.toHttpResponse(requestId, keepAlive));
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Connection-level trouble (reset by peer, TLS, ...): nothing to answer.
    LOG.debug("Closing connection {}", ctx.channel(), cause);
    ctx.close();
  }
}

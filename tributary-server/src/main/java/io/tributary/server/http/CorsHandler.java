package io.tributary.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;

/**
 * Answers CORS preflight requests ({@code OPTIONS} with an Origin) and adds the CORS headers to
 * every other answer, as {@link CorsPolicy} says. Answers leave in the order their requests came,
 * so the origins of requests still being answered wait in a queue.
 */
final class CorsHandler extends ChannelDuplexHandler {
  private static final String NO_ORIGIN = "";

  private final CorsPolicy policy;
  private final ArrayDeque<String> origins = new ArrayDeque<>();

  CorsHandler(CorsPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request) {
      String origin = request.headers().get(HttpHeaderNames.ORIGIN);
      if (origin != null && request.method().equals(HttpMethod.OPTIONS)) {
        try {
          answerPreflight(ctx, request);
        } finally {
          request.release();
        }
        return;
      }
      origins.add(origin == null ? NO_ORIGIN : origin);
    }
    ctx.fireChannelRead(msg);
  }

  private void answerPreflight(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    FullHttpResponse response =
        HttpReply.empty().toHttpResponse(RequestIds.next(), keepAlive);
    policy.addPreflightHeaders(request.headers(), response.headers());
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response && !origins.isEmpty()) {
      String origin = origins.poll();
      if (!origin.isEmpty()) {
        policy.addResponseHeaders(origin, response.headers());
      }
    }
    ctx.write(msg, promise);
  }
}

package io.tributary.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Gathers a request into one message, refusing bodies over DynamoDB's limit of 16 MB (16,777,216
 * bytes exactly is still taken) with DynamoDB's bare 413. The limit applies to the body as sent,
 * as in DynamoDB; {@link RequestEncoding} limits a decompressed body separately.
 *
 * <p>When the client declared a length over the limit and keeps the connection alive, the answer
 * goes out at once and the rest of the body is read and dropped, so that the client sees the 413
 * instead of a connection reset in the middle of its upload.
 */
final class RequestSizeLimit extends HttpObjectAggregator {
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  RequestSizeLimit() {
    super(MAX_BODY_BYTES);
  }

  /**
   * A client that waits for "100 Continue" before sending a body over the limit gets the same 413
   * as one that sends it, instead of Netty's own, and may send its next request.
   */
  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof HttpResponse refusal
        && refusal.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      ReferenceCountUtil.release(refusal);
      return HttpReply.tooLarge().toHttpResponse(RequestIds.next(), HttpUtil.isKeepAlive(start));
    }
    return response;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
    var written =
        ctx.writeAndFlush(HttpReply.tooLarge().toHttpResponse(RequestIds.next(), keepAlive));
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}

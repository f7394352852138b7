package io.tributary.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.Executor;

/**
 * The handlers of one connection: HTTP/1.1 codec, then the size limit that gathers each request,
 * then CORS, then the router.
 *
 * <p>Content coding is not a stage here. A request body is decompressed on the worker thread,
 * after the size limit has been applied to it as sent (as DynamoDB applies it), so that a bad
 * gzip gets DynamoDB's answer with a request id; a response is compressed on the worker thread
 * too, because its x-amz-crc32 header must cover the compressed bytes and so must be known
 * before the headers are written.
 */
final class Pipeline extends ChannelInitializer<SocketChannel> {
  private final JsonCall calls;
  private final RestCall rest;
  private final CorsPolicy cors;
  private final Executor workers;

  Pipeline(JsonCall calls, RestCall rest, CorsPolicy cors, Executor workers) {
    this.rest = rest;
    this.calls = calls;
    this.cors = cors;
    this.workers = workers;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("codec", new HttpServerCodec());
    pipeline.addLast("size-limit", new RequestSizeLimit());
    pipeline.addLast("cors", new CorsHandler(cors));
    pipeline.addLast("router", new Router(calls, rest, workers));
  }
}

package io.tributary.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket, its event loops (epoll where available, NIO otherwise) and the worker
 * threads that run actions.
 *
 * <p>Workers are a fixed pool of platform threads, not virtual threads: actions spend their time
 * in RocksDB's JNI calls (an fsync per write with synced writes), and a thread in a native call
 * keeps its carrier, so virtual threads would cap concurrent writes at the number of cores and
 * starve RocksDB's group commit. The queue needs no bound of its own: each connection has at most
 * one request in flight (the router stops reading until it is answered), so it never holds more
 * than one task per open connection.
 */
public final class HttpFrontEnd implements AutoCloseable {
  private final EventLoopGroup eventLoops;
  private final ExecutorService workers;
  private final Channel channel;

  private HttpFrontEnd(EventLoopGroup eventLoops, ExecutorService workers, Channel channel) {
    this.eventLoops = eventLoops;
    this.workers = workers;
    this.channel = channel;
  }

  /**
   * Starts listening on {@code host:port} (port 0 picks a free one), serving DynamoDB's API only:
   * DynamoDB Streams targets are unknown operations.
   *
   * @param corsOrigins the browser origins allowed, {@code *} for any
   */
  public static HttpFrontEnd bind(
      String host, int port, Operations dynamoDb, String accountId, List<String> corsOrigins) {
    return bind(host, port, Services.dynamoDb(dynamoDb), accountId, corsOrigins);
  }

  /**
   * Starts listening on {@code host:port} (port 0 picks a free one).
   *
   * @param services what runs the actions of each service served
   * @param corsOrigins the browser origins allowed, {@code *} for any
   */
  public static HttpFrontEnd bind(
      String host, int port, Services services, String accountId, List<String> corsOrigins) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup eventLoops =
        new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("tributary-io", true), io);
    ExecutorService workers = workerPool();
    Pipeline pipeline =
        new Pipeline(
            new JsonCall(services, accountId, RequestSizeLimit.MAX_BODY_BYTES),
            new RestCall(services.lambda()),
            new CorsPolicy(corsOrigins),
            workers);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(eventLoops)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(pipeline)
              .bind(host, port)
              .syncUninterruptibly()
              .channel();
      return new HttpFrontEnd(eventLoops, workers, channel);
    } catch (RuntimeException e) {
      eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownNow();
      throw e;
    }
  }

  private static ExecutorService workerPool() {
    int threads = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DefaultThreadFactory("tributary-worker", true));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The port actually listened on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops accepting, closes connections, and waits briefly for actions in flight to finish. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

package io.tributary.bench.rate;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The network side of a constant-rate run: keep-alive HTTP/1.1 connections with at most one request
 * in flight each, all on one event loop thread, which also keeps the schedule's clock.
 *
 * <p>One thread because the client shares the machine's cores with the server: every request costs
 * it a write, a read and a timer wake-up, and nothing else. Epoll where available, because its
 * timers wake the loop within microseconds of a request's time; NIO's selector counts its timeout
 * in milliseconds, and a request sent up to a millisecond late would be charged to the server.
 */
final class RateClient implements AutoCloseable {
  private static final long RECONNECT_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final Requests requests;
  private final String host;
  private final int port;
  private final List<Connection> ready = new ArrayList<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private OpenLoopSchedule<Connection> schedule;
  private volatile boolean closing;

  private RateClient(String host, int port, Requests requests) {
    boolean epoll = Epoll.isAvailable();
    this.group =
        new MultiThreadIoEventLoopGroup(
            1,
            new DefaultThreadFactory("rate-client", true),
            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.loop = group.next();
    this.host = host;
    this.port = port;
    this.requests = requests;
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(new HttpResponseDecoder(), new Connection());
                  }
                });
  }

  /** Whether the epoll transport runs this client (timers to the microsecond). */
  static boolean precise() {
    return Epoll.isAvailable();
  }

  /** Opens {@code connections} connections to {@code host:port}; fails if one cannot be opened. */
  static RateClient connect(String host, int port, int connections, Requests requests) {
    RateClient client = new RateClient(host, port, requests);
    try {
      for (int i = 0; i < connections; i++) {
        client.bootstrap.connect(host, port).syncUninterruptibly();
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return client;
  }

  /**
   * Sends requests at {@code rate} per second for {@code warmupNanos} unmeasured, then for {@code
   * durationNanos} measured, then waits up to {@code drainNanos} for the answers still due.
   *
   * @param measuring called (on the calling thread) when the measured part starts
   */
  RateResult run(
      double rate, long warmupNanos, long durationNanos, long drainNanos, Runnable measuring)
      throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long measureFrom = start + warmupNanos;
    long end = measureFrom + durationNanos;
    onLoop(
        () -> {
          schedule = new OpenLoopSchedule<>(start, rate, measureFrom, end, Connection::send);
          long now = System.nanoTime();
          for (Connection connection : ready) {
            schedule.connected(connection, now);
          }
          ready.clear();
          loop.schedule(this::tick, start - now, TimeUnit.NANOSECONDS);
          loop.schedule(done::countDown, end + drainNanos - now, TimeUnit.NANOSECONDS);
        });
    for (long wait; (wait = measureFrom - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(wait);
    }
    long cpuBefore = processCpuNanos();
    measuring.run();
    long timeout = end + drainNanos - System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    if (!done.await(timeout, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("the client's event loop did not finish the run");
    }
    long cpu = processCpuNanos() - cpuBefore;
    RateResult[] result = new RateResult[1];
    onLoop(() -> result[0] = schedule.result(rate, cpu));
    return result[0];
  }

  // This JVM's CPU time, all threads (the event loop, GC, JIT), in nanoseconds.
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void tick() {
    long now = System.nanoTime();
    schedule.advance(now);
    long next = schedule.nextIntendedNanos();
    if (next >= 0) {
      loop.schedule(this::tick, next - now, TimeUnit.NANOSECONDS);
    } else if (schedule.finished()) {
      done.countDown();
    }
  }

  private void onLoop(Runnable task) throws InterruptedException {
    try {
      loop.submit(task).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void reconnect() {
    if (closing) {
      return;
    }
    loop.schedule(
        () -> {
          if (!closing) {
            bootstrap
                .connect(host, port)
                .addListener(
                    connected -> {
                      if (!connected.isSuccess()) {
                        reconnect();
                      }
                    });
          }
        },
        RECONNECT_DELAY_NANOS,
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    closing = true;
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One connection: what is in flight on it, and its answers back to the schedule. */
  private final class Connection extends ChannelInboundHandlerAdapter {
    private Channel channel;
    private boolean busy;
    private long intendedNanos;
    private int status;

    void send(long intended) {
      busy = true;
      intendedNanos = intended;
      status = 0;
      channel.writeAndFlush(requests.next(channel.alloc()), channel.voidPromise());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      channel = ctx.channel();
      if (schedule == null) {
        ready.add(this);
      } else {
        schedule.connected(this, System.nanoTime());
      }
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpResponse response) {
          status = response.status().code();
        }
        if (msg instanceof LastHttpContent && busy) {
          busy = false;
          long now = System.nanoTime();
          // Requests whose time came while the timer had not fired yet go first, in order.
          schedule.advance(now);
          schedule.answered(this, intendedNanos, status >= 200 && status < 300, now);
          if (schedule.finished()) {
            done.countDown();
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      ready.remove(this);
      if (schedule != null) {
        schedule.closed(this);
        if (busy) {
          busy = false;
          schedule.lost(intendedNanos);
          if (schedule.finished()) {
            done.countDown();
          }
        }
      }
      // The server closed the connection (or it failed): open another, as a browser would.
      reconnect();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}

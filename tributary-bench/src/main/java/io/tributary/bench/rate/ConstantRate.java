package io.tributary.bench.rate;

import io.tributary.server.http.NettyDefaults;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends GetItem or PutItem requests at a constant rate over keep-alive connections and prints their
 * latency percentiles, measured from each request's intended send time:
 *
 * <pre>{@code
 * java -cp tributary-bench/target/benchmarks.jar io.tributary.bench.rate.ConstantRate \
 *     --endpoint http://127.0.0.1:8765 --keys keys.txt --op getitem --rate 10000 \
 *     --duration 30 --warmup 10 --connections 32
 * }</pre>
 *
 * <p>The requests are the wrk scripts' ({@code tributary-bench/wrk/}): table {@code usertable}, key
 * attribute {@code id} (S), a random key of the keys file (one a line, as {@code
 * io.tributary.bench.ycsb.KeyList} prints them). Request {@code i} is meant to go out at {@code
 * start + i / rate}; it takes a free connection then, or waits for one (each connection has at most
 * one request in flight). Flags: {@code --endpoint} (http://127.0.0.1:8765), {@code --keys}
 * (required), {@code --op} getitem or putitem (getitem), {@code --rate} requests per second
 * (required), {@code --duration} measured seconds (30), {@code --warmup} seconds before, at the
 * same rate, not measured (10), {@code --connections} (32), {@code --drain} seconds to wait after
 * the end for answers still due (10; those not answered by then are errors).
 *
 * <p>Prints {@code constant rate: warmed up, measuring} when the measured part starts (the driver
 * counts the server's CPU time from there), then a summary, then one line for the driver: {@code
 * RATE_RESULT requests=.. duration_us=.. target_rate=.. achieved_rate=.. p50_us=.. p90_us=..
 * p99_us=.. p999_us=.. max_us=.. non2xx=.. errors=.. unanswered=.. queued=.. send_lag_p50_us=..
 * send_lag_p99_us=.. client_cpu_us_per_op=..}. {@code errors} counts non-2xx answers, requests lost
 * with a connection and requests unanswered at the end; {@code queued} the requests that waited for
 * a free connection; {@code send_lag_p50_us} and {@code send_lag_p99_us} how late requests went out
 * (the client's own lateness plus that wait; part of every latency), so that a client too busy to
 * keep time shows itself. {@code client_cpu_us_per_op} is this JVM's CPU time (all threads) over
 * the measured part, per request.
 */
public final class ConstantRate {
  private ConstantRate() {}

  /** The command line. */
  record Settings(
      URI endpoint,
      Path keys,
      Requests.Operation operation,
      double rate,
      double durationSeconds,
      double warmupSeconds,
      int connections,
      double drainSeconds) {

    static Settings parse(String[] args) {
      URI endpoint = URI.create("http://127.0.0.1:8765");
      Path keys = null;
      Requests.Operation operation = Requests.Operation.GETITEM;
      double rate = 0;
      double duration = 30;
      double warmup = 10;
      int connections = 32;
      double drain = 10;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--endpoint" -> endpoint = URI.create(value);
          case "--keys" -> keys = Path.of(value);
          case "--op" -> operation = Requests.Operation.named(value);
          case "--rate" -> rate = Double.parseDouble(value);
          case "--duration" -> duration = Double.parseDouble(value);
          case "--warmup" -> warmup = Double.parseDouble(value);
          case "--connections" -> connections = Integer.parseInt(value);
          case "--drain" -> drain = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
      }
      if (keys == null) {
        throw new IllegalArgumentException("--keys is required");
      }
      if (!(rate > 0)) {
        throw new IllegalArgumentException("--rate is required, above 0");
      }
      if (!(duration > 0) || warmup < 0 || drain < 0 || connections < 1) {
        throw new IllegalArgumentException(
            "--duration above 0, --warmup and --drain 0 or more," + " --connections 1 or more");
      }
      if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
        throw new IllegalArgumentException("--endpoint is http://host:port");
      }
      return new Settings(endpoint, keys, operation, rate, duration, warmup, connections, drain);
    }

    int port() {
      return endpoint.getPort() < 0 ? 80 : endpoint.getPort();
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ConstantRate: " + e.getMessage());
      System.err.println(
          "usage: ConstantRate --keys FILE --rate N [--endpoint http://127.0.0.1:8765]"
              + " [--op getitem|putitem] [--duration 30] [--warmup 10] [--connections 32]"
              + " [--drain 10]");
      System.exit(2);
      return;
    }
    NettyDefaults.apply();
    List<String> keys =
        Files.readAllLines(settings.keys(), StandardCharsets.US_ASCII).stream()
            .filter(line -> !line.isEmpty())
            .toList();
    String host = settings.endpoint().getHost();
    Requests requests = new Requests(settings.operation(), host + ":" + settings.port(), keys);
    if (!RateClient.precise()) {
      System.err.println(
          "ConstantRate: no epoll here; NIO's timers are in milliseconds, so requests may go out"
              + " up to a millisecond late, and that lateness counts in their latency");
    }
    System.out.printf(
        "%s %s at %,.0f/s for %.0f s after %.0f s of warm-up, %d connections, %,d keys%n",
        settings.operation().target(),
        settings.endpoint(),
        settings.rate(),
        settings.durationSeconds(),
        settings.warmupSeconds(),
        settings.connections(),
        keys.size());
    System.out.flush();
    RateResult result;
    try (RateClient client =
        RateClient.connect(host, settings.port(), settings.connections(), requests)) {
      result =
          client.run(
              settings.rate(),
              nanos(settings.warmupSeconds()),
              nanos(settings.durationSeconds()),
              nanos(settings.drainSeconds()),
              () -> {
                // The side-by-side driver starts counting the server's CPU time here.
                System.out.println("constant rate: warmed up, measuring");
                System.out.flush();
              });
    }
    System.out.print(result.summary());
    System.out.println(result.line());
  }

  private static long nanos(double seconds) {
    return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }
}

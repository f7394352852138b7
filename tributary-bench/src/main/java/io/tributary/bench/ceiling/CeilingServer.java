package io.tributary.bench.ceiling;

import io.tributary.engine.EngineConfig;
import io.tributary.server.http.HttpFrontEnd;
import io.tributary.server.http.NettyDefaults;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the ceiling server in the foreground until SIGTERM or Ctrl-C, as the side-by-side driver
 * runs the real servers:
 *
 * <pre>{@code
 * java -cp tributary-bench/target/benchmarks.jar io.tributary.bench.ceiling.CeilingServer --port 8000
 * }</pre>
 *
 * Flags: {@code --port N} (default 8000; 0 picks a free one), {@code --host H} (default
 * 127.0.0.1).
 */
public final class CeilingServer {
  private CeilingServer() {}

  public static void main(String[] args) throws InterruptedException {
    NettyDefaults.apply();
    String host = "127.0.0.1";
    int port = 8000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        default -> {
          System.err.println("usage: CeilingServer [--port N] [--host H]");
          System.exit(2);
        }
      }
    }
    HttpFrontEnd http =
        HttpFrontEnd.bind(
            host, port, new CannedOperations(), EngineConfig.DEFAULT_ACCOUNT_ID, List.of("*"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.close();
                  stopped.countDown();
                },
                "ceiling-shutdown"));
    System.out.println("Ceiling listening on http://" + host + ":" + http.port());
    System.out.flush();
    stopped.await();
  }
}

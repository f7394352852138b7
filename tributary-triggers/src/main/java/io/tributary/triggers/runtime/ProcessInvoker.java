package io.tributary.triggers.runtime;

import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.logs.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each function in processes of its own, as Lambda runs it in execution environments: a
 * process starts on the first invocation and stays warm for the next ones, one invocation at a
 * time; invocations that overlap get more processes, up to a small cap per function. Each process
 * speaks the Lambda Runtime API to a server of its own on 127.0.0.1.
 *
 * <p>Packages are unpacked under {@code <workDirectory>/functions/}, Tributary's Python and Node
 * bootstraps are written to {@code <workDirectory>/runtime/}, and what each process prints goes
 * through a file in {@code <workDirectory>/output/}.
 */
public final class ProcessInvoker implements Invoker {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessInvoker.class);

  /** At most this many environments of one function run at once; more invocations wait. */
  static final int ENVIRONMENTS_PER_FUNCTION = 4;

  /** An environment left idle this long is stopped, as Lambda reclaims idle ones. */
  static final Duration IDLE_LIFETIME = Duration.ofMinutes(10);

  private static final List<String> BUILT_IN_BOOTSTRAPS =
      List.of("python/bootstrap.py", "node/bootstrap.cjs");

  private final LogSink logs;
  private final Clock clock;
  private final int cap;
  private final Path functionsDir;
  private final Path runtimeDir;
  private final Path outputDir;
  private final ScheduledThreadPoolExecutor sweeper;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();
  private volatile URI endpoint;
  private volatile boolean closed;

  public ProcessInvoker(TriggersConfig config, LogSink logs, Clock clock) {
    this(config, logs, clock, ENVIRONMENTS_PER_FUNCTION);
  }

  ProcessInvoker(TriggersConfig config, LogSink logs, Clock clock, int cap) {
    this.logs = logs;
    this.clock = clock;
    this.cap = cap;
    Path work = config.workDirectory().toAbsolutePath();
    this.functionsDir = work.resolve("functions");
    this.runtimeDir = work.resolve("runtime");
    this.outputDir = work.resolve("output");
    try {
      // Packages and output left by an earlier run belong to environments that no longer exist.
      DeploymentPackage.delete(functionsDir);
      DeploymentPackage.delete(outputDir);
      Files.createDirectories(functionsDir);
      Files.createDirectories(outputDir);
      writeBuiltInBootstraps(runtimeDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + work + " for functions", e);
    }
    this.sweeper =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("tributary-function-sweeper").factory());
    sweeper.setRemoveOnCancelPolicy(true);
    sweeper.scheduleWithFixedDelay(() -> stopIdle(IDLE_LIFETIME), 1, 1, TimeUnit.MINUTES);
  }

  /** Whether this invoker can run functions of {@code runtime} (such as {@code python3.12}). */
  public static boolean supports(String runtime) {
    return Bootstrap.of(runtime).isPresent();
  }

  @Override
  public void serving(URI endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Invocation invoke(
      FunctionDefinition function, byte[] code, byte[] payload, String requestId) {
    var bootstrap = Bootstrap.of(function.runtime());
    if (bootstrap.isEmpty()) {
      return ExecutionEnvironment.notStarted(
          function,
          requestId,
          new Bootstrap.NotStartable(
              "Runtime.InvalidEntrypoint",
              "Tributary cannot run functions of runtime " + function.runtime()),
          logs,
          clock);
    }
    while (true) {
      if (closed) {
        throw new IllegalStateException("The invoker is closed");
      }
      EnvironmentPool pool;
      ExecutionEnvironment environment;
      try {
        pool = pool(function, code);
        environment =
            pool.acquire(
                (f, taskRoot) ->
                    new ExecutionEnvironment(
                        f,
                        bootstrap.get(),
                        taskRoot,
                        runtimeDir,
                        outputDir,
                        endpoint,
                        logs,
                        clock,
                        handlers));
      } catch (Bootstrap.NotStartable e) {
        return ExecutionEnvironment.notStarted(function, requestId, e, logs, clock);
      } catch (IOException e) {
        return ExecutionEnvironment.notStarted(
            function,
            requestId,
            new Bootstrap.NotStartable(
                "Runtime.InvalidEntrypoint", "Could not unpack the deployment package: " + e),
            logs,
            clock);
      } catch (EnvironmentPool.Retired retired) {
        // The function changed while this invocation waited for an environment: run the new one.
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("Interrupted while waiting for an environment");
      }
      try {
        return environment.invoke(requestId, payload);
      } finally {
        pool.release(environment);
        if (pool.retired()) {
          deleteIfEmpty(pool);
        }
      }
    }
  }

  /** The function's current pool; a new one (its package unpacked afresh) if it changed. */
  private EnvironmentPool pool(FunctionDefinition function, byte[] code) throws IOException {
    EnvironmentPool pool = pools.get(function.arn());
    if (pool != null && pool.function().equals(function)) {
      return pool;
    }
    synchronized (this) {
      pool = pools.get(function.arn());
      if (pool != null && pool.function().equals(function)) {
        return pool;
      }
      if (pool != null) {
        retire(function.arn());
      }
      byte[] name = new byte[8];
      ThreadLocalRandom.current().nextBytes(name);
      Path taskRoot = functionsDir.resolve(function.name()).resolve(HexFormat.of().formatHex(name));
      DeploymentPackage.unpack(code, taskRoot);
      EnvironmentPool fresh = new EnvironmentPool(function, taskRoot, cap);
      pools.put(function.arn(), fresh);
      return fresh;
    }
  }

  @Override
  public void retire(String functionArn) {
    EnvironmentPool pool = pools.remove(functionArn);
    if (pool == null) {
      return;
    }
    stop(pool.retire());
    deleteIfEmpty(pool);
  }

  /** Stops environments together: SIGTERM to all, then a shared grace before SIGKILL. */
  private static void stop(List<ExecutionEnvironment> environments) {
    environments.forEach(ExecutionEnvironment::stop);
    environments.forEach(ExecutionEnvironment::awaitStopped);
  }

  private void deleteIfEmpty(EnvironmentPool pool) {
    if (!pool.empty()) {
      return;
    }
    try {
      DeploymentPackage.delete(pool.taskRoot());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", pool.taskRoot(), e);
    }
  }

  /** Stops the environments idle for longer than {@code lifetime}, in the background. */
  void stopIdle(Duration lifetime) {
    long before = System.nanoTime() - lifetime.toNanos();
    for (EnvironmentPool pool : pools.values()) {
      List<ExecutionEnvironment> idle = pool.removeIdle(e -> e.idleSinceNanos() - before < 0);
      if (!idle.isEmpty()) {
        // Stopping waits out a grace; not on the sweeper's one thread.
        handlers.execute(() -> stop(idle));
      }
    }
  }

  @Override
  public void close() {
    List<ExecutionEnvironment> all = new ArrayList<>();
    List<EnvironmentPool> retired = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (String arn : List.copyOf(pools.keySet())) {
        EnvironmentPool pool = pools.remove(arn);
        if (pool != null) {
          all.addAll(pool.retire());
          all.addAll(pool.all());
          retired.add(pool);
        }
      }
    }
    stop(all);
    sweeper.shutdownNow();
    handlers.shutdownNow();
    retired.forEach(this::deleteIfEmpty);
  }

  private static void writeBuiltInBootstraps(Path runtimeDir) throws IOException {
    for (String name : BUILT_IN_BOOTSTRAPS) {
      Path target = runtimeDir.resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = ProcessInvoker.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("Missing resource " + name);
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}

package io.tributary.triggers.runtime;

import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonWriter;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.logs.LogSink;
import io.tributary.triggers.logs.LogSink.LogEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment: a runtime's process, its Runtime API, and its log stream. It runs one
 * invocation at a time and stays warm between them; a timeout, a crash or an init error ends it.
 */
final class ExecutionEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);

  /**
   * How long a runtime may take to ask for an event, beyond the function's Timeout: Lambda's init
   * phase may last 10 seconds, and an init that overruns is retried within the invocation.
   */
  static final long INIT_LIMIT_MILLIS = 10_000;

  /** How long a runtime may go on after answering before the invocation ends without it. */
  private static final long RUNTIME_DONE_MILLIS = 2_000;

  /** After SIGTERM, how long a stopping runtime has before SIGKILL (as Lambda's shutdown). */
  private static final long STOP_GRACE_MILLIS = 500;

  /** An environment that has printed this much is replaced after its invocation. */
  private static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;

  /** Lines printed between invocations are appended in batches of at most this many. */
  private static final int MAX_PENDING_LINES = 1000;

  private static final DateTimeFormatter STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final FunctionDefinition function;
  private final LogSink logs;
  private final Clock clock;
  private final String logStream;
  private final RuntimeApi api;
  private final Process process;
  private final ProcessOutput output;
  private final long startedNanos;

  private final Object logLock = new Object();
  private final List<LogEvent> pending = new ArrayList<>();
  private InvocationLog current;

  private volatile RuntimeApi.Event running;
  private volatile boolean stopping;
  private volatile List<ProcessHandle> stoppingTree;
  private int invocations;
  private long peakMemoryMegabytes;
  private long idleSinceNanos;

  /**
   * Starts the runtime. It initializes while the first event waits for it.
   *
   * @param endpoint where Tributary answers, or null when not known
   * @param handlers the threads that serve the Runtime API
   */
  ExecutionEnvironment(
      FunctionDefinition function,
      Bootstrap bootstrap,
      Path taskRoot,
      Path runtimeDir,
      Path outputDir,
      URI endpoint,
      LogSink logs,
      Clock clock,
      ExecutorService handlers)
      throws Bootstrap.NotStartable {
    this.function = function;
    this.logs = logs;
    this.clock = clock;
    this.logStream = newLogStream(clock);
    try {
      this.api = new RuntimeApi(handlers, this::delivering);
    } catch (IOException e) {
      throw new Bootstrap.NotStartable("Runtime.Unknown", "Runtime API: " + e.getMessage());
    }
    ProcessOutput followed = null;
    try {
      List<String> command = bootstrap.command(function, taskRoot, runtimeDir);
      Path outputFile = outputDir.resolve(logStream.substring(logStream.indexOf(']') + 1) + ".out");
      try {
        followed =
            ProcessOutput.follow(
                outputFile, clock, this::line, "tributary-function-" + function.name());
      } catch (IOException e) {
        throw new Bootstrap.NotStartable("Runtime.Unknown", "Function output: " + e.getMessage());
      }
      ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
      builder.environment().clear();
      builder
          .environment()
          .putAll(
              EnvironmentVariables.of(
                  function, bootstrap, taskRoot, runtimeDir, api.address(), logStream, endpoint));
      this.startedNanos = System.nanoTime();
      this.process = start(builder, command.get(0));
    } catch (Bootstrap.NotStartable e) {
      api.close();
      if (followed != null) {
        followed.close();
      }
      throw e;
    }
    this.output = followed;
    try {
      // Lambda's runtimes read nothing from stdin.
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Already closed.
    }
    process.onExit().thenRun(this::exited);
  }

  private static Process start(ProcessBuilder builder, String program)
      throws Bootstrap.NotStartable {
    try {
      return builder.start();
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      String reason =
          message.contains("error=13")
              ? "permission denied"
              : message.contains("error=2,") ? "no such file or directory" : message;
      throw new Bootstrap.NotStartable(
          "Runtime.InvalidEntrypoint", "fork/exec " + program + ": " + reason);
    }
  }

  /** {@code yyyy/MM/dd/[$LATEST]} and 32 hex digits, one stream per environment. */
  static String newLogStream(Clock clock) {
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return STREAM_DATE.format(clock.instant()) + "/[$LATEST]" + HexFormat.of().formatHex(random);
  }

  /** Whether it can take another invocation. */
  boolean alive() {
    return !stopping && process.isAlive();
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void markIdle() {
    idleSinceNanos = System.nanoTime();
  }

  /** Runs one invocation and waits for its outcome; at most init, then the function's Timeout. */
  Invocation invoke(String requestId, byte[] payload) {
    boolean cold = invocations++ == 0;
    long timeoutMillis = function.timeoutSeconds() * 1000L;
    RuntimeApi.Event event =
        new RuntimeApi.Event(requestId, payload, function.arn(), timeoutMillis);
    long offeredNanos = System.nanoTime();
    running = event;
    if (process.isAlive()) {
      api.offer(event);
    } else {
      event.outcome.complete(new Outcome.Exited(process.exitValue()));
    }
    Outcome outcome = await(event, offeredNanos);
    if (outcome instanceof Outcome.Response
        || outcome instanceof Outcome.FunctionError
        || outcome instanceof Outcome.ResponseTooLarge) {
      awaitRuntimeDone(event);
    }
    long endNanos = System.nanoTime();
    running = null;
    long beganNanos = event.delivered() ? event.deliveredNanos() : offeredNanos;
    Double initMillis =
        cold
            ? ((event.delivered() ? event.deliveredNanos() : endNanos) - startedNanos) / 1e6
            : null;
    return finish(event, outcome, (endNanos - beganNanos) / 1e6, initMillis);
  }

  /**
   * Waits for the invocation's outcome: its Timeout runs from the moment the runtime took the
   * event; until then, the runtime has its init time on top.
   */
  private static Outcome await(RuntimeApi.Event event, long offeredNanos) {
    long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(event.timeoutMillis);
    boolean interrupted = false;
    while (true) {
      long deadline =
          event.delivered()
              ? event.deliveredNanos() + timeoutNanos
              : offeredNanos + TimeUnit.MILLISECONDS.toNanos(INIT_LIMIT_MILLIS) + timeoutNanos;
      long wait = deadline - System.nanoTime();
      if (wait <= 0) {
        event.outcome.complete(new Outcome.TimedOut());
      }
      try {
        // Until the runtime takes the event, its taking it also ends the wait: the deadline moves.
        (event.delivered() ? event.outcome : CompletableFuture.anyOf(event.outcome, event.delivery))
            .get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        if (event.outcome.isDone()) {
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          return event.outcome.join();
        }
      } catch (TimeoutException e) {
        // Delivered meanwhile (its deadline moved), or timed out: look again.
      } catch (InterruptedException e) {
        // An invocation runs to its end (at most its Timeout); the caller learns of the interrupt.
        interrupted = true;
      } catch (ExecutionException e) {
        throw new IllegalStateException("outcomes are never exceptional", e);
      }
    }
  }

  /**
   * Waits, briefly, for the runtime to ask for its next event after it answered, which is when
   * Lambda ends the invocation and its log.
   */
  private void awaitRuntimeDone(RuntimeApi.Event event) {
    try {
      CompletableFuture.anyOf(event.runtimeDone, process.onExit())
          .get(RUNTIME_DONE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The runtime lingers: the invocation ends without it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The runtime takes the event: the invocation starts. */
  private void delivering(RuntimeApi.Event event) {
    // What init printed belongs before START.
    output.drain();
    synchronized (logLock) {
      current = new InvocationLog();
      current.start(clock.millis(), event.requestId);
    }
  }

  private Invocation finish(
      RuntimeApi.Event event, Outcome outcome, double durationMillis, Double initMillis) {
    long memory = memoryMegabytes();
    String requestId = event.requestId;
    List<String> platformLines = new ArrayList<>();
    String status = null;
    String errorType = null;
    String functionError = "Unhandled";
    byte[] payload;
    switch (outcome) {
      case Outcome.Response response -> {
        output.drain();
        payload = response.payload();
        functionError = null;
      }
      case Outcome.FunctionError error -> {
        output.drain();
        payload = error.document();
      }
      case Outcome.ResponseTooLarge tooLarge -> {
        output.drain();
        payload =
            error(
                "Function.ResponseSizeTooLarge",
                "Response payload size exceeded maximum allowed payload size ("
                    + RuntimeApi.MAX_RESPONSE_BYTES
                    + " bytes).");
      }
      case Outcome.InitError error -> {
        kill();
        output.drain();
        payload = error.document();
        status = "error";
        errorType = error.errorType();
      }
      case Outcome.TimedOut timedOut -> {
        kill();
        output.drain();
        String message = "Task timed out after " + function.timeoutSeconds() + ".00 seconds";
        platformLines.add(LINE_TIME.format(clock.instant()) + " " + requestId + " " + message);
        payload = error("Sandbox.Timedout", "RequestId: " + requestId + " Error: " + message);
        status = "timeout";
      }
      case Outcome.Exited exited -> {
        output.drain();
        String message =
            "RequestId: "
                + requestId
                + " Error: Runtime exited with error: "
                + exitReason(exited.status());
        platformLines.add(message + "\nRuntime.ExitError");
        payload = error("Runtime.ExitError", message);
        status = "error";
        errorType = "Runtime.ExitError";
      }
      case Outcome.NotStarted notStarted ->
          throw new IllegalStateException("a started environment: " + notStarted);
    }
    long now = clock.millis();
    InvocationLog log;
    List<LogEvent> batch;
    synchronized (logLock) {
      log = current;
      current = null;
      if (log == null) {
        log = new InvocationLog();
        log.start(now, requestId);
      }
      for (String line : platformLines) {
        log.line(now, line);
      }
      log.end(now, requestId);
      log.report(
          now,
          new InvocationLog.Report(
              requestId,
              durationMillis,
              function.memorySize(),
              memory,
              initMillis,
              status,
              errorType));
      batch = new ArrayList<>(pending);
      pending.clear();
      batch.addAll(log.events());
    }
    append(batch);
    if (status != null || output.size() > MAX_OUTPUT_BYTES) {
      // A timeout, a crash or a failed init ends the environment; the pool stops what is left.
      // So does a large output, to make room: its file only grows.
      stopping = true;
    }
    return new Invocation(payload, functionError, log.tail());
  }

  /**
   * What Lambda answers when the runtime could not even be started, with the log it writes for it
   * (in a stream of its own, as a new environment's).
   */
  static Invocation notStarted(
      FunctionDefinition function,
      String requestId,
      Bootstrap.NotStartable reason,
      LogSink logs,
      Clock clock) {
    String message = "RequestId: " + requestId + " Error: " + reason.getMessage();
    long now = clock.millis();
    InvocationLog log = new InvocationLog();
    log.start(now, requestId);
    log.line(now, message + "\n" + reason.errorType);
    log.end(now, requestId);
    log.report(
        now,
        new InvocationLog.Report(
            requestId, 0, function.memorySize(), 0, 0.0, "error", reason.errorType));
    try {
      logs.append(function.region(), function.logGroup(), newLogStream(clock), log.events());
    } catch (RuntimeException e) {
      LOG.warn("Could not write the log of {} ({})", function.name(), requestId, e);
    }
    return new Invocation(error(reason.errorType, message), "Unhandled", log.tail());
  }

  /** As Lambda's runtime supervisor (written in Go) words a process's end. */
  private static String exitReason(int status) {
    return switch (status) {
      case 128 + 9 -> "signal: killed";
      case 128 + 15 -> "signal: terminated";
      case 128 + 11 -> "signal: segmentation fault";
      case 128 + 6 -> "signal: aborted";
      default -> "exit status " + status;
    };
  }

  private static byte[] error(String type, String message) {
    return JsonWriter.write(
        JsonBuilder.object().put("errorType", type).put("errorMessage", message).build());
  }

  /** A line the process printed: part of the running invocation's log, or of the stream's. */
  private void line(long timestamp, String text) {
    List<LogEvent> batch = null;
    synchronized (logLock) {
      if (current != null) {
        current.line(timestamp, text);
        return;
      }
      pending.add(new LogEvent(timestamp, text + "\n"));
      if (pending.size() >= MAX_PENDING_LINES) {
        batch = new ArrayList<>(pending);
        pending.clear();
      }
    }
    append(batch);
  }

  private void append(List<LogEvent> batch) {
    if (batch == null || batch.isEmpty()) {
      return;
    }
    try {
      logs.append(function.region(), function.logGroup(), logStream, batch);
    } catch (RuntimeException e) {
      // The function's answer matters more than its log.
      LOG.warn("Could not write to {} {}", function.logGroup(), logStream, e);
    }
  }

  private void exited() {
    RuntimeApi.Event event = running;
    if (event != null) {
      event.outcome.complete(new Outcome.Exited(process.exitValue()));
    }
  }

  /**
   * The peak resident memory of the process and its children, in MB (Linux's {@code VmHWM}); the
   * last known figure once the process is gone.
   */
  private long memoryMegabytes() {
    long kilobytes = peakKilobytes(process.pid());
    if (kilobytes > 0) {
      for (ProcessHandle child : process.descendants().toList()) {
        kilobytes += Math.max(0, peakKilobytes(child.pid()));
      }
      peakMemoryMegabytes = Math.max(peakMemoryMegabytes, (kilobytes + 1023) / 1024);
    }
    return peakMemoryMegabytes;
  }

  private static long peakKilobytes(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException gone) {
      // Not Linux, or the process has ended.
    }
    return -1;
  }

  /** Kills the runtime and everything it started, at once (a timeout, a failed init). */
  private void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks the runtime to stop (SIGTERM); {@link #awaitStopped} finishes the job. */
  synchronized void stop() {
    if (stoppingTree != null) {
      return;
    }
    stopping = true;
    // The Runtime API closes only once the process has ended (in awaitStopped), so that a runtime
    // does not complain into its log about an API that went away.
    // Taken now: once the runtime has ended, its children are no longer its descendants.
    stoppingTree = process.descendants().toList();
    process.destroy();
    stoppingTree.forEach(ProcessHandle::destroy);
  }

  /**
   * Waits for the process to end, kills what is left after the grace, and writes the last lines.
   */
  void awaitStopped() {
    stop();
    try {
      if (!process.waitFor(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        kill();
        process.waitFor(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    // Children that outlived their parent could go on writing to the output.
    stoppingTree.forEach(ProcessHandle::destroyForcibly);
    api.close();
    output.close();
    List<LogEvent> batch;
    synchronized (logLock) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    append(batch);
  }
}

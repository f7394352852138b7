package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.text;
import static io.tributary.triggers.runtime.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Execution environments: warm reuse, concurrency, timeouts, crashes, retiring and closing, as seen
 * through Python functions (the quickest to start).
 */
@Timeout(120)
class ProcessInvokerTest extends InvokerFixture {
  @BeforeAll
  static void pythonIsThere() {
    assumePython();
  }

  private static final String PID =
      """
      import os, time
      def handler(event, context):
          time.sleep(event.get("sleep", 0))
          return os.getpid()
      """;

  private static long pid(Invocation invocation) {
    assertThat(invocation.failed()).as(text(invocation.payload())).isFalse();
    return Long.parseLong(text(invocation.payload()));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void aWarmEnvironmentIsReusedAndQuickerThanTheColdStart() {
    Deployed f = python("warm", 3, PID);

    long coldStart = System.nanoTime();
    long first = pid(f.invoke(invoker, "{}", "req-cold"));
    long cold = System.nanoTime() - coldStart;
    long warmStart = System.nanoTime();
    Invocation second = f.invoke(invoker, "{}", "req-warm");
    long warm = System.nanoTime() - warmStart;

    assertThat(pid(second)).isEqualTo(first);
    assertThat(warm).isLessThan(cold);
    assertThat(logs.messages())
        .filteredOn(m -> m.startsWith("REPORT"))
        .satisfiesExactly(
            report -> assertThat(report).contains("\tInit Duration: "),
            report -> assertThat(report).doesNotContain("Init Duration"));
    assertThat(logs.events().stream().map(e -> e.stream()).distinct()).hasSize(1);
  }

  @Test
  void overlappingInvocationsGetEnvironmentsOfTheirOwn() throws Exception {
    Deployed f = python("overlap", 10, PID);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<Invocation>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String id = "req-" + i;
        calls.add(callers.submit(() -> f.invoke(invoker, "{\"sleep\": 1}", id)));
      }
      Set<Long> pids = new HashSet<>();
      for (Future<Invocation> call : calls) {
        pids.add(pid(call.get()));
      }
      assertThat(pids).hasSize(3);
    } finally {
      callers.shutdown();
    }
    // Three environments, three log streams.
    assertThat(logs.events().stream().map(e -> e.stream()).distinct()).hasSize(3);
  }

  @Test
  void beyondTheCapInvocationsWaitForAnEnvironment() throws Exception {
    invoker.close();
    invoker = new ProcessInvoker(Fixtures.config(work), logs, Clock.systemUTC(), 1);
    Deployed f = python("capped", 10, PID);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<Invocation> a = callers.submit(() -> f.invoke(invoker, "{\"sleep\": 0.5}", "a"));
      Future<Invocation> b = callers.submit(() -> f.invoke(invoker, "{\"sleep\": 0.5}", "b"));
      assertThat(pid(a.get())).isEqualTo(pid(b.get()));
    } finally {
      callers.shutdown();
    }
  }

  @Test
  void aTimeoutKillsTheProcessAndIsReportedAsLambdaDoes() {
    Deployed f =
        python(
            "slow",
            1,
            """
            import os, time
            def handler(event, context):
                print("pid", os.getpid())
                time.sleep(30)
            """);

    long started = System.nanoTime();
    Invocation result = f.invoke(invoker, "{}", "req-t");

    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: req-t Error: Task"
                + " timed out after 1.00 seconds\"}");
    long pid =
        Long.parseLong(
            logs.messages().stream()
                .filter(m -> m.startsWith("pid "))
                .findFirst()
                .orElseThrow()
                .substring(4)
                .strip());
    assertThat(alive(pid)).isFalse();
    assertThat(result.logTail())
        .containsPattern(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z req-t Task timed out after 1.00"
                + " seconds\nEND RequestId: req-t\nREPORT RequestId: req-t\t")
        .contains("\tStatus: timeout\t");

    // The next invocation starts a new environment.
    Deployed quick = python("slow", 1, PID);
    assertThat(pid(quick.invoke(invoker, "{}", "req-after"))).isNotEqualTo(pid);
  }

  @Test
  void aCrashIsARuntimeExitError() {
    Deployed f =
        python(
            "crash",
            3,
            """
            import os
            def handler(event, context):
                print("going down")
                os._exit(3)
            """);

    Invocation result = f.invoke(invoker, "{}", "req-c");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: req-c Error:"
                + " Runtime exited with error: exit status 3\"}");
    assertThat(result.logTail())
        .startsWith("START RequestId: req-c Version: $LATEST\ngoing down\n")
        .contains(
            "RequestId: req-c Error: Runtime exited with error: exit status 3\nRuntime.ExitError\n"
                + "END RequestId: req-c\n")
        .contains("\tStatus: error\tError Type: Runtime.ExitError\t");
    // And the function still answers afterwards.
    assertThat(f.invoke(invoker, "{}", "req-again").functionError()).isEqualTo("Unhandled");
  }

  @Test
  void retiringStopsTheFunctionsProcesses() {
    Deployed f = python("retired", 3, PID);
    long pid = pid(f.invoke(invoker, "{}", "req-1"));
    assertThat(alive(pid)).isTrue();

    invoker.retire(f.arn());

    assertThat(alive(pid)).isFalse();
    assertThat(pid(f.invoke(invoker, "{}", "req-2"))).isNotEqualTo(pid);
  }

  @Test
  void environmentsIdleTooLongAreStopped() throws Exception {
    Deployed f = python("idle", 3, PID);
    long pid = pid(f.invoke(invoker, "{}", "req-1"));

    invoker.stopIdle(java.time.Duration.ofMinutes(1));
    Thread.sleep(200);
    assertThat(alive(pid)).isTrue();
    invoker.stopIdle(java.time.Duration.ZERO);
    for (int i = 0; i < 100 && alive(pid); i++) {
      Thread.sleep(20);
    }

    assertThat(alive(pid)).isFalse();
    assertThat(pid(f.invoke(invoker, "{}", "req-2"))).isNotEqualTo(pid);
  }

  @Test
  void aChangedFunctionGetsNewEnvironments() {
    Deployed before = python("changing", 3, PID);
    long pid = pid(before.invoke(invoker, "{}", "req-1"));

    Deployed after = python("changing", 3, PID.replace("os.getpid()", "os.getpid() * 1"));
    long next = pid(after.invoke(invoker, "{}", "req-2"));

    assertThat(next).isNotEqualTo(pid);
    assertThat(alive(pid)).isFalse();
  }

  @Test
  void closingLeavesNoProcessAndNoPackageBehind() throws Exception {
    pid(python("one", 3, PID).invoke(invoker, "{}", "req-1"));
    pid(python("two", 3, PID).invoke(invoker, "{}", "req-2"));
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isNotEmpty();

    invoker.close();

    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    try (Stream<Path> left = Files.walk(work.resolve("functions"))) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
    assertThatThrownBy(() -> python("three", 3, PID).invoke(invoker, "{}", "req-3"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingDuringAnInvocationEndsItAndLeavesNoProcess() throws Exception {
    Deployed f = python("busy", 30, PID);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Invocation> running = caller.submit(() -> f.invoke(invoker, "{\"sleep\": 20}", "r"));
      // Logs are written when an invocation ends; wait for its package to be unpacked and its
      // process to run (another test's process may still be ending), then for it to start.
      while (!unpacked(work.resolve("functions").resolve("busy"))
          || ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive)) {
        Thread.sleep(20);
      }
      Thread.sleep(1000);

      invoker.close();

      Invocation ended = running.get();
      assertThat(ended.functionError()).isEqualTo("Unhandled");
      assertThat(text(ended.payload())).contains("Runtime.ExitError", "signal: terminated");
      assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    } finally {
      caller.shutdown();
    }
  }

  private static boolean unpacked(Path functionDirectory) throws java.io.IOException {
    if (!Files.isDirectory(functionDirectory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(functionDirectory)) {
      return files.anyMatch(p -> p.getFileName().toString().equals("app.py"));
    }
  }

  @Test
  void aRuntimeThatNeverAsksForItsEventTimesOutAfterInitAndTimeout() {
    Deployed f =
        python(
            "stuck",
            1,
            """
            import time
            time.sleep(60)
            def handler(event, context):
                return 1
            """);

    long started = System.nanoTime();
    Invocation result = f.invoke(invoker, "{}", "req-s");
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(tookMillis).isBetween(10_500L, 20_000L);
    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: req-s Error: Task"
                + " timed out after 1.00 seconds\"}");
  }

  @Test
  void linesPrintedBetweenInvocationsGoToTheStreamBeforeTheNextStart() throws Exception {
    Deployed f =
        python(
            "background",
            3,
            """
            import threading, time
            def later():
                time.sleep(0.3)
                print("from the background")
            def handler(event, context):
                threading.Thread(target=later).start()
                return 1
            """);

    f.invoke(invoker, "{}", "req-1");
    Thread.sleep(600);
    Invocation second = f.invoke(invoker, "{}", "req-2");

    assertThat(logs.messages())
        .containsSubsequence(
            "END RequestId: req-1\n",
            "from the background\n",
            "START RequestId: req-2 Version: $LATEST\n");
    assertThat(second.logTail()).doesNotContain("from the background");
  }

  @Test
  void aResultOverSixMegabytesIsRefused() {
    Deployed f =
        python(
            "large",
            10,
            """
            def handler(event, context):
                return "x" * (7 * 1024 * 1024)
            """);

    Invocation result = f.invoke(invoker, "{}", "req-l");

    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":\"Response payload"
                + " size exceeded maximum allowed payload size (6291556 bytes).\"}");
    assertThat(result.functionError()).isEqualTo("Unhandled");
  }

  @Test
  void whatIsPrintedBeforeTheAnswerBelongsToTheInvocation() {
    Deployed f =
        python(
            "unfinished",
            3,
            """
            import sys
            def handler(event, context):
                for i in range(200):
                    print("line", i)
                sys.stdout.write("no newline")
                return 1
            """);

    for (int round = 0; round < 3; round++) {
      Invocation result = f.invoke(invoker, "{}", "req-" + round);
      assertThat(result.logTail())
          .contains("line 199\nno newline\nEND RequestId: req-" + round + "\n");
    }
  }

  @Test
  void aRuntimeTributaryDoesNotRunIsAnErrorNotAnException() {
    Deployed f = deploy("ruby", "ruby3.3", "app.handler", 3, zip("app.rb", "x"));

    Invocation result = f.invoke(invoker, "{}", "req-r");

    assertThat(text(result.payload()))
        .isEqualTo(
            "{\"errorType\":\"Runtime.InvalidEntrypoint\",\"errorMessage\":\"RequestId: req-r"
                + " Error: Tributary cannot run functions of runtime ruby3.3\"}");
    assertThat(ProcessInvoker.supports("ruby3.3")).isFalse();
    assertThat(ProcessInvoker.supports("python3.13")).isTrue();
    assertThat(ProcessInvoker.supports("provided.al2023")).isTrue();
  }

  @Test
  void aCustomRuntimeWithoutBootstrapIsAnInvalidEntrypoint() {
    Deployed f = deploy("nobootstrap", "provided.al2023", "x", 3, zip("README", "nothing"));

    Invocation result = f.invoke(invoker, "{}", "req-p");

    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorType\":\"Runtime.InvalidEntrypoint\",\"errorMessage\":\"RequestId: req-p"
                + " Error: Couldn't find valid bootstrap(s): [")
        .endsWith("/bootstrap]\"}");
    assertThat(logs.messages()).contains("START RequestId: req-p Version: $LATEST\n");
  }
}

package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.zip;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import io.tributary.triggers.runtime.Fixtures.RecordingLogSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime tests start from: an invoker of their own over a fresh work directory, writing
 * to a log that remembers, closed after each test so that no environment outlives it.
 */
abstract class InvokerFixture {
  @TempDir Path work;
  final RecordingLogSink logs = new RecordingLogSink();
  ProcessInvoker invoker;

  @BeforeEach
  void startInvoker() {
    invoker = Fixtures.invoker(work, logs);
  }

  @AfterEach
  void closeInvoker() {
    invoker.close();
  }

  /** Skips the calling test class where python3, which the built-in bootstrap needs, is missing. */
  static void assumePython() {
    assumeTrue(
        Interpreters.find(List.of("python3"), "import sys; print(sys.executable)").isPresent(),
        "python3 is not on the PATH");
  }

  /** A Python function whose handler is {@code handler} in {@code app.py}, timing out after 3 s. */
  static Deployed python(String name, String source) {
    return python(name, 3, source);
  }

  static Deployed python(String name, int timeout, String source) {
    return deploy(name, "python3.12", "app.handler", timeout, zip("app.py", source));
  }
}

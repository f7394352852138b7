package io.tributary.triggers.runtime;

import io.tributary.triggers.function.FunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What runs in a function's process, by the function's Runtime: a program that speaks the Lambda
 * Runtime API (the package's own {@code bootstrap}, Tributary's Python or Node bootstrap, or AWS's
 * Java runtime interface client) and calls the handler.
 */
sealed interface Bootstrap {

  /** The runtime a function names, or empty when Tributary cannot run it. */
  static Optional<Bootstrap> of(String runtime) {
    if (runtime == null) {
      return Optional.empty();
    }
    if (runtime.equals("provided") || runtime.startsWith("provided.")) {
      return Optional.of(new Custom());
    }
    if (runtime.startsWith("python3")) {
      return Optional.of(new Python(runtime));
    }
    if (runtime.startsWith("nodejs")) {
      return Optional.of(new Node());
    }
    if (runtime.startsWith("java")) {
      return Optional.of(new Java());
    }
    return Optional.empty();
  }

  /**
   * The command that starts the runtime, in the task root.
   *
   * @param runtimeDir where Tributary's own bootstraps are (Lambda's {@code /var/runtime})
   */
  List<String> command(FunctionDefinition function, Path taskRoot, Path runtimeDir)
      throws NotStartable;

  /** Variables this runtime needs beside those every function gets. */
  default Map<String, String> environment(Path taskRoot) {
    return Map.of();
  }

  /** The value of {@code AWS_EXECUTION_ENV}, which custom runtimes do not get. */
  default Optional<String> executionEnv(String runtime) {
    return Optional.of("AWS_Lambda_" + runtime);
  }

  /** The runtime cannot be started; its Lambda error type and message. */
  final class NotStartable extends Exception {
    final String errorType;

    NotStartable(String errorType, String message) {
      super(message, null, false, false);
      this.errorType = errorType;
    }
  }

  /** {@code provided}, {@code provided.al2}, {@code provided.al2023}: the package's executable. */
  record Custom() implements Bootstrap {
    @Override
    public List<String> command(FunctionDefinition function, Path taskRoot, Path runtimeDir)
        throws NotStartable {
      Path bootstrap = taskRoot.resolve("bootstrap");
      if (!Files.isRegularFile(bootstrap)) {
        throw new NotStartable(
            "Runtime.InvalidEntrypoint", "Couldn't find valid bootstrap(s): [" + bootstrap + "]");
      }
      try {
        // Lambda demands the executable bit; zips made without Unix permissions do not carry it.
        DeploymentPackage.makeExecutable(bootstrap);
      } catch (IOException e) {
        throw new NotStartable("Runtime.InvalidEntrypoint", e.toString());
      }
      return List.of(bootstrap.toString());
    }

    @Override
    public Optional<String> executionEnv(String runtime) {
      return Optional.empty();
    }
  }

  /** {@code python3.x}: Tributary's stdlib-only bootstrap on the machine's Python 3. */
  record Python(String runtime) implements Bootstrap {
    @Override
    public List<String> command(FunctionDefinition function, Path taskRoot, Path runtimeDir)
        throws NotStartable {
      String python =
          Interpreters.find(List.of(runtime, "python3"), "import sys; print(sys.executable)")
              .orElseThrow(() -> notFound("python3"));
      return List.of(python, "-u", runtimeDir.resolve("python/bootstrap.py").toString());
    }

    @Override
    public Map<String, String> environment(Path taskRoot) {
      return Map.of("PYTHONUNBUFFERED", "1");
    }
  }

  /** {@code nodejs*}: Tributary's bootstrap (CommonJS and ES modules) on the machine's Node. */
  record Node() implements Bootstrap {
    @Override
    public List<String> command(FunctionDefinition function, Path taskRoot, Path runtimeDir)
        throws NotStartable {
      String node =
          Interpreters.find(List.of("node"), "console.log(process.execPath)")
              .orElseThrow(() -> notFound("node"));
      return List.of(node, runtimeDir.resolve("node/bootstrap.cjs").toString());
    }

    @Override
    public Map<String, String> environment(Path taskRoot) {
      return Map.of("NODE_PATH", taskRoot + "/node_modules:" + taskRoot);
    }
  }

  /**
   * {@code java*}: AWS's runtime interface client, the real handler interfaces and event types, on
   * the JDK that runs Tributary. The client loads the handler from its working directory (the task
   * root: classes at the top, jars in {@code lib/}), as it does in Lambda.
   */
  record Java() implements Bootstrap {
    private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    @Override
    public List<String> command(FunctionDefinition function, Path taskRoot, Path runtimeDir)
        throws NotStartable {
      List<String> command = new ArrayList<>();
      command.add(JavaClasspath.java());
      // Lambda's own start-up flags for its Java runtimes: quick to start, small to keep.
      command.add("-XX:+TieredCompilation");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-Xshare:auto");
      command.add("-Xmx" + Math.max(64, function.memorySize() * 85 / 100) + "m");
      command.add("-Djava.net.preferIPv4Stack=true");
      // The client loads a JNI library and uses sun.misc.Unsafe; say so, so the JDK does not
      // print warnings into the function's log.
      command.add("--enable-native-access=ALL-UNNAMED");
      if (Runtime.version().feature() >= 23) {
        command.add("--sun-misc-unsafe-memory-access=allow");
      }
      command.add("-cp");
      command.add(JavaClasspath.classpath());
      command.add(MAIN);
      // The client itself reports a missing handler, as "Invalid handler".
      command.add(function.handler() == null ? "" : function.handler());
      return command;
    }
  }

  private static NotStartable notFound(String program) {
    return new NotStartable(
        "Runtime.InvalidEntrypoint", "fork/exec " + program + ": no such file or directory");
  }
}

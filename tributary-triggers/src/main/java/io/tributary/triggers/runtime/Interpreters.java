package io.tributary.triggers.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The machine's Python and Node, found once on the server's PATH. Each is asked for its own
 * executable's path, so that functions start it directly rather than through a version manager's
 * shim (pyenv's costs a shell and tens of milliseconds per start).
 */
final class Interpreters {
  private static final Map<String, Optional<String>> FOUND = new ConcurrentHashMap<>();

  private Interpreters() {}

  /**
   * The first of {@code names} on the PATH that runs, as the path it reports when it runs {@code
   * printExecutable}.
   */
  static Optional<String> find(List<String> names, String printExecutable) {
    for (String name : names) {
      Optional<String> found = FOUND.computeIfAbsent(name, n -> locate(n, printExecutable));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> locate(String name, String printExecutable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return ask(candidate, printExecutable);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ask(Path executable, String printExecutable) {
    try {
      Process process =
          new ProcessBuilder(executable.toString(), flag(executable), printExecutable)
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String reported = new String(out, StandardCharsets.UTF_8).strip();
      return reported.isEmpty() ? Optional.of(executable.toString()) : Optional.of(reported);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Python runs a program given with {@code -c}, Node with {@code -e}. */
  private static String flag(Path executable) {
    return executable.getFileName().toString().startsWith("node") ? "-e" : "-c";
  }
}

package io.tributary.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tributary as a separate process, started from the packaged jar the way users start it, so a
 * test can kill it with SIGKILL.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Tributary listening on (http://\\S+)");

  private final Process process;
  private final URI endpoint;

  private ServerProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static ServerProcess start(String... args) throws IOException, InterruptedException {
    return start(List.of(), args);
  }

  /** Starts the server with extra JVM options (a small heap, say) before the serve arguments. */
  static ServerProcess start(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Path jar = Path.of("target", "tributary-server.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("package the server first: " + jar.toAbsolutePath());
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader =
        Thread.ofPlatform().daemon().start(() -> {
          try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
              Matcher m = LISTENING.matcher(line);
              if (m.find()) {
                endpoint.complete(URI.create(m.group(1)));
              }
            }
          } catch (IOException e) {
            endpoint.completeExceptionally(e);
          }
          endpoint.completeExceptionally(new IllegalStateException("server exited before listening"));
        });
    try {
      return new ServerProcess(process, endpoint.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      reader.interrupt();
      throw new IllegalStateException("server did not start", e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}

package io.tributary.triggers.runtime;

import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.logs.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Functions, packages and a log that remembers, for the runtime tests. */
final class Fixtures {
  private Fixtures() {}

  static ProcessInvoker invoker(Path work, RecordingLogSink logs) {
    return new ProcessInvoker(config(work), logs, Clock.systemUTC());
  }

  static TriggersConfig config(Path work) {
    return new TriggersConfig("123456789012", work, TriggersConfig.DEFAULT_POLL_INTERVAL);
  }

  /** A function and its package, as CreateFunction would have stored them. */
  record Deployed(FunctionDefinition definition, byte[] code) {
    Invocation invoke(Invoker invoker, String payload, String requestId) {
      return invoker.invoke(definition, code, json(payload), requestId);
    }

    String arn() {
      return definition.arn();
    }
  }

  static Deployed deploy(String name, String runtime, String handler, int timeout, byte[] code) {
    return deploy(name, runtime, handler, timeout, code, Map.of());
  }

  static Deployed deploy(
      String name,
      String runtime,
      String handler,
      int timeout,
      byte[] code,
      Map<String, String> environment) {
    return new Deployed(function(name, runtime, handler, timeout, code, environment), code);
  }

  static FunctionDefinition function(
      String name,
      String runtime,
      String handler,
      int timeoutSeconds,
      byte[] code,
      Map<String, String> environment) {
    return new FunctionDefinition(
        "us-east-1",
        name,
        "arn:aws:lambda:us-east-1:123456789012:function:" + name,
        runtime,
        handler,
        "arn:aws:iam::123456789012:role/lambda",
        "",
        timeoutSeconds,
        128,
        environment,
        sha256(code),
        code.length,
        Instant.parse("2026-01-01T00:00:00Z"),
        UUID.randomUUID().toString());
  }

  /** A zip of text files, name to content, in the order given. */
  static byte[] zip(String... namesAndContents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      files.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return zip(files);
  }

  static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] code) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(code));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A log sink that keeps every event, with its group and stream. */
  static final class RecordingLogSink implements LogSink {
    record Recorded(String region, String group, String stream, LogEvent event) {}

    private final List<Recorded> events = new ArrayList<>();

    @Override
    public synchronized void append(
        String region, String group, String stream, List<LogEvent> batch) {
      for (LogEvent event : batch) {
        events.add(new Recorded(region, group, stream, event));
      }
    }

    synchronized List<Recorded> events() {
      return List.copyOf(events);
    }

    synchronized List<String> messages() {
      return events.stream().map(r -> r.event().message()).toList();
    }
  }
}

package io.tributary.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Stream handlers as users write them, packaged for CreateFunction: each prints {@code BATCH
 * [n, ...]} (the {@code n} attribute of every record's NewImage), fails on the record whose n is
 * {@code FAIL_ON}, and with {@code PARTIAL_ON} reports that record as a batch item failure the
 * first time it sees it.
 */
final class Handlers {
  private Handlers() {}

  /** A runtime with its handler string and package. */
  record Package(String runtime, String handler, byte[] zip) {}

  static final String PYTHON =
      """
      import os
      def handler(event, context):
          numbers = [int(r["dynamodb"]["NewImage"]["n"]["N"]) for r in event["Records"]]
          print("BATCH", numbers)
          if str(os.environ.get("FAIL_ON")) in [str(n) for n in numbers]:
              raise ValueError("cannot take " + os.environ["FAIL_ON"])
          partial = os.environ.get("PARTIAL_ON")
          marker = "/tmp/" + context.function_name + "-partial"
          for r in event["Records"]:
              if partial and r["dynamodb"]["NewImage"]["n"]["N"] == partial and not os.path.exists(marker):
                  open(marker, "w").close()
                  return {"batchItemFailures": [{"itemIdentifier": r["dynamodb"]["SequenceNumber"]}]}
          return {"batchItemFailures": []}
      """;

  static final String JAVA =
      """
      package example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
      import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.List;

      public class Recorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
          List<Integer> numbers = new ArrayList<>();
          for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            numbers.add(Integer.parseInt(r.getDynamodb().getNewImage().get("n").getN()));
          }
          System.out.println("BATCH " + numbers);
          String failOn = System.getenv("FAIL_ON");
          if (failOn != null && numbers.contains(Integer.parseInt(failOn))) {
            throw new RuntimeException("cannot take " + failOn);
          }
          String partial = System.getenv("PARTIAL_ON");
          Path marker = Path.of("/tmp", context.getFunctionName() + "-partial");
          List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
          for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            if (partial != null && r.getDynamodb().getNewImage().get("n").getN().equals(partial)
                && !Files.exists(marker)) {
              try {
                Files.createFile(marker);
              } catch (java.io.IOException e) {
                throw new RuntimeException(e);
              }
              failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
              break;
            }
          }
          return new StreamsEventResponse(failures);
        }
      }
      """;

  static Package python() {
    return new Package("python3.12", "app.handler", zip(Map.of("app.py", PYTHON.getBytes(StandardCharsets.UTF_8))));
  }

  /** The Java handler compiled here, against the Lambda libraries on this test's classpath. */
  static Package java(Path work) {
    try {
      Path src = Files.createDirectories(work.resolve("src/example"));
      Files.writeString(src.resolve("Recorder.java"), JAVA);
      Path classes = Files.createDirectories(work.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status =
          javac.run(
              null, null, null,
              "--release", "17",
              "-cp", System.getProperty("java.class.path"),
              "-d", classes.toString(),
              src.resolve("Recorder.java").toString());
      if (status != 0) {
        throw new IllegalStateException("the Java handler did not compile");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JarOutputStream jar = new JarOutputStream(out)) {
        for (Path c : Files.list(classes.resolve("example")).toList()) {
          jar.putNextEntry(new JarEntry("example/" + c.getFileName()));
          jar.write(Files.readAllBytes(c));
        }
      }
      return new Package("java21", "example.Recorder::handleRequest", out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] zip(Map<String, byte[]> files) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          z.putNextEntry(new ZipEntry(f.getKey()));
          z.write(f.getValue());
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The batches a function printed, in order, from its log lines. */
  static List<List<Integer>> batches(List<String> lines) {
    return lines.stream()
        .filter(l -> l.contains("BATCH ["))
        .map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']')))
        .map(s -> s.isBlank() ? List.<Integer>of()
            : java.util.Arrays.stream(s.split(",")).map(String::strip).map(Integer::valueOf).toList())
        .toList();
  }
}

package io.tributary.triggers.runtime;

import static io.tributary.triggers.runtime.Fixtures.deploy;
import static io.tributary.triggers.runtime.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.triggers.runtime.Fixtures.Deployed;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java functions on AWS's runtime interface client, with handlers compiled here against the real
 * aws-lambda-java-core and aws-lambda-java-events (the jars Tributary runs them with).
 */
@Timeout(120)
class JavaRuntimeTest extends InvokerFixture {
  static final String HELLO =
      """
      package example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.util.Map;

      public class Hello implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
          if (event.containsKey("fail")) {
            throw new IllegalArgumentException("asked to fail");
          }
          System.out.println("hello " + event.get("name"));
          return "Hello, " + event.get("name") + " from " + context.getFunctionName()
              + " in " + ProcessHandle.current().pid();
        }
      }
      """;

  static final String STREAMS =
      """
      package example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
      import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
      import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Map;

      public class Streams implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
          List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
          for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var change = record.getDynamodb();
            System.out.println(record.getEventName() + " " + record.getEventSource()
                + " id=" + change.getKeys().get("Id").getN()
                + " new=" + name(change.getNewImage())
                + " old=" + name(change.getOldImage())
                + " seq=" + change.getSequenceNumber()
                + " at=" + change.getApproximateCreationDateTime().getTime());
            if (change.getNewImage() != null && change.getNewImage().containsKey("Poison")) {
              failures.add(new StreamsEventResponse.BatchItemFailure(change.getSequenceNumber()));
            }
          }
          return new StreamsEventResponse(failures);
        }

        private static String name(Map<String, AttributeValue> image) {
          return image == null ? "-" : image.get("Name").getS();
        }
      }
      """;

  /** Three records as a DynamoDB stream hands them to Lambda, images in wire format. */
  static final String STREAM_EVENT =
      """
      {"Records":[
        {"eventID":"e1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
         "awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1678831218.0,"Keys":{"Id":{"N":"101"}},
           "NewImage":{"Id":{"N":"101"},"Name":{"S":"Ada"}},
           "SequenceNumber":"100","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/Customers/stream/2026-01-01T00:00:00.000"},
        {"eventID":"e2","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb",
         "awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1678831219.0,"Keys":{"Id":{"N":"101"}},
           "NewImage":{"Id":{"N":"101"},"Name":{"S":"Grace"},"Poison":{"BOOL":true}},
           "OldImage":{"Id":{"N":"101"},"Name":{"S":"Ada"}},
           "SequenceNumber":"200","SizeBytes":40,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/Customers/stream/2026-01-01T00:00:00.000"},
        {"eventID":"e3","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb",
         "awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1678831220.0,"Keys":{"Id":{"N":"101"}},
           "OldImage":{"Id":{"N":"101"},"Name":{"S":"Grace"}},
           "SequenceNumber":"300","SizeBytes":30,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/Customers/stream/2026-01-01T00:00:00.000"}
      ]}
      """;

  @TempDir static Path build;
  static byte[] handlersJar;

  @BeforeAll
  static void compileHandlers() throws Exception {
    Path sources = build.resolve("src/example");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Hello.java"), HELLO);
    Files.writeString(sources.resolve("Streams.java"), STREAMS);
    Path classes = build.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-classpath",
                JavaClasspath.classpath(),
                "-d",
                classes.toString()));
    args.add(sources.resolve("Hello.java").toString());
    args.add(sources.resolve("Streams.java").toString());
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as(errors.toString()).isZero();
    handlersJar = zipDirectory(classes);
  }

  private static byte[] zipDirectory(Path root) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return Fixtures.zip(files);
  }

  @Test
  void aRequestHandlerInAJarAnswersAndStaysWarm() {
    Deployed f = deploy("hello", "java21", "example.Hello::handleRequest", 30, handlersJar);

    long coldStart = System.nanoTime();
    Invocation first = f.invoke(invoker, "{\"name\":\"Ada\"}", "req-1");
    long cold = System.nanoTime() - coldStart;
    long warmStart = System.nanoTime();
    Invocation second = f.invoke(invoker, "{\"name\":\"Grace\"}", "req-2");
    long warm = System.nanoTime() - warmStart;

    assertThat(first.failed()).as(text(first.payload())).isFalse();
    assertThat(text(first.payload())).startsWith("\"Hello, Ada from hello in ");
    String pid = text(first.payload()).replaceAll(".* in (\\d+)\"", "$1");
    assertThat(text(second.payload())).isEqualTo("\"Hello, Grace from hello in " + pid + "\"");
    assertThat(warm).isLessThan(cold);
    assertThat(logs.messages())
        .containsSubsequence(
            "START RequestId: req-1 Version: $LATEST\n",
            "hello Ada\n",
            "END RequestId: req-1\n",
            "START RequestId: req-2 Version: $LATEST\n",
            "hello Grace\n",
            "END RequestId: req-2\n");
    assertThat(logs.messages())
        .filteredOn(m -> m.startsWith("REPORT"))
        .satisfiesExactly(
            report -> assertThat(report).contains("\tInit Duration: "),
            report -> assertThat(report).doesNotContain("Init Duration"));
    // Nothing the JVM would say about itself gets into the function's log.
    assertThat(logs.messages()).noneMatch(m -> m.startsWith("WARNING"));
  }

  @Test
  void aDynamodbStreamsHandlerSeesTheImagesAndReportsItsFailures() throws IOException {
    // A zip with the handlers in lib/, as Gradle's and Maven's Lambda packaging lay them out.
    byte[] zip = Fixtures.zip(Map.of("lib/handlers.jar", handlersJar));
    Deployed f = deploy("streams", "java17", "example.Streams", 30, zip);

    Invocation result = f.invoke(invoker, STREAM_EVENT, "req-s");

    assertThat(result.failed()).as(text(result.payload())).isFalse();
    assertThat(text(result.payload()))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}");
    assertThat(logs.messages())
        .containsSubsequence(
            "INSERT aws:dynamodb id=101 new=Ada old=- seq=100 at=1678831218000\n",
            "MODIFY aws:dynamodb id=101 new=Grace old=Ada seq=200 at=1678831219000\n",
            "REMOVE aws:dynamodb id=101 new=- old=Grace seq=300 at=1678831220000\n");
  }

  @Test
  void anExceptionIsAnUnhandledFunctionErrorWithTheJavaExceptionsType() {
    Deployed f = deploy("throws", "java21", "example.Hello::handleRequest", 30, handlersJar);

    Invocation result = f.invoke(invoker, "{\"fail\":true}", "req-e");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload()))
        .startsWith(
            "{\"errorMessage\":\"asked to"
                + " fail\",\"errorType\":\"java.lang.IllegalArgumentException\","
                + "\"stackTrace\":[\"example.Hello.handleRequest(Hello.java:");
    // The client logs the error after posting it; the invocation lasts until it asks for more.
    assertThat(result.logTail())
        .containsPattern("asked to fail: java.lang.IllegalArgumentException\n(.*\n)*END RequestId");
  }

  @Test
  void aClassThatIsNotThereIsAnError() {
    Deployed f = deploy("noclass", "java25", "example.Nope::handleRequest", 30, handlersJar);

    Invocation result = f.invoke(invoker, "{}", "req-n");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(text(result.payload())).contains("example.Nope", "ClassNotFoundException");
  }
}

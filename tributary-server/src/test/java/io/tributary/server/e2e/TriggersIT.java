package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * Triggers through the AWS SDK for Java v2's LambdaClient, for a Java handler and a Python
 * handler alike (see {@link Handlers}): batch sizes and the batching window, retries, bisection
 * and the on-failure table, ReportBatchItemFailures, two mappings on one stream, and a restart
 * that neither loses nor replays a batch. What the functions saw is read back from their logs.
 */
class TriggersIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/lambda";
  private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir Path work;

  private Handlers.Package handler(String language) {
    return language.equals("java") ? Handlers.java(work) : Handlers.python();
  }

  private static void createFunction(LambdaClient l, String name, Handlers.Package p, Map<String, String> env) {
    l.createFunction(b -> b.functionName(name).runtime(p.runtime()).handler(p.handler()).role(ROLE)
        .timeout(60)
        .environment(e -> e.variables(env))
        .code(c -> c.zipFile(SdkBytes.fromByteArray(p.zip()))));
  }

  private static void put(DynamoDbClient c, String table, int from, int to) {
    for (int n = from; n < to; n++) {
      String value = Integer.toString(n);
      c.putItem(b -> b.tableName(table).item(Map.of(
          "id", AttributeValue.fromS("k" + value), "n", AttributeValue.fromN(value))));
    }
  }

  /** The lines functions wrote to a log group, in time order, through FilterLogEvents. */
  private static List<String> logLines(URI uri, String group) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri)
                      .header("X-Amz-Target", "Logs_20140328.FilterLogEvents")
                      .header("Content-Type", "application/x-amz-json-1.1")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"logGroupName\":\"" + group + "\",\"interleaved\":true}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      List<String> lines = new ArrayList<>();
      Matcher m = MESSAGE.matcher(r.body());
      while (m.find()) {
        lines.add(m.group(1));
      }
      return lines;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static List<List<Integer>> batches(URI uri, String function) {
    return Handlers.batches(logLines(uri, "/aws/lambda/" + function));
  }

  private static List<Integer> flat(List<List<Integer>> batches) {
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(100);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "python"})
  void batchesRespectBatchSizeAndTheBatchingWindow(String language) throws Exception {
    try (ServerProcess server = ServerProcess.start("--in-memory");
        DynamoDbClient ddb = Endpoint.client(server.endpoint());
        LambdaClient l = Endpoint.lambdaClient(server.endpoint())) {
      URI uri = server.endpoint();
      String stream = StreamsIT.createStreamTable(ddb, "orders");
      createFunction(l, "sized", handler(language), Map.of());
      put(ddb, "orders", 0, 7);
      l.createEventSourceMapping(b -> b.functionName("sized").eventSourceArn(stream)
          .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(3));
      await(() -> flat(batches(uri, "sized")).size() == 7, Duration.ofSeconds(60));
      assertThat(flat(batches(uri, "sized"))).containsExactly(0, 1, 2, 3, 4, 5, 6);
      assertThat(batches(uri, "sized")).allMatch(b -> b.size() <= 3);

      createFunction(l, "windowed", handler(language), Map.of());
      l.createEventSourceMapping(b -> b.functionName("windowed").eventSourceArn(stream)
          .startingPosition(EventSourcePosition.LATEST).batchSize(100).maximumBatchingWindowInSeconds(2));
      Thread.sleep(1000);
      put(ddb, "orders", 10, 14);
      await(() -> flat(batches(uri, "windowed")).size() == 4, Duration.ofSeconds(60));
      // The window held the four records back for one invocation.
      assertThat(batches(uri, "windowed")).containsExactly(List.of(10, 11, 12, 13));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "python"})
  void aFailingRecordIsBisectedRetriedAndSentToTheOnFailureTableWhileLaterRecordsProceed(String language)
      throws Exception {
    try (ServerProcess server = ServerProcess.start("--in-memory");
        DynamoDbClient ddb = Endpoint.client(server.endpoint());
        LambdaClient l = Endpoint.lambdaClient(server.endpoint())) {
      URI uri = server.endpoint();
      String stream = StreamsIT.createStreamTable(ddb, "orders");
      ddb.createTable(b -> b.tableName("failures")
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      createFunction(l, "picky", handler(language), Map.of("FAIL_ON", "3"));
      put(ddb, "orders", 0, 8);
      l.createEventSourceMapping(b -> b.functionName("picky").eventSourceArn(stream)
          .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(8)
          .bisectBatchOnFunctionError(true).maximumRetryAttempts(1)
          .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:dynamodb:us-east-1:000000000000:table/failures"))));
      await(() -> ddb.scan(b -> b.tableName("failures")).count() == 1, Duration.ofSeconds(90));
      // The first, whole batch held 7 as well and failed: wait for 7 in a batch that went through.
      await(
          () -> batches(uri, "picky").stream().anyMatch(b -> b.contains(7) && !b.contains(3)),
          Duration.ofSeconds(30));
      List<Integer> through = new ArrayList<>();
      batches(uri, "picky").stream().filter(b -> !b.contains(3)).forEach(through::addAll);
      assertThat(through).containsExactly(0, 1, 2, 4, 5, 6, 7);
      Map<String, AttributeValue> failure = ddb.scan(b -> b.tableName("failures")).items().get(0);
      assertThat(failure.get("requestContext").m().get("condition").s()).isEqualTo("RetryAttemptsExhausted");
      assertThat(failure.get("Records").l()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "python"})
  void reportBatchItemFailuresResumesAtTheFailedRecord(String language) throws Exception {
    try (ServerProcess server = ServerProcess.start("--in-memory");
        DynamoDbClient ddb = Endpoint.client(server.endpoint());
        LambdaClient l = Endpoint.lambdaClient(server.endpoint())) {
      URI uri = server.endpoint();
      String stream = StreamsIT.createStreamTable(ddb, "orders");
      // The handler marks in /tmp that it failed once; a name of this run's own keeps runs apart.
      String name = "partial-" + language + "-" + System.nanoTime();
      createFunction(l, name, handler(language), Map.of("PARTIAL_ON", "2"));
      put(ddb, "orders", 0, 5);
      l.createEventSourceMapping(b -> b.functionName(name).eventSourceArn(stream)
          .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(10)
          .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
      await(() -> batches(uri, name).size() == 2, Duration.ofSeconds(60));
      Thread.sleep(1000);
      assertThat(batches(uri, name)).containsExactly(List.of(0, 1, 2, 3, 4), List.of(2, 3, 4));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "python"})
  void twoMappingsOnOneStreamBothSeeEveryRecordAndARestartReplaysNothing(String language) throws Exception {
    Path data = work.resolve("data-" + language);
    URI uri;
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient ddb = Endpoint.client(server.endpoint());
        LambdaClient l = Endpoint.lambdaClient(server.endpoint())) {
      uri = server.endpoint();
      String stream = StreamsIT.createStreamTable(ddb, "orders");
      for (String fn : List.of("first", "second")) {
        createFunction(l, fn, handler(language), Map.of());
        l.createEventSourceMapping(b -> b.functionName(fn).eventSourceArn(stream)
            .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(2));
      }
      put(ddb, "orders", 0, 6);
      URI u = uri;
      await(() -> flat(batches(u, "first")).size() == 6 && flat(batches(u, "second")).size() == 6,
          Duration.ofSeconds(60));
    }
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient ddb = Endpoint.client(server.endpoint())) {
      URI u = server.endpoint();
      put(ddb, "orders", 6, 8);
      await(() -> flat(batches(u, "first")).size() >= 8 && flat(batches(u, "second")).size() >= 8,
          Duration.ofSeconds(60));
      Thread.sleep(1500);
      assertThat(flat(batches(u, "first"))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(flat(batches(u, "second"))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }
  }
}

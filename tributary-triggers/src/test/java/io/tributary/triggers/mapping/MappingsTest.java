package io.tributary.triggers.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.EngineConfig;
import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.memory.MemoryStore;
import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.rest.LambdaException;
import io.tributary.triggers.rest.LambdaRoutes;
import io.tributary.triggers.rest.RestRequest;
import io.tributary.triggers.rest.RestResponse;
import io.tributary.triggers.runtime.Invocation;
import io.tributary.triggers.runtime.Invoker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event source mappings against a real engine and stream, with a function stand-in that records
 * each event it gets and answers as the test says: batches, retries, bisection, partial failures,
 * the on-failure table, restarts.
 */
class MappingsTest {
  private static final RequestContext CONTEXT = new RequestContext("t", "us-east-1", "123456789012");

  /** The function stand-in: every event received, and how to answer. */
  static final class FakeInvoker implements Invoker {
    final List<Json.Obj> events = new CopyOnWriteArrayList<>();
    volatile Function<Json.Obj, Invocation> answer = e -> ok("null");

    static Invocation ok(String payload) {
      return new Invocation(payload.getBytes(StandardCharsets.UTF_8), null, "");
    }

    static Invocation failure() {
      return new Invocation(
          "{\"errorMessage\":\"boom\",\"errorType\":\"Exception\"}".getBytes(StandardCharsets.UTF_8),
          "Unhandled",
          "");
    }

    @Override
    public Invocation invoke(FunctionDefinition function, byte[] code, byte[] payload, String requestId) {
      Json.Obj event = (Json.Obj) JsonReader.parse(payload);
      events.add(event);
      return answer.apply(event);
    }

    @Override
    public void retire(String functionArn) {}

    @Override
    public void close() {}

    /** The "n" attribute of each record of each event, in delivery order. */
    List<List<Integer>> batches() {
      List<List<Integer>> out = new ArrayList<>();
      for (Json.Obj e : events) {
        out.add(numbers(e));
      }
      return out;
    }
  }

  static List<Integer> numbers(Json.Obj event) {
    List<Integer> ns = new ArrayList<>();
    for (Json r : ((Json.Arr) event.get("Records")).elements()) {
      Json.Obj image = (Json.Obj) ((Json.Obj) ((Json.Obj) r).get("dynamodb")).get("NewImage");
      ns.add(Integer.parseInt(((Json.Str) ((Json.Obj) image.get("n")).get("N")).value()));
    }
    return ns;
  }

  private final MemoryStore store = new MemoryStore();
  private Engine engine;
  private FakeInvoker invoker;
  private Functions functions;
  private Mappings mappings;
  private LambdaRoutes routes;
  private String streamArn;

  @BeforeEach
  void open() {
    engine = Engine.open(store, EngineConfig.defaults());
    startTriggers();
    call("CreateTable", "{'TableName':'orders','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_AND_OLD_IMAGES'}}");
    streamArn = text(call("DescribeTable", "{'TableName':'orders'}").get("Table"), "LatestStreamArn");
    call("CreateTable", "{'TableName':'failures','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
    rest("POST", "/2015-03-31/functions", "{'FunctionName':'fn','Runtime':'python3.12','Handler':'app.handler',"
        + "'Role':'arn:aws:iam::123456789012:role/r','Code':{'ZipFile':'" + zip() + "'}}");
  }

  private void startTriggers() {
    invoker = new FakeInvoker();
    TriggersConfig config = new TriggersConfig("123456789012", Path.of("target"), Duration.ofMillis(20));
    functions = new Functions(store, Clock.systemUTC(), "123456789012", invoker);
    mappings = new Mappings(store, Clock.systemUTC(), config, engine, functions);
    routes = new LambdaRoutes(functions, mappings);
  }

  @AfterEach
  void close() {
    mappings.close();
    engine.close();
  }

  private static String zip() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry("app.py"));
        z.write("def handler(e, c): return None\n".getBytes(StandardCharsets.UTF_8));
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs an action and reads its answer back as a client would (parsed from the JSON sent). */
  private Json.Obj call(String op, String json) {
    Json.Obj answer =
        engine.execute(
            op,
            (Json.Obj) JsonReader.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)),
            CONTEXT);
    return (Json.Obj) JsonReader.parse(JsonWriter.write(answer));
  }

  private Json.Obj rest(String method, String path, String json) {
    RestResponse r =
        routes.handle(
            new RestRequest(method, path, Map.of(), Map.of(),
                json == null ? new byte[0] : json.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
                "us-east-1", "req"));
    return r.body().length == 0 ? null : (Json.Obj) JsonReader.parse(r.body());
  }

  private String map(String options) {
    return text(rest("POST", "/2015-03-31/event-source-mappings/",
        "{'FunctionName':'fn','EventSourceArn':'" + streamArn + "','StartingPosition':'TRIM_HORIZON'"
            + (options.isEmpty() ? "" : "," + options) + "}"), "UUID");
  }

  private void put(int n) {
    call("PutItem", "{'TableName':'orders','Item':{'id':{'S':'k" + n + "'},'n':{'N':'" + n + "'}}}");
  }

  private static String text(Json o, String member) {
    return ((Json.Obj) o).get(member) instanceof Json.Str s ? s.value() : null;
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(10);
    }
  }

  private List<Integer> delivered() {
    List<Integer> all = new ArrayList<>();
    invoker.batches().forEach(all::addAll);
    return all;
  }

  @Test
  void deliversEveryRecordInOrderInBatchesOfBatchSize() throws Exception {
    for (int i = 0; i < 10; i++) {
      put(i);
    }
    String uuid = map("'BatchSize':4");
    await(() -> delivered().size() == 10);
    assertThat(delivered()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(invoker.batches()).allMatch(b -> b.size() <= 4);
    Json.Obj record = (Json.Obj) ((Json.Arr) invoker.events.get(0).get("Records")).elements().get(0);
    assertThat(text(record, "eventSourceARN")).isEqualTo(streamArn);
    assertThat(text(rest("GET", "/2015-03-31/event-source-mappings/" + uuid, null), "State")).isEqualTo("Enabled");
    assertThat(text(rest("GET", "/2015-03-31/event-source-mappings/" + uuid, null), "LastProcessingResult")).isEqualTo("OK");
  }

  @Test
  void latestSkipsWhatWasThereBefore() throws Exception {
    put(1);
    rest("POST", "/2015-03-31/event-source-mappings", "{'FunctionName':'fn','EventSourceArn':'" + streamArn
        + "','StartingPosition':'LATEST'}");
    put(2);
    await(() -> delivered().size() == 1);
    Thread.sleep(100);
    assertThat(delivered()).containsExactly(2);
  }

  @Test
  void aFailingRecordIsRetriedBisectedThenSentToTheOnFailureTableWhileTheRestProceeds() throws Exception {
    invoker.answer = e -> numbers(e).contains(3) ? FakeInvoker.failure() : FakeInvoker.ok("{}");
    for (int i = 0; i < 8; i++) {
      put(i);
    }
    map("'BatchSize':8,'BisectBatchOnFunctionError':true,'MaximumRetryAttempts':2,"
        + "'DestinationConfig':{'OnFailure':{'Destination':'arn:aws:dynamodb:us-east-1:123456789012:table/failures'}}");
    // The first, whole batch holds 7 too and fails: wait for 7 in a batch that went through.
    await(() -> invoker.batches().stream().anyMatch(b -> b.contains(7) && !b.contains(3)));
    await(() -> ((Json.Arr) call("Scan", "{'TableName':'failures'}").get("Items")).elements().size() == 1);
    Json item = ((Json.Arr) call("Scan", "{'TableName':'failures'}").get("Items")).elements().get(0);
    assertThat(new String(JsonWriter.write(item), StandardCharsets.UTF_8))
        .contains("RetryAttemptsExhausted", "DDBStreamBatchInfo", "\"batchSize\":{\"N\":\"1\"}");
    // Every other record went through exactly once, in order.
    List<Integer> succeeded = new ArrayList<>();
    for (Json.Obj e : invoker.events) {
      if (!numbers(e).contains(3)) {
        succeeded.addAll(numbers(e));
      }
    }
    assertThat(succeeded).containsExactly(0, 1, 2, 4, 5, 6, 7);
    // The batch holding 3 alone was tried 1 + 2 times.
    assertThat(invoker.batches().stream().filter(b -> b.equals(List.of(3))).count()).isEqualTo(3);
  }

  @Test
  void reportBatchItemFailuresResumesAtTheLowestFailedRecord() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
    invoker.answer = e -> {
      List<Integer> ns = numbers(e);
      if (ns.contains(2) && failedOnce.compareAndSet(false, true)) {
        Json.Obj r2 = (Json.Obj) ((Json.Arr) e.get("Records")).elements().get(ns.indexOf(2));
        Json.Obj r4 = (Json.Obj) ((Json.Arr) e.get("Records")).elements().get(ns.indexOf(4));
        return FakeInvoker.ok("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + seq(r4)
            + "\"},{\"itemIdentifier\":\"" + seq(r2) + "\"}]}");
      }
      return FakeInvoker.ok("{\"batchItemFailures\":[]}");
    };
    for (int i = 0; i < 6; i++) {
      put(i);
    }
    map("'BatchSize':10,'FunctionResponseTypes':['ReportBatchItemFailures']");
    await(() -> invoker.events.size() == 2);
    assertThat(invoker.batches()).containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(2, 3, 4, 5));
  }

  private static String seq(Json.Obj record) {
    return text(record.get("dynamodb"), "SequenceNumber");
  }

  @Test
  void aRestartNeitherLosesNorReplaysABatch() throws Exception {
    for (int i = 0; i < 5; i++) {
      put(i);
    }
    map("'BatchSize':5");
    await(() -> delivered().size() == 5);
    mappings.close();
    put(5);
    startTriggers();
    await(() -> delivered().size() == 1);
    Thread.sleep(100);
    assertThat(delivered()).containsExactly(5);
  }

  @Test
  void twoMappingsOnOneStreamEachSeeEveryRecord() throws Exception {
    rest("POST", "/2015-03-31/functions", "{'FunctionName':'fn2','Runtime':'python3.12','Handler':'app.handler',"
        + "'Role':'arn:aws:iam::123456789012:role/r','Code':{'ZipFile':'" + zip() + "'}}");
    map("");
    rest("POST", "/2015-03-31/event-source-mappings", "{'FunctionName':'fn2','EventSourceArn':'" + streamArn
        + "','StartingPosition':'TRIM_HORIZON'}");
    for (int i = 0; i < 6; i++) {
      put(i);
    }
    await(() -> delivered().size() == 12);
    assertThat(delivered()).containsOnly(0, 1, 2, 3, 4, 5).hasSize(12);
  }

  @Test
  void refusesWhatLambdaRefuses() {
    map("");
    assertThatThrownBy(() -> map(""))
        .isInstanceOfSatisfying(LambdaException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.getMessage()).startsWith("The event source arn (\" " + streamArn + " \") and function (\" fn \")");
        });
    assertThatThrownBy(() -> rest("GET", "/2015-03-31/event-source-mappings/nope", null))
        .isInstanceOfSatisfying(LambdaException.class, e ->
            assertThat(e.getMessage()).isEqualTo("The resource you requested does not exist."));
    assertThatThrownBy(() -> rest("POST", "/2015-03-31/event-source-mappings",
            "{'FunctionName':'fn','EventSourceArn':'" + streamArn + "','StartingPosition':'LATEST','BatchSize':0}"))
        .hasMessage("1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1");
    assertThatThrownBy(() -> rest("POST", "/2015-03-31/event-source-mappings",
            "{'FunctionName':'fn','EventSourceArn':'" + streamArn + "','StartingPosition':'LATEST','BatchSize':1.5}"))
        .isInstanceOfSatisfying(LambdaException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.type()).isEqualTo("InvalidRequestContentException");
        });
    assertThatThrownBy(() -> rest("POST", "/2015-03-31/event-source-mappings",
            "{'FunctionName':'missing','EventSourceArn':'" + streamArn + "','StartingPosition':'LATEST'}"))
        .hasMessage("Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing");
  }

  @Test
  void parallelizationKeepsEachItemsOrder() throws Exception {
    map("'BatchSize':20,'ParallelizationFactor':4");
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 6; k++) {
        call("PutItem", "{'TableName':'orders','Item':{'id':{'S':'k" + k + "'},'n':{'N':'" + (round * 10 + k) + "'}}}");
      }
    }
    await(() -> delivered().size() == 18);
    java.util.Map<Integer, List<Integer>> byKey = new java.util.HashMap<>();
    for (int n : delivered()) {
      byKey.computeIfAbsent(n % 10, k -> new ArrayList<>()).add(n);
    }
    // Lanes may interleave between keys, never within one.
    byKey.values().forEach(ns -> assertThat(ns).isSorted());
    assertThat(invoker.events.size()).isGreaterThan(1);
  }

  @Test
  void aTumblingWindowCarriesItsStateAndEndsWithAFinalInvoke() throws Exception {
    invoker.answer = e -> {
      int count = e.get("state") instanceof Json.Obj st && st.get("count") instanceof Json.Num c
          ? Integer.parseInt(c.text()) : 0;
      return FakeInvoker.ok("{\"state\":{\"count\":" + (count + numbers(e).size()) + "},\"batchItemFailures\":[]}");
    };
    map("'BatchSize':2,'TumblingWindowInSeconds':1");
    for (int i = 0; i < 5; i++) {
      put(i);
    }
    await(() -> invoker.events.stream().anyMatch(e -> e.get("isFinalInvokeForWindow") instanceof Json.Bool b && b.value()));
    Json.Obj last = invoker.events.stream()
        .filter(e -> e.get("isFinalInvokeForWindow") instanceof Json.Bool b && b.value())
        .findFirst().orElseThrow();
    assertThat(((Json.Arr) last.get("Records")).elements()).isEmpty();
    int counted = Integer.parseInt(((Json.Num) ((Json.Obj) last.get("state")).get("count")).text());
    int inWindow = 0;
    for (Json.Obj e : invoker.events) {
      if (e == last) {
        break;
      }
      if (e.get("window") instanceof Json.Obj w && w.equals(last.get("window"))) {
        inWindow += numbers(e).size();
      }
    }
    assertThat(counted).isEqualTo(inWindow).isPositive();
    assertThat(text(last, "shardId")).startsWith("shardId-");
  }

  @Test
  void recordsTheFilterRejectsAreSteppedOver() throws Exception {
    map("'FilterCriteria':{'Filters':[{'Pattern':'{\\\"dynamodb\\\":{\\\"NewImage\\\":{\\\"n\\\":{\\\"N\\\":[\\\"2\\\",\\\"4\\\"]}}}}'}]}");
    for (int i = 0; i < 6; i++) {
      put(i);
    }
    await(() -> delivered().size() == 2);
    Thread.sleep(100);
    assertThat(delivered()).containsExactly(2, 4);
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import io.tributary.engine.stream.StreamSettings;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * The stock DynamoDB Streams consumer works unchanged: the Kinesis Client Library 3 through the
 * DynamoDB Streams Kinesis Adapter, configured as its README says, with its lease tables on the
 * same endpoint. A workload that makes the stream split its shards runs while it consumes, and
 * it must hand every record to the record processor exactly once, each key's in the order they
 * were written. Slower than the other end-to-end tests (KCL takes leases on timers), so it is in
 * the {@code stock-consumer} group, which failsafe runs in an execution of its own after the
 * others.
 */
@Tag("stock-consumer")
class StreamsKclIT {
  private static final int KEYS = 24;
  private static final int WRITES_PER_KEY = 20;
  private static final int SPLIT_RECORDS = 100;
  // A new KCL application waits a while (here 10 to 30 s) before its first shard sync.
  private static final Duration DEADLINE = Duration.ofSeconds(100);

  private static TributaryServer server;

  @BeforeAll
  static void start() {
    server =
        TributaryServer.start(
            ServerConfig.inMemory()
                .withStreams(
                    new StreamSettings(Duration.ofHours(4), SPLIT_RECORDS, Duration.ofHours(24))));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Every call the consumer makes, and every error it gets back, by operation. */
  static final class Calls implements ExecutionInterceptor {
    final Map<String, AtomicInteger> made = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    /** Failures that are not part of KCL's normal course, until the consumer shuts down. */
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    volatile boolean shuttingDown;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      made.computeIfAbsent(operation(attributes), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
      String code =
          context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null
              ? e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()
              : context.exception().toString();
      String failure = operation(attributes) + " -> " + code;
      failed.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
      // KCL looks for its tables before it creates them, and races for leases with conditions.
      boolean expected =
          failure.startsWith("DynamoDb.DescribeTable -> ResourceNotFoundException:")
              || failure.contains("ConditionalCheckFailedException");
      if (!expected && !shuttingDown) {
        unexpected.add(failure);
      }
    }

    private static String operation(ExecutionAttributes attributes) {
      return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
          + "."
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
  }

  /** What the record processors were given, across all shards and processor instances. */
  static final class Seen {
    final Map<String, List<Integer>> valuesByKey = new ConcurrentHashMap<>();
    final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    final List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    final List<String> disorder = Collections.synchronizedList(new ArrayList<>());
    final Set<String> shardsWithRecords = ConcurrentHashMap.newKeySet();
    final Set<String> shardsEnded = ConcurrentHashMap.newKeySet();
    final AtomicInteger records = new AtomicInteger();
  }

  /** Records each record's key and value, checkpoints after each batch and at the shard end. */
  static final class Processor implements DynamoDBStreamsShardRecordProcessor {
    private final Seen seen;
    private String shardId;
    private BigInteger last = BigInteger.ZERO;

    Processor(Seen seen) {
      this.seen = seen;
    }

    @Override
    public void initialize(InitializationInput input) {
      shardId = input.shardId();
    }

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
      for (DynamoDBStreamsClientRecord clientRecord : input.records()) {
        Record r = clientRecord.getRecord();
        BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
        if (sequence.compareTo(last) <= 0) {
          seen.disorder.add(shardId + ": " + sequence + " after " + last);
        }
        last = sequence;
        if (!seen.eventIds.add(r.eventID())) {
          seen.duplicates.add(shardId + ": " + r.eventID());
        }
        Map<String, AttributeValue> image = r.dynamodb().newImage();
        synchronized (seen) {
          seen.valuesByKey
              .computeIfAbsent(image.get("id").s(), k -> new ArrayList<>())
              .add(Integer.parseInt(image.get("n").n()));
        }
        seen.shardsWithRecords.add(shardId);
        seen.records.incrementAndGet();
      }
      checkpoint(input.checkpointer());
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {
      seen.shardsEnded.add(shardId);
      checkpoint(input.checkpointer());
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
      checkpoint(input.checkpointer());
    }

    private static void checkpoint(RecordProcessorCheckpointer checkpointer) {
      try {
        checkpointer.checkpoint();
      } catch (KinesisClientLibException e) {
        throw new IllegalStateException("checkpoint failed", e);
      }
    }
  }

  @Test
  void theKinesisClientLibraryReadsEveryRecordOnceInOrderPerKeyAcrossASplit() throws Exception {
    URI uri = server.endpoint();
    Calls calls = new Calls();
    String arn;
    try (DynamoDbClient c = Endpoint.client(uri)) {
      arn = StreamsIT.createStreamTable(c, "kcl-events");
    }

    DynamoDbStreamsClient streams =
        Endpoint.configure(DynamoDbStreamsClient.builder(), uri)
            .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
            .build();
    DynamoDbAsyncClient dynamoDb =
        Endpoint.configure(DynamoDbAsyncClient.builder(), uri)
            .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
            .build();
    // Never called: metrics go to the NullMetricsFactory. It points at Tributary all the same, so
    // that a call would show up as a failure rather than reach AWS.
    CloudWatchAsyncClient cloudWatch =
        Endpoint.configure(CloudWatchAsyncClient.builder(), uri)
            .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
            .build();
    AmazonDynamoDBStreamsAdapterClient adapter =
        new AmazonDynamoDBStreamsAdapterClient(streams, Region.US_EAST_1);

    Seen seen = new Seen();
    ConfigsBuilder configs =
        new ConfigsBuilder(
            StreamsSchedulerFactory.createSingleStreamTracker(
                arn,
                InitialPositionInStreamExtended.newInitialPosition(
                    InitialPositionInStream.TRIM_HORIZON)),
            "kcl-events-consumer",
            adapter,
            dynamoDb,
            cloudWatch,
            "worker-1",
            () -> new Processor(seen));
    RetrievalConfig retrieval = configs.retrievalConfig();
    retrieval.retrievalSpecificConfig(
        new DynamoDBStreamsPollingConfig(arn, adapter).idleTimeBetweenReadsInMillis(200));
    // Shorter timers than KCL's defaults, which are made for hours-long consumers: leases are
    // taken and children discovered within seconds.
    var leases =
        configs.leaseManagementConfig().failoverTimeMillis(2_000).shardSyncIntervalMillis(1_000);
    CoordinatorConfig coordinator =
        configs
            .coordinatorConfig()
            .skipShardSyncAtWorkerInitializationIfLeasesExist(true) // as the adapter asks
            .parentShardPollIntervalMillis(500)
            .shardConsumerDispatchPollIntervalMillis(200)
            .clientVersionConfig(CoordinatorConfig.ClientVersionConfig.CLIENT_VERSION_CONFIG_3X);
    Scheduler scheduler =
        StreamsSchedulerFactory.createScheduler(
            configs.checkpointConfig(),
            coordinator,
            leases,
            configs.lifecycleConfig(),
            configs.metricsConfig().metricsFactory(new NullMetricsFactory()),
            configs.processorConfig(),
            retrieval,
            adapter);
    Thread consumer = Thread.ofPlatform().name("kcl-scheduler").start(scheduler);

    long started = System.nanoTime();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      writers.add(Thread.ofPlatform().start(() -> {
        try (DynamoDbClient c = Endpoint.client(uri)) {
          for (int n = 1; n <= WRITES_PER_KEY; n++) {
            for (int k = writer; k < KEYS; k += 2) {
              Map<String, AttributeValue> item = Map.of(
                  "id", AttributeValue.fromS("key-" + k),
                  "n", AttributeValue.fromN(Integer.toString(n)));
              c.putItem(b -> b.tableName("kcl-events").item(item));
            }
          }
        }
      }));
    }
    for (Thread t : writers) {
      t.join();
    }
    int expected = KEYS * WRITES_PER_KEY;
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (seen.records.get() < expected && System.nanoTime() < deadline && consumer.isAlive()) {
      Thread.sleep(200);
    }
    long consumedMillis = (System.nanoTime() - started) / 1_000_000;
    // A moment more, in case anything is handed over twice after the last record.
    Thread.sleep(1_000);
    calls.shuttingDown = true; // its prefetching threads may fail on the way down
    // KCL takes its time to hand back its leases on a loaded machine.
    scheduler.startGracefulShutdown().get(120, TimeUnit.SECONDS);
    consumer.join(30_000);

    List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
    long splits =
        shards.stream()
            .map(Shard::parentShardId)
            .filter(p -> p != null)
            .distinct()
            .filter(p -> shards.stream().filter(s -> p.equals(s.parentShardId())).count() == 2)
            .count();
    System.out.printf(
        "KCL consumer: %d of %d records in %d ms, %d shards (%d splits), records from %d shards,"
            + " %d shard ends%n  calls: %s%n  errors: %s%n",
        seen.records.get(), expected, consumedMillis, shards.size(), splits,
        seen.shardsWithRecords.size(), seen.shardsEnded.size(), new TreeMap<>(calls.made),
        new TreeMap<>(calls.failed));
    streams.close();
    dynamoDb.close();
    cloudWatch.close();

    assertThat(calls.unexpected).as("calls KCL or the adapter made that failed").isEmpty();
    assertThat(splits).as("the workload split a shard").isPositive();
    assertThat(seen.duplicates).as("records handed over twice").isEmpty();
    assertThat(seen.disorder).as("sequence numbers out of order within a shard").isEmpty();
    assertThat(seen.records.get()).as("records handed to the processors").isEqualTo(expected);
    assertThat(seen.valuesByKey).hasSize(KEYS);
    List<Integer> inOrder = new ArrayList<>();
    for (int n = 1; n <= WRITES_PER_KEY; n++) {
      inOrder.add(n);
    }
    seen.valuesByKey.forEach((key, values) -> assertThat(values).as(key).isEqualTo(inOrder));
    // The consumer followed the lineage: it finished parents and read on in their children.
    assertThat(seen.shardsEnded).isNotEmpty();
    assertThat(seen.shardsWithRecords).hasSizeGreaterThanOrEqualTo(3);
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.stream.StreamSettings;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A consumer on DynamoDbStreamsClient reads a stream while writers change items concurrently;
 * shards split (small threshold) and roll over (short age) under it. It follows the lineage the
 * way stock consumers do, parents before children, and must see every change exactly once and
 * each item's changes in the order they were made.
 */
class StreamConsumersIT {
  private static final int WRITERS = 4;
  private static final int KEYS_PER_WRITER = 10;
  private static final int WRITES_PER_KEY = 40;

  private static TributaryServer server;

  @BeforeAll
  static void start() {
    server =
        TributaryServer.start(
            ServerConfig.inMemory()
                .withStreams(new StreamSettings(Duration.ofSeconds(2), 100, Duration.ofHours(24))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyChangeOnceAndInOrderAcrossSplitsAndRollovers() throws Exception {
    URI uri = server.endpoint();
    String arn;
    try (DynamoDbClient c = Endpoint.client(uri)) {
      arn = StreamsIT.createStreamTable(c, "events");
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(Thread.ofPlatform().start(() -> {
        try (DynamoDbClient c = Endpoint.client(uri)) {
          for (int n = 1; n <= WRITES_PER_KEY; n++) {
            for (int k = 0; k < KEYS_PER_WRITER; k++) {
              String id = "w" + writer + "-k" + k;
              if (n % 2 == 1) {
                c.putItem(b -> b.tableName("events").item(Map.of(
                    "id", AttributeValue.fromS(id))));
              }
              int value = n;
              c.updateItem(b -> b.tableName("events")
                  .key(Map.of("id", AttributeValue.fromS(id)))
                  .updateExpression("SET n = :n")
                  .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(value)))));
            }
            if (n % 10 == 0) {
              // A pause longer than a shard's age: idle shards roll over (splits need only
              // 100 records, which even a slow run reaches between pauses).
              sleep(2200);
            }
          }
        }
      }));
    }

    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Set<String> eventIds = new HashSet<>();
    Set<String> finished = new HashSet<>();
    Map<String, Shard> known = new LinkedHashMap<>();
    try (DynamoDbStreamsClient s = Endpoint.streamsClient(uri)) {
      Thread watcher = Thread.ofPlatform().start(() -> {
        writers.forEach(StreamConsumersIT::join);
        writing.set(false);
      });
      boolean quiet = false;
      while (!quiet) {
        boolean drainedOpen = !writing.get();
        for (Shard shard : describe(s, arn)) {
          known.putIfAbsent(shard.shardId(), shard);
        }
        int progress = 0;
        for (Shard shard : known.values()) {
          String parent = shard.parentShardId();
          if (finished.contains(shard.shardId())
              || (parent != null && known.containsKey(parent) && !finished.contains(parent))) {
            continue;
          }
          progress += readShard(s, arn, shard, seen, eventIds, finished);
        }
        quiet = drainedOpen && progress == 0;
      }
      watcher.join();
    }

    int expectedPerKey = WRITES_PER_KEY + WRITES_PER_KEY / 2;
    assertThat(seen).hasSize(WRITERS * KEYS_PER_WRITER);
    for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
      List<Integer> values = e.getValue();
      assertThat(values).as(e.getKey()).hasSize(expectedPerKey);
      List<Integer> expected = new ArrayList<>();
      for (int n = 1; n <= WRITES_PER_KEY; n++) {
        if (n % 2 == 1) {
          expected.add(0); // the put: no n yet (or reset)
        }
        expected.add(n);
      }
      assertThat(values).as(e.getKey()).isEqualTo(expected);
    }
    assertThat(eventIds).hasSize(WRITERS * KEYS_PER_WRITER * expectedPerKey);
    Map<String, Long> childrenOf = new HashMap<>();
    known.values().stream()
        .filter(sh -> sh.parentShardId() != null)
        .forEach(sh -> childrenOf.merge(sh.parentShardId(), 1L, Long::sum));
    long splits = childrenOf.values().stream().filter(n -> n == 2).count();
    long rollovers = childrenOf.values().stream().filter(n -> n == 1).count();
    System.out.printf("stream consumer: %d records, %d shards, %d splits, %d roll-overs%n",
        eventIds.size(), known.size(), splits, rollovers);
    assertThat(splits).isPositive();
    assertThat(rollovers).isPositive();
  }

  private static List<Shard> describe(DynamoDbStreamsClient s, String arn) {
    List<Shard> shards = new ArrayList<>();
    String after = null;
    do {
      String start = after;
      StreamDescription d =
          s.describeStream(b -> b.streamArn(arn).limit(3).exclusiveStartShardId(start))
              .streamDescription();
      shards.addAll(d.shards());
      after = d.lastEvaluatedShardId();
    } while (after != null);
    return shards;
  }

  /** Reads a shard as far as it goes now; returns how many records it read. */
  private static int readShard(
      DynamoDbStreamsClient s,
      String arn,
      Shard shard,
      Map<String, List<Integer>> seen,
      Set<String> eventIds,
      Set<String> finished) {
    Map<String, String> positions = POSITIONS;
    String after = positions.get(shard.shardId());
    String iterator =
        s.getShardIterator(b -> {
              b.streamArn(arn).shardId(shard.shardId());
              if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
              } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
              }
            })
            .shardIterator();
    int read = 0;
    BigInteger last = after == null ? BigInteger.ZERO : new BigInteger(after);
    while (iterator != null) {
      String it = iterator;
      GetRecordsResponse page = s.getRecords(b -> b.shardIterator(it).limit(25));
      for (Record r : page.records()) {
        BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
        assertThat(sequence).isGreaterThan(last);
        last = sequence;
        assertThat(eventIds.add(r.eventID())).as("record read twice: " + r.eventID()).isTrue();
        Map<String, AttributeValue> image = r.dynamodb().newImage();
        AttributeValue n = image.get("n");
        seen.computeIfAbsent(image.get("id").s(), k -> new ArrayList<>())
            .add(n == null ? 0 : Integer.parseInt(n.n()));
        positions.put(shard.shardId(), r.dynamodb().sequenceNumber());
        read++;
      }
      iterator = page.nextShardIterator();
      if (iterator == null) {
        finished.add(shard.shardId());
      } else if (page.records().isEmpty()) {
        break; // the open end, for now
      }
    }
    return read;
  }

  private static final Map<String, String> POSITIONS = new HashMap<>();

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

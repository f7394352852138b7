package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A stream holds exactly the acknowledged changes after a crash: writers change items on a table
 * with a NEW_IMAGE stream whose shards split quickly, the server is killed with SIGKILL in the
 * middle, and after a restart on the same data directory the stream has a record for every
 * acknowledged write, a record for an unacknowledged write exactly when the item shows that write,
 * nothing twice, each item's records in order along the shard lineage, and sequence numbers that
 * rise within each shard; writes after the restart go on in open shards, numbered higher.
 */
class StreamCrashRecoveryIT {
  private static final String TABLE = "crash-stream";
  private static final int WRITERS = 4;
  private static final int KEYS_PER_WRITER = 5;
  private static final String[] SERVE = {"--stream-split-records", "100"};

  @TempDir Path data;

  private ServerProcess start() throws Exception {
    List<String> args = new ArrayList<>(List.of("--data-dir", data.toString()));
    args.addAll(List.of(SERVE));
    return ServerProcess.start(args.toArray(String[]::new));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  @Test
  void theStreamHoldsExactlyTheAcknowledgedChangesAfterSigkill() throws Exception {
    // Per item: the last n acknowledged, and the n of a write that got no answer.
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    Map<String, Integer> unanswered = new ConcurrentHashMap<>();
    AtomicInteger writes = new AtomicInteger();
    String arn;
    int shardsBeforeKill;
    try (ServerProcess server = start()) {
      try (DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
        arn = StreamsIT.createStreamTable(c, TABLE);
      }
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(Thread.ofPlatform().start(() -> {
          try (DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
            for (int n = 1; !stop.get(); n++) {
              for (int k = 0; k < KEYS_PER_WRITER; k++) {
                String id = "w" + writer + "-k" + k;
                Map<String, AttributeValue> item = new HashMap<>(key(id));
                item.put("n", AttributeValue.fromN(Integer.toString(n)));
                // Every other write is an UpdateItem, so both write paths are crashed into.
                try {
                  if (n % 2 == 0) {
                    c.putItem(b -> b.tableName(TABLE).item(item));
                  } else {
                    c.updateItem(b -> b.tableName(TABLE).key(key(id))
                        .updateExpression("SET n = :n")
                        .expressionAttributeValues(Map.of(":n", item.get("n"))));
                  }
                } catch (RuntimeException e) {
                  unanswered.put(id, n);
                  return; // the server is gone
                }
                acknowledged.put(id, n);
                writes.incrementAndGet();
              }
            }
          }
        }));
      }
      while (writes.get() < 600 && writers.stream().allMatch(Thread::isAlive)) {
        Thread.sleep(20);
      }
      try (DynamoDbStreamsClient s = Endpoint.streamsClient(server.endpoint())) {
        shardsBeforeKill = describe(s, arn).size();
      }
      Thread.sleep(100);
      server.kill();
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
    }
    assertThat(shardsBeforeKill).as("shards split before the kill").isGreaterThanOrEqualTo(3);
    assertThat(acknowledged).hasSize(WRITERS * KEYS_PER_WRITER);

    try (ServerProcess restarted = start();
        DynamoDbClient c = Endpoint.clientWithoutRetries(restarted.endpoint());
        DynamoDbStreamsClient s = Endpoint.streamsClient(restarted.endpoint())) {
      // What each item shows now: its last acknowledged write, or the unanswered one after it.
      Map<String, Integer> shown = new HashMap<>();
      for (String id : acknowledged.keySet()) {
        int n = Integer.parseInt(
            c.getItem(b -> b.tableName(TABLE).key(key(id)).consistentRead(true)).item().get("n").n());
        shown.put(id, n);
        assertThat(n).as(id).isIn(acknowledged.get(id), unanswered.getOrDefault(id, -1));
      }
      long applied = unanswered.keySet().stream()
          .filter(id -> shown.get(id).equals(unanswered.get(id)))
          .count();

      Read before = read(s, arn);
      for (String id : acknowledged.keySet()) {
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= shown.get(id); n++) {
          expected.add(n);
        }
        assertThat(before.valuesByKey.get(id))
            .as("the records of %s along the lineage", id)
            .isEqualTo(expected);
      }
      int recordsBefore = before.records.size();

      // Writes after the restart: numbered after everything before, in shards still open.
      Set<String> closedBefore = new HashSet<>();
      for (Shard shard : describe(s, arn)) {
        if (shard.sequenceNumberRange().endingSequenceNumber() != null) {
          closedBefore.add(shard.shardId());
        }
      }
      for (String id : acknowledged.keySet()) {
        int n = shown.get(id) + 1;
        c.putItem(b -> b.tableName(TABLE).item(Map.of(
            "id", AttributeValue.fromS(id), "n", AttributeValue.fromN(Integer.toString(n)))));
      }
      Read after = read(s, arn);
      assertThat(after.records).hasSize(recordsBefore + acknowledged.size());
      BigInteger highestBefore =
          before.records.values().stream().map(Placed::sequence).max(BigInteger::compareTo).orElseThrow();
      for (Map.Entry<String, Placed> e : after.records.entrySet()) {
        if (!before.records.containsKey(e.getKey())) {
          assertThat(e.getValue().sequence()).isGreaterThan(highestBefore);
          assertThat(closedBefore).doesNotContain(e.getValue().shardId());
        }
      }
      for (String id : acknowledged.keySet()) {
        List<Integer> values = after.valuesByKey.get(id);
        assertThat(values).as(id).hasSize(shown.get(id) + 1);
        assertThat(values.get(values.size() - 1)).as(id).isEqualTo(shown.get(id) + 1);
      }
      System.out.printf(
          "stream crash recovery: %d acknowledged writes, %d unanswered (%d applied), %d records"
              + " after the restart in %d shards (%d before the kill), %d more after new writes%n",
          writes.get(), unanswered.size(), applied, recordsBefore, before.shards, shardsBeforeKill,
          after.records.size() - recordsBefore);
    }
  }

  /** A record's sequence number and the shard it is in. */
  record Placed(BigInteger sequence, String shardId) {}

  /** The whole stream as a consumer reads it: parents before children. */
  static final class Read {
    final Map<String, List<Integer>> valuesByKey = new HashMap<>();
    /** By eventID; a second record with the same eventID fails the read. */
    final Map<String, Placed> records = new LinkedHashMap<>();
    int shards;
  }

  private static Read read(DynamoDbStreamsClient s, String arn) {
    Read read = new Read();
    List<Shard> shards = describe(s, arn);
    read.shards = shards.size();
    Set<String> ids = new HashSet<>();
    shards.forEach(sh -> ids.add(sh.shardId()));
    Set<String> done = new HashSet<>();
    while (done.size() < shards.size()) {
      int before = done.size();
      for (Shard shard : shards) {
        String parent = shard.parentShardId();
        if (done.contains(shard.shardId())
            || (parent != null && ids.contains(parent) && !done.contains(parent))) {
          continue;
        }
        readShard(s, arn, shard, read);
        done.add(shard.shardId());
      }
      assertThat(done.size()).as("shard lineage without cycles").isGreaterThan(before);
    }
    return read;
  }

  private static void readShard(DynamoDbStreamsClient s, String arn, Shard shard, Read read) {
    String iterator =
        s.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    BigInteger last = BigInteger.ZERO;
    while (iterator != null) {
      String it = iterator;
      GetRecordsResponse page = s.getRecords(b -> b.shardIterator(it));
      for (Record r : page.records()) {
        BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
        assertThat(sequence).as("sequence numbers rise in %s", shard.shardId()).isGreaterThan(last);
        last = sequence;
        assertThat(read.records.put(r.eventID(), new Placed(sequence, shard.shardId())))
            .as("record %s read twice", r.eventID())
            .isNull();
        Map<String, AttributeValue> image = r.dynamodb().newImage();
        read.valuesByKey
            .computeIfAbsent(image.get("id").s(), k -> new ArrayList<>())
            .add(Integer.parseInt(image.get("n").n()));
      }
      iterator = page.records().isEmpty() ? null : page.nextShardIterator();
    }
  }

  private static List<Shard> describe(DynamoDbStreamsClient s, String arn) {
    List<Shard> shards = new ArrayList<>();
    String after = null;
    do {
      String start = after;
      StreamDescription d =
          s.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start)).streamDescription();
      shards.addAll(d.shards());
      after = d.lastEvaluatedShardId();
    } while (after != null);
    return shards;
  }
}

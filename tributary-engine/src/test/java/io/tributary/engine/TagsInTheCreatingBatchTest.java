package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.storage.memory.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * CreateTable's Tags are written in the batch that creates the table: a crash after it leaves the
 * table with its tags, one before it leaves neither. (They used to follow in a second batch.)
 */
class TagsInTheCreatingBatchTest {

  /** A store that remembers every batch written to it. */
  private static final class RecordingStore implements Store {
    final MemoryStore store = new MemoryStore();
    final List<WriteBatch> batches = new CopyOnWriteArrayList<>();

    @Override
    public byte[] get(Keyspace keyspace, byte[] key) {
      return store.get(keyspace, key);
    }

    @Override
    public EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse) {
      return store.scan(keyspace, from, to, reverse);
    }

    @Override
    public void write(WriteBatch batch) {
      batches.add(batch);
      store.write(batch);
    }

    @Override
    public Snapshot snapshot() {
      return store.snapshot();
    }

    @Override
    public void close() {
      store.close();
    }
  }

  private static boolean writes(WriteBatch batch, Keyspace keyspace, String keyPrefix) {
    return batch.operations().stream()
        .anyMatch(o -> o.keyspace() == keyspace && o.value() != null
            && new String(o.key(), StandardCharsets.ISO_8859_1).startsWith(keyPrefix));
  }

  @Test
  void theTableAndItsTagsAreOneBatch() {
    RecordingStore store = new RecordingStore();
    try (EngineFixture db = new EngineFixture(store, Duration.ZERO)) {
      String arn = db.call("CreateTable", "{'TableName':'tagged','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
              + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
              + "'Tags':[{'Key':'team','Value':'core'}]}")
          .replaceAll(".*\"TableArn\":\"([^\"]+)\".*", "$1");
      List<WriteBatch> creating = store.batches.stream()
          .filter(b -> b.operations().stream().anyMatch(o -> o.keyspace() == Keyspace.CATALOG))
          .toList();
      assertThat(creating).hasSize(1);
      assertThat(writes(creating.get(0), Keyspace.SYSTEM, "tags/")).isTrue();
      assertThat(store.batches.stream().filter(b -> writes(b, Keyspace.SYSTEM, "tags/"))).hasSize(1);
      assertThat(db.call("ListTagsOfResource", "{'ResourceArn':'" + arn + "'}"))
          .isEqualTo("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"core\"}]}");
    }
  }

  @Test
  void aTableWithoutTagsWritesNone() {
    RecordingStore store = new RecordingStore();
    try (EngineFixture db = new EngineFixture(store, Duration.ZERO)) {
      db.call("CreateTable", "{'TableName':'plain','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
          + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST','Tags':[]}");
      assertThat(store.batches.stream().filter(b -> writes(b, Keyspace.SYSTEM, "tags/"))).isEmpty();
    }
  }
}

package io.tributary.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Store} must do. An implementation's test extends this and says how to open an
 * empty store; this module runs it for RocksDB and memory, and publishes it in its test jar so
 * other modules can run it against theirs.
 */
public abstract class StoreContractTest {

  protected static final Keyspace KS = Keyspace.ITEMS;

  protected Store store;

  /** A new, empty store; the test closes it. */
  protected abstract Store openStore() throws Exception;

  @BeforeEach
  void openTheStore() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  // ---- helpers

  protected static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  protected static byte[] bytes(int... unsigned) {
    byte[] out = new byte[unsigned.length];
    for (int i = 0; i < unsigned.length; i++) {
      out[i] = (byte) unsigned[i];
    }
    return out;
  }

  protected static String s(byte[] bytes) {
    return bytes == null ? null : new String(bytes, UTF_8);
  }

  protected void put(Keyspace keyspace, String key, String value) {
    store.write(new WriteBatch().put(keyspace, b(key), b(value)));
  }

  protected void put(String key, String value) {
    put(KS, key, value);
  }

  protected void delete(String key) {
    store.write(new WriteBatch().delete(KS, b(key)));
  }

  protected String get(String key) {
    return s(store.get(KS, b(key)));
  }

  /** Every entry of the scan as "key=value", in the order the scan returned them. */
  protected static List<String> scan(
      ReadView view, Keyspace keyspace, String from, String to, boolean reverse) {
    List<String> out = new ArrayList<>();
    try (EntryIterator it =
        view.scan(keyspace, b(from), to == null ? null : b(to), reverse)) {
      while (it.next()) {
        out.add(s(it.key()) + "=" + s(it.value()));
      }
    }
    return out;
  }

  protected static List<byte[]> scanKeys(ReadView view, Keyspace keyspace, byte[] from, byte[] to,
      boolean reverse) {
    List<byte[]> out = new ArrayList<>();
    try (EntryIterator it = view.scan(keyspace, from, to, reverse)) {
      while (it.next()) {
        out.add(it.key());
      }
    }
    return out;
  }

  // ---- get, put, delete

  @Test
  void getOfAMissingKeyIsNull() {
    assertThat(store.get(KS, b("nothing"))).isNull();
  }

  @Test
  void putThenGetThenOverwriteThenDelete() {
    put("k", "v1");
    assertThat(get("k")).isEqualTo("v1");
    put("k", "v2");
    assertThat(get("k")).isEqualTo("v2");
    delete("k");
    assertThat(get("k")).isNull();
    put("k", "v3");
    assertThat(get("k")).isEqualTo("v3");
  }

  @Test
  void deletingAMissingKeyIsHarmless() {
    delete("never");
    delete("never");
    assertThat(get("never")).isNull();
    assertThat(scan(store, KS, "", null, false)).isEmpty();
  }

  @Test
  void emptyValuesAreValuesNotAbsence() {
    store.write(new WriteBatch().put(KS, b("empty"), new byte[0]));
    assertThat(store.get(KS, b("empty"))).isNotNull().isEmpty();
    assertThat(scan(store, KS, "", null, false)).containsExactly("empty=");
    delete("empty");
    assertThat(store.get(KS, b("empty"))).isNull();
  }

  @Test
  void theEmptyKeyIsAKeyAndSortsFirst() {
    put("a", "1");
    store.write(new WriteBatch().put(KS, new byte[0], b("0")));
    assertThat(s(store.get(KS, new byte[0]))).isEqualTo("0");
    assertThat(scan(store, KS, "", null, false)).containsExactly("=0", "a=1");
    assertThat(scan(store, KS, "", null, true)).containsExactly("a=1", "=0");
  }

  @Test
  void largeValuesRoundTrip() {
    Random random = new Random(42);
    byte[][] values = new byte[4][];
    WriteBatch batch = new WriteBatch();
    for (int i = 0; i < values.length; i++) {
      values[i] = new byte[1 << 20];
      random.nextBytes(values[i]);
      batch.put(KS, b("big" + i), values[i]);
    }
    store.write(batch);
    for (int i = 0; i < values.length; i++) {
      assertThat(store.get(KS, b("big" + i))).isEqualTo(values[i]);
    }
    try (EntryIterator it = store.scan(KS, b("big"), b("bih"), false)) {
      for (int i = 0; i < values.length; i++) {
        assertThat(it.next()).isTrue();
        assertThat(it.value()).isEqualTo(values[i]);
      }
      assertThat(it.next()).isFalse();
    }
  }

  @Test
  void arraysBelongToTheCaller() {
    byte[] key = b("k");
    byte[] value = b("value");
    WriteBatch batch = new WriteBatch().put(KS, key, value);
    store.write(batch);
    key[0] = 'x';
    value[0] = 'X';
    assertThat(get("k")).isEqualTo("value");
    assertThat(store.get(KS, b("x"))).isNull();

    byte[] read = store.get(KS, b("k"));
    read[0] = 'Y';
    assertThat(get("k")).isEqualTo("value");

    try (EntryIterator it = store.scan(KS, b(""), null, false)) {
      assertThat(it.next()).isTrue();
      it.key()[0] = 'z';
      it.value()[0] = 'Z';
      assertThat(s(it.key())).isEqualTo("k");
      assertThat(s(it.value())).isEqualTo("value");
    }
    assertThat(scan(store, KS, "", null, false)).containsExactly("k=value");
  }

  // ---- batches

  @Test
  void aBatchAppliesEveryOperationInOrder() {
    put("gone", "old");
    put("kept", "old");
    store.write(
        new WriteBatch()
            .put(KS, b("a"), b("first"))
            .put(KS, b("a"), b("second"))
            .put(KS, b("b"), b("put-then-deleted"))
            .delete(KS, b("b"))
            .delete(KS, b("c"))
            .put(KS, b("c"), b("deleted-then-put"))
            .delete(KS, b("gone"))
            .put(Keyspace.INDEXES, b("a"), b("index")));
    assertThat(get("a")).isEqualTo("second");
    assertThat(get("b")).isNull();
    assertThat(get("c")).isEqualTo("deleted-then-put");
    assertThat(get("gone")).isNull();
    assertThat(get("kept")).isEqualTo("old");
    assertThat(s(store.get(Keyspace.INDEXES, b("a")))).isEqualTo("index");
    assertThat(scan(store, KS, "", null, false))
        .containsExactly("a=second", "c=deleted-then-put", "kept=old");
  }

  @Test
  void anEmptyBatchIsHarmless() {
    store.write(new WriteBatch());
    assertThat(scan(store, KS, "", null, false)).isEmpty();
  }

  @Test
  void aBatchMayBeReusedAfterItIsWritten() {
    WriteBatch batch = new WriteBatch().put(KS, b("k"), b("v"));
    store.write(batch);
    store.write(batch);
    assertThat(scan(store, KS, "", null, false)).containsExactly("k=v");
  }

  // ---- scans

  @Test
  void scanBoundsAreFromInclusiveToExclusive() {
    for (String key : List.of("a", "b", "bb", "c", "d")) {
      put(key, key.toUpperCase());
    }
    assertThat(scan(store, KS, "b", "d", false)).containsExactly("b=B", "bb=BB", "c=C");
    assertThat(scan(store, KS, "b", "c", false)).containsExactly("b=B", "bb=BB");
    assertThat(scan(store, KS, "ba", "bz", false)).containsExactly("bb=BB");
    assertThat(scan(store, KS, "b", null, false)).containsExactly("b=B", "bb=BB", "c=C", "d=D");
    assertThat(scan(store, KS, "", null, false)).hasSize(5);
    assertThat(scan(store, KS, "e", null, false)).isEmpty();
    assertThat(scan(store, KS, "c", "c", false)).isEmpty();
    assertThat(scan(store, KS, "d", "b", false)).isEmpty();
  }

  @Test
  void reverseScansReturnTheSameRangeBackwards() {
    for (String key : List.of("a", "b", "bb", "c", "d")) {
      put(key, key.toUpperCase());
    }
    assertThat(scan(store, KS, "b", "d", true)).containsExactly("c=C", "bb=BB", "b=B");
    assertThat(scan(store, KS, "b", null, true)).containsExactly("d=D", "c=C", "bb=BB", "b=B");
    assertThat(scan(store, KS, "", "b", true)).containsExactly("a=A");
    assertThat(scan(store, KS, "", null, true)).containsExactly("d=D", "c=C", "bb=BB", "b=B", "a=A");
    assertThat(scan(store, KS, "c", "c", true)).isEmpty();
    assertThat(scan(store, KS, "d", "b", true)).isEmpty();
  }

  @Test
  void scansSkipDeletedKeys() {
    for (String key : List.of("a", "b", "c", "d")) {
      put(key, "v");
    }
    delete("b");
    delete("d");
    assertThat(scan(store, KS, "", null, false)).containsExactly("a=v", "c=v");
    assertThat(scan(store, KS, "", null, true)).containsExactly("c=v", "a=v");
  }

  @Test
  void keysCompareAsUnsignedBytes() {
    byte[][] sorted = {
      bytes(), bytes(0x00), bytes(0x01), bytes(0x01, 0x00), bytes(0x7F), bytes(0x80), bytes(0xFE),
      bytes(0xFF), bytes(0xFF, 0x00), bytes(0xFF, 0xFF)
    };
    WriteBatch batch = new WriteBatch();
    for (int i = sorted.length - 1; i >= 0; i--) {
      batch.put(KS, sorted[i], bytes(i));
    }
    store.write(batch);

    assertThat(scanKeys(store, KS, bytes(), null, false)).containsExactly(sorted);
    List<byte[]> reversed = new ArrayList<>(Arrays.asList(sorted));
    java.util.Collections.reverse(reversed);
    assertThat(scanKeys(store, KS, bytes(), null, true)).containsExactlyElementsOf(reversed);
    // Bounds compare unsigned too: 0x80..0xFF are above 0x7F, not below 0x00.
    assertThat(scanKeys(store, KS, bytes(0x80), bytes(0xFF), false))
        .containsExactly(bytes(0x80), bytes(0xFE));
    assertThat(scanKeys(store, KS, bytes(0x01), bytes(0x80), true))
        .containsExactly(bytes(0x7F), bytes(0x01, 0x00), bytes(0x01));
    assertThat(scanKeys(store, KS, bytes(0xFF), null, false))
        .containsExactly(bytes(0xFF), bytes(0xFF, 0x00), bytes(0xFF, 0xFF));
  }

  @Test
  void keyspacesAreIsolated() {
    for (Keyspace keyspace : Keyspace.values()) {
      put(keyspace, "same", keyspace.columnFamily());
      put(keyspace, "only-" + keyspace.columnFamily(), "x");
    }
    for (Keyspace keyspace : Keyspace.values()) {
      assertThat(s(store.get(keyspace, b("same")))).isEqualTo(keyspace.columnFamily());
      assertThat(scan(store, keyspace, "", null, false))
          .containsExactly("only-" + keyspace.columnFamily() + "=x", "same=" + keyspace.columnFamily());
    }
    store.write(new WriteBatch().delete(Keyspace.CATALOG, b("same")));
    assertThat(store.get(Keyspace.CATALOG, b("same"))).isNull();
    assertThat(s(store.get(Keyspace.SYSTEM, b("same")))).isEqualTo("system");
  }

  // ---- snapshots and point-in-time scans

  @Test
  void aSnapshotDoesNotSeeLaterWrites() {
    put("a", "1");
    put("b", "1");
    put("d", "1");
    try (Snapshot snapshot = store.snapshot()) {
      store.write(
          new WriteBatch()
              .put(KS, b("a"), b("2"))
              .delete(KS, b("b"))
              .put(KS, b("c"), b("new"))
              .put(Keyspace.INDEXES, b("a"), b("new")));
      put("d", "2");

      assertThat(s(snapshot.get(KS, b("a")))).isEqualTo("1");
      assertThat(s(snapshot.get(KS, b("b")))).isEqualTo("1");
      assertThat(snapshot.get(KS, b("c"))).isNull();
      assertThat(snapshot.get(Keyspace.INDEXES, b("a"))).isNull();
      assertThat(scan(snapshot, KS, "", null, false)).containsExactly("a=1", "b=1", "d=1");
      assertThat(scan(snapshot, KS, "", null, true)).containsExactly("d=1", "b=1", "a=1");
      assertThat(scan(snapshot, KS, "b", "d", false)).containsExactly("b=1");

      assertThat(scan(store, KS, "", null, false)).containsExactly("a=2", "c=new", "d=2");
    }
  }

  @Test
  void aSnapshotKeepsItsViewThroughManyOverwrites() {
    put("hot", "0");
    put("deleted", "0");
    try (Snapshot snapshot = store.snapshot()) {
      for (int i = 1; i <= 200; i++) {
        put("hot", String.valueOf(i));
        if (i % 2 == 0) {
          delete("deleted");
        } else {
          put("deleted", String.valueOf(i));
        }
      }
      assertThat(s(snapshot.get(KS, b("hot")))).isEqualTo("0");
      assertThat(scan(snapshot, KS, "", null, false)).containsExactly("deleted=0", "hot=0");
    }
    assertThat(get("hot")).isEqualTo("200");
    assertThat(get("deleted")).isNull();
  }

  @Test
  void severalSnapshotsEachSeeTheirOwnMoment() {
    List<Snapshot> snapshots = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        put("k", String.valueOf(i));
        snapshots.add(store.snapshot());
      }
      delete("k");
      for (int i = 0; i < 5; i++) {
        assertThat(s(snapshots.get(i).get(KS, b("k")))).isEqualTo(String.valueOf(i));
      }
      snapshots.get(2).close();
      put("k", "later");
      for (int i : new int[] {0, 1, 3, 4}) {
        assertThat(s(snapshots.get(i).get(KS, b("k")))).isEqualTo(String.valueOf(i));
      }
    } finally {
      snapshots.forEach(Snapshot::close);
    }
    assertThat(get("k")).isEqualTo("later");
  }

  @Test
  void anOpenScanDoesNotSeeLaterWrites() {
    put("a", "1");
    put("c", "1");
    for (boolean reverse : new boolean[] {false, true}) {
      try (EntryIterator it = store.scan(KS, b(""), null, reverse)) {
        store.write(
            new WriteBatch()
                .put(KS, b("b"), b("new"))
                .put(KS, b("a"), b("2"))
                .put(KS, b("c"), b("2")));
        List<String> seen = new ArrayList<>();
        while (it.next()) {
          seen.add(s(it.key()) + "=" + s(it.value()));
        }
        assertThat(seen).containsExactlyInAnyOrder("a=1", "c=1");
      }
      store.write(new WriteBatch().delete(KS, b("b")).put(KS, b("a"), b("1")).put(KS, b("c"), b("1")));
    }
  }

  @Test
  void scansOpenedFromASnapshotOutliveIt() {
    put("a", "1");
    Snapshot snapshot = store.snapshot();
    EntryIterator it = store.scan(KS, b(""), null, false);
    EntryIterator fromSnapshot = snapshot.scan(KS, b(""), null, false);
    put("a", "2");
    snapshot.close();
    for (int i = 0; i < 50; i++) {
      put("a", "x" + i);
    }
    assertThat(fromSnapshot.next()).isTrue();
    assertThat(s(fromSnapshot.value())).isEqualTo("1");
    assertThat(fromSnapshot.next()).isFalse();
    assertThat(it.next()).isTrue();
    assertThat(s(it.value())).isEqualTo("1");
    fromSnapshot.close();
    it.close();
  }

  // ---- closing

  @Test
  void iteratorsEnforceTheirProtocol() {
    put("a", "1");
    EntryIterator it = store.scan(KS, b(""), null, false);
    assertThatThrownBy(it::key).isInstanceOf(IllegalStateException.class);
    assertThat(it.next()).isTrue();
    assertThat(s(it.key())).isEqualTo("a");
    assertThat(it.next()).isFalse();
    assertThat(it.next()).isFalse();
    assertThatThrownBy(it::value).isInstanceOf(IllegalStateException.class);
    it.close();
    it.close();
    assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);

    EntryIterator empty = store.scan(KS, b("z"), b("a"), false);
    assertThat(empty.next()).isFalse();
    empty.close();
    assertThatThrownBy(empty::next).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClosedSnapshotCannotBeRead() {
    put("a", "1");
    Snapshot snapshot = store.snapshot();
    snapshot.close();
    snapshot.close();
    assertThatThrownBy(() -> snapshot.get(KS, b("a"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> snapshot.scan(KS, b(""), null, false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(get("a")).isEqualTo("1");
  }

  @Test
  void aClosedStoreThrowsAndClosesWhatIsOpen() {
    put("a", "1");
    put("b", "2");
    EntryIterator it = store.scan(KS, b(""), null, false);
    assertThat(it.next()).isTrue();
    Snapshot snapshot = store.snapshot();

    store.close();
    store.close();

    assertThatThrownBy(() -> store.get(KS, b("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.scan(KS, b(""), null, false))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(new WriteBatch().put(KS, b("c"), b("3"))))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.snapshot()).isInstanceOf(StorageException.class);
    assertThatThrownBy(it::next).isInstanceOf(StorageException.class);
    assertThatThrownBy(it::key).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> snapshot.get(KS, b("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> snapshot.scan(KS, b(""), null, false))
        .isInstanceOf(StorageException.class);
    it.close();
    snapshot.close();
  }

  /**
   * Closing while other threads read, scan and write: each of their calls either completes or
   * throws {@link StorageException} (or {@link IllegalStateException} for a snapshot closed under
   * it) — nothing hangs, and nothing touches freed memory.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void closingWhileOthersAreBusyStopsThemCleanly() throws Exception {
    for (int i = 0; i < 100; i++) {
      put(String.format("k%03d", i), "v" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch running = new CountDownLatch(4);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int kind = t;
        workers.add(
            pool.submit(
                () -> {
                  running.countDown();
                  try {
                    for (int i = 0; ; i++) {
                      switch (kind) {
                        case 0 -> store.get(KS, b(String.format("k%03d", i % 100)));
                        case 1 -> store.write(new WriteBatch().put(KS, b("w" + i), b("x")));
                        case 2 -> {
                          try (EntryIterator it = store.scan(KS, b(""), null, i % 2 == 0)) {
                            while (it.next()) {
                              it.key();
                              it.value();
                            }
                          }
                        }
                        default -> {
                          try (Snapshot snapshot = store.snapshot()) {
                            snapshot.get(KS, b("k001"));
                            try (EntryIterator it = snapshot.scan(KS, b("k"), b("l"), true)) {
                              while (it.next()) {
                                it.value();
                              }
                            }
                          }
                        }
                      }
                    }
                  } catch (StorageException | IllegalStateException expected) {
                    return null;
                  }
                }));
      }
      running.await();
      Thread.sleep(100);
      store.close();
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  // ---- concurrency

  private static final int GROUP = 8;
  private static final int WRITERS = 3;
  private static final int READERS = 3;

  /**
   * Writers each own a group of keys and rewrite the whole group (and a mirror key in another
   * keyspace) in one batch, sometimes deleting it instead; readers check that every view shows
   * each group whole: all keys with one batch's value, or none of them.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentReadersSeeEachBatchWholeOrNotAtAll() throws Exception {
    int batchesPerWriter = 400;
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong views = new AtomicLong();
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int n = 1; n <= batchesPerWriter; n++) {
                    store.write(groupBatch(writer, n));
                  }
                  return null;
                }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  long[] lastCounters = new long[WRITERS];
                  int round = 0;
                  while (writing.get() || round < 3) {
                    checkCountersNeverGoBack(lastCounters);
                    checkView(reader, round++);
                    views.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      writing.set(false);
      for (Future<?> reader : readers) {
        reader.get();
      }
      assertThat(views.get()).isGreaterThanOrEqualTo(READERS * 3L);
      // At the end every group holds its writer's last batch.
      for (int w = 0; w < WRITERS; w++) {
        Map<String, String> group = groupValues(scan(store, KS, "g" + w + "/", "g" + w + "0", false));
        String expected = batchesPerWriter % 5 == 0 ? null : w + ":" + batchesPerWriter;
        assertThat(group.isEmpty() ? null : group.values().iterator().next()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Batch {@code n} of a writer: every fifth one deletes the group, the others rewrite it. */
  private static WriteBatch groupBatch(int writer, int n) {
    WriteBatch batch = new WriteBatch();
    String value = writer + ":" + n;
    boolean delete = n % 5 == 0;
    for (int k = 0; k < GROUP; k++) {
      byte[] key = b("g" + writer + "/" + k);
      if (delete) {
        batch.delete(KS, key);
      } else {
        batch.put(KS, key, b(value));
      }
    }
    batch.put(Keyspace.SYSTEM, b("counter-" + writer), b(String.valueOf(n)));
    byte[] mirror = b("g" + writer);
    if (delete) {
      batch.delete(Keyspace.INDEXES, mirror);
    } else {
      batch.put(Keyspace.INDEXES, mirror, b(value));
    }
    return batch;
  }

  /** Point reads outside any snapshot: one thread must never see a key go back in time. */
  private void checkCountersNeverGoBack(long[] last) {
    for (int w = 0; w < WRITERS; w++) {
      String value = s(store.get(Keyspace.SYSTEM, b("counter-" + w)));
      long seen = value == null ? 0 : Long.parseLong(value);
      assertThat(seen).as("counter of writer %d", w).isGreaterThanOrEqualTo(last[w]);
      last[w] = seen;
    }
  }

  private void checkView(int reader, int round) {
    switch ((reader + round) % 3) {
      case 0 -> {
        // A live scan over every group, forward or backward.
        List<String> entries = scan(store, KS, "", null, round % 2 == 0);
        for (int w = 0; w < WRITERS; w++) {
          String prefix = "g" + w + "/";
          assertWhole(groupValues(entries.stream().filter(e -> e.startsWith(prefix)).toList()));
        }
      }
      case 1 -> {
        // Point reads in a snapshot, across two keyspaces.
        try (Snapshot snapshot = store.snapshot()) {
          for (int w = 0; w < WRITERS; w++) {
            Map<String, String> group = new HashMap<>();
            for (int k = 0; k < GROUP; k++) {
              String value = s(snapshot.get(KS, b("g" + w + "/" + k)));
              if (value != null) {
                group.put("g" + w + "/" + k, value);
              }
            }
            assertWhole(group);
            String mirror = s(snapshot.get(Keyspace.INDEXES, b("g" + w)));
            assertThat(mirror).isEqualTo(group.isEmpty() ? null : group.values().iterator().next());
          }
        }
      }
      default -> {
        // A snapshot scan of one group, then the same group again: the snapshot must not move.
        try (Snapshot snapshot = store.snapshot()) {
          int w = round % WRITERS;
          List<String> first = scan(snapshot, KS, "g" + w + "/", "g" + w + "0", true);
          assertWhole(groupValues(first));
          Thread.yield();
          assertThat(scan(snapshot, KS, "g" + w + "/", "g" + w + "0", true)).isEqualTo(first);
        }
      }
    }
  }

  private static Map<String, String> groupValues(List<String> entries) {
    Map<String, String> values = new HashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      values.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return values;
  }

  private static void assertWhole(Map<String, String> group) {
    if (!group.isEmpty()) {
      assertThat(group).hasSize(GROUP);
      assertThat(group.values().stream().distinct().count())
          .as("one batch's value across the group: %s", group)
          .isEqualTo(1);
    }
  }
}

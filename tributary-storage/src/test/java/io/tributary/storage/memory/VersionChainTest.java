package io.tributary.storage.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The version chain of one key: what each read point sees after writers drop versions. */
class VersionChainTest {

  private static final byte[] KEY = "k".getBytes(UTF_8);

  private final MemoryKeyspace keyspace = new MemoryKeyspace(true);

  private static long[] points(long... descending) {
    return descending;
  }

  private String at(long readPoint) {
    Version v = keyspace.visible(KEY, readPoint);
    if (v == Version.PRUNED) {
      return "PRUNED";
    }
    return v == null || v.isTombstone() ? null : new String(v.value, UTF_8);
  }

  private void write(long number, String value) {
    // Keep everything while building the chain.
    long[] all = new long[(int) number];
    for (int i = 0; i < all.length; i++) {
      all[i] = number - 1 - i;
    }
    keyspace.install(KEY, value == null ? null : value.getBytes(UTF_8), number, all);
  }

  @Test
  void droppedVersionsAreReportedNotSkipped() {
    write(4, "c");
    write(5, "b");
    write(7, "a");
    write(10, "head");
    assertThat(keyspace.versions(KEY)).isEqualTo(4);

    // Read points 9 and 3 remain: 9 sees "a", 3 sees that the key did not exist yet.
    Version.prune(keyspace.head(KEY), points(9, 3));

    assertThat(at(10)).isEqualTo("head");
    assertThat(at(9)).isEqualTo("a");
    assertThat(at(7)).isEqualTo("a");
    // "b" (5..6) was dropped: a reader there is told, not handed "c".
    assertThat(at(6)).isEqualTo("PRUNED");
    assertThat(at(5)).isEqualTo("PRUNED");
    // "c" stays: it is the oldest version, the proof that the key did not exist at 3.
    assertThat(at(4)).isEqualTo("c");
    assertThat(at(3)).isNull();
    assertThat(keyspace.versions(KEY)).isEqualTo(3);

    // Nobody reads below 10 any more.
    Version.prune(keyspace.head(KEY), points(10));
    assertThat(keyspace.versions(KEY)).isEqualTo(1);
    assertThat(at(10)).isEqualTo("head");
    assertThat(at(9)).isEqualTo("PRUNED");
    assertThat(at(3)).isEqualTo("PRUNED");
  }

  @Test
  void aReplacedHeadKnowsItIsStale() {
    write(1, "old");
    Version old = keyspace.head(KEY);
    keyspace.install(KEY, "new".getBytes(UTF_8), 2, points(1));
    assertThat(Version.visible(old, 1)).isSameAs(old);
    // A reader holding the old head at a read point that includes the new write.
    assertThat(Version.visible(old, 2)).isSameAs(Version.PRUNED);
  }

  /**
   * Random writes, deletes, pins and releases against a model of the key's history: every pinned
   * read point (and the last commit) must see exactly the model, and any other read point either
   * the model or PRUNED — never a wrong value.
   */
  @Test
  void randomHistoriesAgainstAModel() {
    for (long seed = 0; seed < 100; seed++) {
      Random random = new Random(seed);
      // Even seeds: heads also held by key (the items' keyspace), read one key at a time there.
      MemoryKeyspace keyspace = new MemoryKeyspace(seed % 2 == 0);
      TreeMap<Long, String> history = new TreeMap<>(); // number -> value, null for delete
      TreeMap<Long, Integer> pins = new TreeMap<>();
      long committed = 0;
      long floor = 0; // below this the key was forgotten (deleted, then removed)
      for (int step = 0; step < 300; step++) {
        long number = committed + 1;
        int writes = random.nextInt(10) == 0 ? 2 : 1; // sometimes the same batch writes twice
        for (int w = 0; w < writes; w++) {
          String value = random.nextInt(4) == 0 ? null : number + "." + w;
          keyspace.install(KEY, value == null ? null : value.getBytes(UTF_8), number,
              readPoints(committed, pins));
          if (value != null || (history.floorEntry(number) != null
              && history.floorEntry(number).getValue() != null)) {
            history.put(number, value);
          }
        }
        committed = number;
        Version head = keyspace.head(KEY);
        if (head != null) {
          keyspace.clean(KEY, head, readPoints(committed, pins));
          if (keyspace.head(KEY) == null) {
            floor = committed;
          }
        }
        assertThat(inRange(keyspace)).as("seed %d: the head in key order", seed)
            .isSameAs(keyspace.head(KEY));
        if (random.nextInt(5) == 0) {
          pins.merge(committed, 1, Integer::sum);
        }
        if (!pins.isEmpty() && random.nextInt(6) == 0) {
          List<Long> pinned = new ArrayList<>(pins.keySet());
          long release = pinned.get(random.nextInt(pinned.size()));
          pins.computeIfPresent(release, (p, c) -> c == 1 ? null : c - 1);
        }
        TreeSet<Long> exact = new TreeSet<>(pins.keySet());
        exact.add(committed);
        for (long r : exact) {
          assertThat(value(keyspace, r)).as("seed %d, pinned read point %d", seed, r)
              .isEqualTo(model(history, r));
        }
        for (long r = floor; r <= committed; r++) {
          String seen = value(keyspace, r);
          if (!"PRUNED".equals(seen)) {
            assertThat(seen).as("seed %d, read point %d", seed, r).isEqualTo(model(history, r));
          }
        }
      }
    }
  }

  private static long[] readPoints(long committed, TreeMap<Long, Integer> pins) {
    TreeSet<Long> points = new TreeSet<>(pins.keySet());
    points.add(committed);
    return points.descendingSet().stream().mapToLong(Long::longValue).toArray();
  }

  private static String value(MemoryKeyspace keyspace, long readPoint) {
    Version v = keyspace.visible(KEY, readPoint);
    if (v == Version.PRUNED) {
      return "PRUNED";
    }
    return v == null || v.isTombstone() ? null : new String(v.value, UTF_8);
  }

  private static String model(TreeMap<Long, String> history, long readPoint) {
    Map.Entry<Long, String> entry = history.floorEntry(readPoint);
    return entry == null ? null : entry.getValue();
  }

  /** The key's head as a range read finds it (the skip list), or null. */
  private static Version inRange(MemoryKeyspace keyspace) {
    var entries = keyspace.range(KEY, null, false);
    return entries.hasNext() ? entries.next().getValue().head : null;
  }
}

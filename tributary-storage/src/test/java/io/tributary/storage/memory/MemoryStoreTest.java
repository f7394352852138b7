package io.tributary.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.StoreContractTest;
import io.tributary.storage.WriteBatch;
import org.junit.jupiter.api.Test;

class MemoryStoreTest extends StoreContractTest {

  @Override
  protected Store openStore() {
    return new MemoryStore();
  }

  private MemoryStore memory() {
    return (MemoryStore) store;
  }

  @Test
  void withNothingPinnedAnOverwriteKeepsOneVersion() {
    for (int i = 0; i < 100; i++) {
      put("k", String.valueOf(i));
    }
    assertThat(memory().versions(KS, b("k"))).isEqualTo(1);
    assertThat(memory().garbageQueued()).isZero();
  }

  @Test
  void withNothingPinnedADeleteForgetsTheKey() {
    put("k", "v");
    put("other", "v");
    delete("k");
    assertThat(memory().keysHeld(KS)).isEqualTo(1);
    store.write(new WriteBatch().put(KS, b("x"), b("1")).delete(KS, b("x")));
    assertThat(memory().keysHeld(KS)).isEqualTo(1);
  }

  @Test
  void aSnapshotKeepsOneOldVersionNoMatterHowOftenTheKeyIsOverwritten() {
    put("hot", "0");
    try (Snapshot snapshot = store.snapshot()) {
      for (int i = 1; i <= 1000; i++) {
        put("hot", String.valueOf(i));
      }
      // The head, and the version the snapshot sees.
      assertThat(memory().versions(KS, b("hot"))).isEqualTo(2);
      assertThat(s(snapshot.get(KS, b("hot")))).isEqualTo("0");
      assertThat(memory().garbageQueued()).isEqualTo(1);
    }
    put("unrelated", "1"); // the next write cleans what the closed snapshot kept
    assertThat(memory().versions(KS, b("hot"))).isEqualTo(1);
    assertThat(memory().garbageQueued()).isZero();
  }

  @Test
  void versionsBetweenSnapshotsAreDroppedAndEachSnapshotKeepsItsOwn() {
    Snapshot[] snapshots = new Snapshot[3];
    for (int s = 0; s < snapshots.length; s++) {
      put("k", "seen-by-" + s);
      snapshots[s] = store.snapshot();
      for (int i = 0; i < 10; i++) {
        put("k", "unseen-" + s + "-" + i);
      }
    }
    assertThat(memory().versions(KS, b("k"))).isEqualTo(4);
    for (int s = 0; s < snapshots.length; s++) {
      assertThat(s(snapshots[s].get(KS, b("k")))).isEqualTo("seen-by-" + s);
    }
    snapshots[1].close();
    put("k", "newest");
    assertThat(memory().versions(KS, b("k"))).isEqualTo(3);
    assertThat(s(snapshots[0].get(KS, b("k")))).isEqualTo("seen-by-0");
    assertThat(s(snapshots[2].get(KS, b("k")))).isEqualTo("seen-by-2");
    snapshots[0].close();
    snapshots[2].close();
    put("other", "x");
    assertThat(memory().versions(KS, b("k"))).isEqualTo(1);
  }

  @Test
  void aSnapshotSeesThatAKeyDidNotExistYet() {
    try (Snapshot snapshot = store.snapshot()) {
      for (int i = 0; i < 10; i++) {
        put("new", String.valueOf(i));
      }
      assertThat(snapshot.get(KS, b("new"))).isNull();
      assertThat(scan(snapshot, KS, "", null, false)).isEmpty();
    }
  }

  @Test
  void tombstonesStayWhileASnapshotCanSeeTheValueAndGoAfter() {
    put("k", "v");
    Snapshot snapshot = store.snapshot();
    delete("k");
    assertThat(memory().keysHeld(KS)).isEqualTo(1);
    assertThat(s(snapshot.get(KS, b("k")))).isEqualTo("v");
    snapshot.close();
    put("other", "x");
    assertThat(memory().keysHeld(KS)).isEqualTo(1); // only "other"
    assertThat(get("k")).isNull();
  }

  @Test
  void scansAndSnapshotsReleaseTheirPins() {
    put("a", "1");
    EntryIterator it = store.scan(KS, b(""), null, false);
    Snapshot snapshot = store.snapshot();
    EntryIterator fromSnapshot = snapshot.scan(KS, b(""), null, false);
    assertThat(memory().pinnedReadPoints()).isEqualTo(3);
    snapshot.close();
    snapshot.close();
    assertThat(memory().pinnedReadPoints()).isEqualTo(2);
    it.close();
    fromSnapshot.close();
    fromSnapshot.close();
    assertThat(memory().pinnedReadPoints()).isZero();
  }
}

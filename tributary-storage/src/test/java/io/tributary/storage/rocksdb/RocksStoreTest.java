package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Snapshot;
import io.tributary.storage.StorageException;
import io.tributary.storage.Store;
import io.tributary.storage.StoreContractTest;
import io.tributary.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.RocksDB;

class RocksStoreTest extends StoreContractTest {

  @TempDir Path dir;

  @Override
  protected Store openStore() {
    return RocksStore.open(dir.resolve("db"), RocksStore.Options.defaults());
  }

  private RocksStore rocks() {
    return (RocksStore) store;
  }

  @Test
  void writesSurviveCloseAndReopen() {
    for (Keyspace keyspace : Keyspace.values()) {
      put(keyspace, "k", keyspace.columnFamily());
    }
    put("deleted", "x");
    delete("deleted");
    store.close();

    store = RocksStore.open(dir.resolve("db"), RocksStore.Options.defaults());
    for (Keyspace keyspace : Keyspace.values()) {
      assertThat(s(store.get(keyspace, b("k")))).isEqualTo(keyspace.columnFamily());
    }
    assertThat(get("deleted")).isNull();
    assertThat(scan(store, KS, "", null, false)).containsExactly("k=items");
  }

  @Test
  void syncedWritesSurviveReopenToo() {
    store.close();
    RocksStore.Options synced = RocksStore.Options.defaults().withSyncWrites(true);
    assertThat(synced.syncWrites()).isTrue();
    assertThat(RocksStore.Options.defaults().syncWrites()).isFalse();
    store = RocksStore.open(dir.resolve("db"), synced);
    put("k", "v");
    store.close();
    store = RocksStore.open(dir.resolve("db"), RocksStore.Options.defaults());
    assertThat(get("k")).isEqualTo("v");
  }

  @Test
  void aCheckpointIsAConsistentCopyThatOpens() {
    put("before", "1");
    put("changed", "old");
    Path copy = dir.resolve("checkpoint");
    rocks().checkpoint(copy);
    put("after", "1");
    put("changed", "new");

    try (RocksStore restored = RocksStore.open(copy, RocksStore.Options.defaults())) {
      assertThat(s(restored.get(KS, b("before")))).isEqualTo("1");
      assertThat(s(restored.get(KS, b("changed")))).isEqualTo("old");
      assertThat(restored.get(KS, b("after"))).isNull();
      restored.write(new WriteBatch().put(KS, b("only-in-copy"), b("1")));
    }
    assertThat(get("changed")).isEqualTo("new");
    assertThat(get("only-in-copy")).isNull();
  }

  @Test
  void aCheckpointIntoAnExistingDirectoryFails() throws Exception {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    assertThatThrownBy(() -> rocks().checkpoint(existing))
        .isInstanceOf(StorageException.class)
        .satisfies(
            e -> {
              StorageException failure = (StorageException) e;
              assertThat(failure.staticMessage()).isEqualTo("checkpoint failed");
              assertThat(failure.context()).containsEntry("target", existing).containsKey("status");
            });
  }

  @Test
  void closingIteratorsAndSnapshotsFreesThem() {
    put("a", "1");
    assertThat(rocks().openResources()).isZero();
    EntryIterator it = store.scan(KS, b(""), null, false);
    EntryIterator reverse = store.scan(KS, b("a"), b("b"), true);
    EntryIterator empty = store.scan(KS, b("b"), b("a"), false);
    Snapshot snapshot = store.snapshot();
    EntryIterator fromSnapshot = snapshot.scan(KS, b(""), null, false);
    assertThat(rocks().openResources()).isEqualTo(5);
    it.close();
    reverse.close();
    empty.close();
    fromSnapshot.close();
    snapshot.close();
    assertThat(rocks().openResources()).isZero();
  }

  @Test
  void closingTheStoreFreesWhatTheCallerLeftOpen() {
    put("a", "1");
    store.scan(KS, b(""), null, false).next();
    store.snapshot().scan(KS, b(""), null, true);
    assertThat(rocks().openResources()).isEqualTo(3);
    store.close();
    assertThat(rocks().openResources()).isZero();
    // Reopening proves the database lock and every handle were released.
    store = openStore();
    assertThat(get("a")).isEqualTo("1");
  }

  @Test
  void aDirectoryOpenedTwiceIsRefused() {
    assertThatThrownBy(() -> RocksStore.open(dir.resolve("db"), RocksStore.Options.defaults()))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("cannot open the store")
        .satisfies(
            e ->
                assertThat(((StorageException) e).context())
                    .containsEntry("directory", dir.resolve("db")));
  }

  @Test
  void columnFamiliesFromANewerVersionAreKept() throws Exception {
    store.close();
    Path db = dir.resolve("db");
    try (ColumnFamilyOptions options = new ColumnFamilyOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, options));
      for (Keyspace keyspace : Keyspace.values()) {
        descriptors.add(
            new ColumnFamilyDescriptor(
                keyspace.columnFamily().getBytes(StandardCharsets.UTF_8), options));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB raw = RocksDB.open(db.toString(), descriptors, handles)) {
        handles.add(
            raw.createColumnFamily(
                new ColumnFamilyDescriptor(b("from-the-future"), options)));
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
    store = RocksStore.open(db, RocksStore.Options.defaults());
    put("k", "v");
    assertThat(get("k")).isEqualTo("v");
    store.close();
    try (org.rocksdb.Options options = new org.rocksdb.Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, db.toString())) {
        names.add(s(name));
      }
      assertThat(names).contains("from-the-future", "items", "catalog", "system");
    }
    store = RocksStore.open(db, RocksStore.Options.defaults());
  }

  @Test
  void optionsRejectANegativeCache() {
    assertThatThrownBy(() -> new RocksStore.Options(false, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

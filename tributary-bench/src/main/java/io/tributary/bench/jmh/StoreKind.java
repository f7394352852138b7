package io.tributary.bench.jmh;

import io.tributary.storage.Store;
import io.tributary.storage.memory.MemoryStore;
import io.tributary.storage.rocksdb.RocksStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The store implementations a benchmark runs over, opened in a fresh temporary directory. Public
 * only because JMH's generated code names the {@code @Param} type.
 */
public enum StoreKind {
  memory {
    @Override
    Store open(Path directory) {
      return new MemoryStore();
    }
  },
  /** RocksDB with the server's defaults: writes reach the WAL, not synced. */
  rocksdb {
    @Override
    Store open(Path directory) {
      return RocksStore.open(directory, RocksStore.Options.defaults());
    }
  };

  abstract Store open(Path directory);

  static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tributary-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

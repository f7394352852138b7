package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.storage.memory.MemoryStore;
import io.tributary.storage.rocksdb.RocksStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which calls the front end may run on its event loop (ADR 0005). */
class NeverWaitsTest {

  @Test
  void itemActionsInMemoryNeverWait() {
    try (Engine engine = Engine.open(new MemoryStore(), EngineConfig.defaults())) {
      assertThat(engine.neverWaits("GetItem")).isTrue();
      assertThat(engine.neverWaits("TransactWriteItems")).isTrue();
      assertThat(engine.neverWaits("Scan")).isTrue();
      assertThat(engine.neverWaits("CreateTable")).isFalse();
      assertThat(engine.neverWaits("UpdateTimeToLive")).isFalse();
      assertThat(engine.neverWaits("NoSuchAction")).isFalse();
    }
  }

  @Test
  void nothingOnDiskIsSaidNeverToWait(@TempDir Path directory) {
    try (Engine engine =
        Engine.open(
            RocksStore.open(directory, RocksStore.Options.defaults()), EngineConfig.defaults())) {
      assertThat(engine.neverWaits("GetItem")).isFalse();
      assertThat(engine.neverWaits("PutItem")).isFalse();
    }
  }
}

package io.tributary.triggers.mapping;

import io.tributary.engine.Engine;
import io.tributary.storage.Store;
import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.Functions;
import java.time.Clock;

/** The event source mappings and their pollers. (Being written: issue 8.) */
public final class Mappings implements AutoCloseable {
  public Mappings(
      Store store, Clock clock, TriggersConfig config, Engine engine, Functions functions) {}

  @Override
  public void close() {}
}

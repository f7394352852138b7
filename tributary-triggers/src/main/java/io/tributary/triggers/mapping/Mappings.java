package io.tributary.triggers.mapping;

import io.tributary.engine.Engine;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.triggers.TriggersConfig;
import io.tributary.triggers.function.Functions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event source mappings (stored under {@code esm/<uuid>} in the triggers keyspace) and a
 * poller for each enabled one.
 */
public final class Mappings implements AutoCloseable {
  private static final byte[] PREFIX = "esm/".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "esm0".getBytes(StandardCharsets.UTF_8);

  private final Store store;
  private final Clock clock;
  private final TriggersConfig config;
  private final Engine engine;
  private final Functions functions;
  private final Map<String, EventSourceMapping> mappings = new ConcurrentHashMap<>();
  private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

  public Mappings(
      Store store, Clock clock, TriggersConfig config, Engine engine, Functions functions) {
    this.store = store;
    this.clock = clock;
    this.config = config;
    this.engine = engine;
    this.functions = functions;
    try (EntryIterator it = store.scan(Keyspace.TRIGGERS, PREFIX, END, false)) {
      while (it.next()) {
        EventSourceMapping m = MappingCodec.decode(it.value());
        mappings.put(m.uuid(), m);
        start(m);
      }
    }
  }

  public Engine engine() {
    return engine;
  }

  public Functions functions() {
    return functions;
  }

  public Clock clock() {
    return clock;
  }

  public String accountId() {
    return config.accountId();
  }

  public EventSourceMapping get(String uuid) {
    return mappings.get(uuid);
  }

  /** The mappings of a region, optionally of one source and one function, oldest first. */
  public List<EventSourceMapping> list(String region, String sourceArn, String functionArn) {
    return mappings.values().stream()
        .filter(m -> m.region().equals(region))
        .filter(m -> sourceArn == null || m.eventSourceArn().equals(sourceArn))
        .filter(m -> functionArn == null || m.functionArn().equals(functionArn))
        .sorted(Comparator.comparing(EventSourceMapping::lastModified).thenComparing(EventSourceMapping::uuid))
        .toList();
  }

  /** The mapping of this function to this source, or null. */
  public EventSourceMapping find(String functionArn, String sourceArn) {
    for (EventSourceMapping m : mappings.values()) {
      if (m.functionArn().equals(functionArn) && m.eventSourceArn().equals(sourceArn)) {
        return m;
      }
    }
    return null;
  }

  /** Stores a new or changed mapping and (re)starts its poller from its checkpoints. */
  public synchronized void save(EventSourceMapping m) {
    store.write(new WriteBatch().put(Keyspace.TRIGGERS, key(m.uuid()), MappingCodec.encode(m)));
    mappings.put(m.uuid(), m);
    Poller old = pollers.remove(m.uuid());
    if (old != null) {
      old.stop();
    }
    start(m);
  }

  /** Deletes a mapping, its poller and its checkpoints. */
  public synchronized void delete(EventSourceMapping m) {
    Poller p = pollers.remove(m.uuid());
    if (p != null) {
      p.stop();
    }
    WriteBatch batch = new WriteBatch().delete(Keyspace.TRIGGERS, key(m.uuid()));
    Checkpoints.deleteAll(store, m.uuid(), batch);
    store.write(batch);
    mappings.remove(m.uuid());
  }

  /** What DescribeEventSourceMapping's State says now. */
  public String state(EventSourceMapping m) {
    if (!m.enabled()) {
      return "Disabled";
    }
    Poller p = pollers.get(m.uuid());
    return p != null && p.started() ? "Enabled" : "Creating";
  }

  public String lastProcessingResult(EventSourceMapping m) {
    Poller p = pollers.get(m.uuid());
    return p == null ? "No records processed" : p.lastProcessingResult();
  }

  private void start(EventSourceMapping m) {
    if (m.enabled()) {
      Poller p =
          new Poller(m, new Checkpoints(store, m.uuid()), this, config.pollInterval());
      pollers.put(m.uuid(), p);
      p.start();
    }
  }

  private static byte[] key(String uuid) {
    return ("esm/" + uuid).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    pollers.values().forEach(Poller::stop);
    pollers.clear();
  }
}

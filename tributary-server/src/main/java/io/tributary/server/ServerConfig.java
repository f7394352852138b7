package io.tributary.server;

import io.tributary.engine.EngineConfig;
import io.tributary.engine.stream.StreamSettings;
import io.tributary.triggers.TriggersConfig;
import io.tributary.storage.Store;
import io.tributary.storage.memory.MemoryStore;
import io.tributary.storage.rocksdb.RocksStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a server is started with: where it listens and keeps its tables, and the settings
 * of the engine it serves.
 *
 * @param host the address to listen on
 * @param port the TCP port; 0 picks a free one ({@link TributaryServer#port()} tells which)
 * @param storage where tables live
 * @param corsOrigins the origins browsers may call from; {@code ["*"]} allows any
 * @param engine the account id, transient status delay, item collection size limit, stream
 *     settings, throttling and time-to-live sweep interval of the engine
 */
public record ServerConfig(
    String host, int port, Storage storage, List<String> corsOrigins, EngineConfig engine) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8000;
  public static final Path DEFAULT_DATA_DIR = Path.of("./data");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  // EngineConfig takes what tests give it; a server is started by people, so its settings are
  // checked here, where a wrong flag is told apart from a bug.
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(engine.transientStatusDelay(), "transientStatusDelay");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (engine.accountId() == null || !ACCOUNT_ID.matcher(engine.accountId()).matches()) {
      throw new IllegalArgumentException("account id must be 12 digits, not " + engine.accountId());
    }
    if (engine.transientStatusDelay().isNegative()) {
      throw new IllegalArgumentException("transient status delay must not be negative");
    }
    corsOrigins = List.copyOf(corsOrigins);
    if (corsOrigins.isEmpty()) {
      throw new IllegalArgumentException("at least one CORS origin (or *) is needed");
    }
    Duration sweep =
        Objects.requireNonNull(engine.timeToLiveSweepInterval(), "timeToLiveSweepInterval");
    if (sweep.isNegative() || sweep.isZero()) {
      throw new IllegalArgumentException("the time-to-live sweep interval must be positive");
    }
    if (engine.itemCollectionSizeLimit() <= 0) {
      throw new IllegalArgumentException(
          "the item collection size limit must be positive, not "
              + engine.itemCollectionSizeLimit());
    }
  }

  /** The defaults of {@code tributary serve}: 127.0.0.1:8000, RocksDB in ./data. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        new Storage.OnDisk(DEFAULT_DATA_DIR, false),
        List.of("*"),
        EngineConfig.defaults());
  }

  /** An in-memory server on a free port of 127.0.0.1, as tests want it. */
  public static ServerConfig inMemory() {
    return defaults().withPort(0).withStorage(new Storage.InMemory());
  }

  public ServerConfig withHost(String host) {
    return new ServerConfig(host, port, storage, corsOrigins, engine);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(host, port, storage, corsOrigins, engine);
  }

  public ServerConfig withStorage(Storage storage) {
    return new ServerConfig(host, port, storage, corsOrigins, engine);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(host, port, storage, origins, engine);
  }

  public ServerConfig withEngine(EngineConfig engine) {
    return new ServerConfig(host, port, storage, corsOrigins, engine);
  }

  public ServerConfig withAccountId(String accountId) {
    return withEngine(engine.withAccountId(accountId));
  }

  public ServerConfig withTransientStatusDelay(Duration delay) {
    return withEngine(engine.withTransientStatusDelay(delay));
  }

  /** The same server with another item collection size limit (tests use a small one). */
  public ServerConfig withItemCollectionSizeLimit(long bytes) {
    return withEngine(engine.withItemCollectionSizeLimit(bytes));
  }

  /** The same server with other stream settings (tests use small shards and short ages). */
  public ServerConfig withStreams(StreamSettings settings) {
    return withEngine(engine.withStreams(settings));
  }

  /** The same server with throttling on (DynamoDB's way) or off. */
  public ServerConfig withThrottling(boolean enabled) {
    return withEngine(engine.withThrottling(enabled));
  }

  /** The same server sweeping expired items this often (tests use a short interval). */
  public ServerConfig withTimeToLiveSweepInterval(Duration interval) {
    return withEngine(engine.withTimeToLiveSweepInterval(interval));
  }

  /** Functions unpack their code next to the data, or in a temporary directory in memory. */
  TriggersConfig triggersConfig() {
    java.nio.file.Path work;
    try {
      work =
          storage instanceof Storage.OnDisk disk
              ? java.nio.file.Files.createDirectories(disk.directory().resolve("functions"))
              : java.nio.file.Files.createTempDirectory("tributary-functions-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make a directory for functions", e);
    }
    return new TriggersConfig(engine.accountId(), work, TriggersConfig.DEFAULT_POLL_INTERVAL);
  }

  /** Where tables live. */
  public sealed interface Storage {

    /** Opens the store; the caller owns it. */
    Store open();

    /** Says where the data is, for the startup line. */
    String describe();

    /** Tables in memory, gone when the process ends. */
    record InMemory() implements Storage {
      @Override
      public Store open() {
        return new MemoryStore();
      }

      @Override
      public String describe() {
        return "in memory";
      }
    }

    /**
     * Tables in a RocksDB database in {@code directory}.
     *
     * @param syncWrites fsync the write-ahead log on every write (survives power loss, slower)
     */
    record OnDisk(Path directory, boolean syncWrites) implements Storage {
      public OnDisk {
        Objects.requireNonNull(directory, "directory");
      }

      @Override
      public Store open() {
        return RocksStore.open(directory, RocksStore.Options.defaults().withSyncWrites(syncWrites));
      }

      @Override
      public String describe() {
        return directory.toString() + (syncWrites ? ", synced writes" : "");
      }
    }
  }
}

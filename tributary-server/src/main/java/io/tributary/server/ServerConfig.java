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
 * Everything a server is started with.
 *
 * @param host the address to listen on
 * @param port the TCP port; 0 picks a free one ({@link TributaryServer#port()} tells which)
 * @param storage where tables live
 * @param accountId the 12-digit account id used in ARNs
 * @param transientStatusDelay how long tables stay CREATING, UPDATING or DELETING; zero for at
 *     once
 * @param corsOrigins the origins browsers may call from; {@code ["*"]} allows any
 * @param itemCollectionSizeLimit the bytes one partition key's items and local index entries may
 *     take in a table with local secondary indexes: DynamoDB's 10 GB, or less for tests that
 *     want to reach ItemCollectionSizeLimitExceededException
 * @param streams how streams split and roll over shards and how long they keep records
 * @param throttling whether provisioned tables are held to their throughput, as in DynamoDB
 *     (on by default; {@code --no-throttling} turns it off)
 * @param timeToLiveSweepInterval how often expired items are looked for and deleted
 */
public record ServerConfig(
    String host,
    int port,
    Storage storage,
    String accountId,
    Duration transientStatusDelay,
    List<String> corsOrigins,
    long itemCollectionSizeLimit,
    StreamSettings streams,
    boolean throttling,
    Duration timeToLiveSweepInterval) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8000;
  public static final Path DEFAULT_DATA_DIR = Path.of("./data");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(transientStatusDelay, "transientStatusDelay");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("account id must be 12 digits, not " + accountId);
    }
    if (transientStatusDelay.isNegative()) {
      throw new IllegalArgumentException("transient status delay must not be negative");
    }
    corsOrigins = List.copyOf(corsOrigins);
    if (corsOrigins.isEmpty()) {
      throw new IllegalArgumentException("at least one CORS origin (or *) is needed");
    }
    Objects.requireNonNull(timeToLiveSweepInterval, "timeToLiveSweepInterval");
    if (timeToLiveSweepInterval.isNegative() || timeToLiveSweepInterval.isZero()) {
      throw new IllegalArgumentException("the time-to-live sweep interval must be positive");
    }
    if (itemCollectionSizeLimit <= 0) {
      throw new IllegalArgumentException(
          "the item collection size limit must be positive, not " + itemCollectionSizeLimit);
    }
  }

  /** The defaults of {@code tributary serve}: 127.0.0.1:8000, RocksDB in ./data. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        new Storage.OnDisk(DEFAULT_DATA_DIR, false),
        EngineConfig.DEFAULT_ACCOUNT_ID,
        Duration.ZERO,
        List.of("*"),
        EngineConfig.ITEM_COLLECTION_SIZE_LIMIT,
        StreamSettings.DEFAULTS,
        true,
        EngineConfig.DEFAULT_TTL_SWEEP_INTERVAL);
  }

  /** An in-memory server on a free port of 127.0.0.1, as tests want it. */
  public static ServerConfig inMemory() {
    return defaults().withPort(0).withStorage(new Storage.InMemory());
  }

  public ServerConfig withHost(String host) {
    return new ServerConfig(
        host,
        port,
        storage,
        accountId,
        transientStatusDelay,
        corsOrigins,
        itemCollectionSizeLimit,
        streams, throttling, timeToLiveSweepInterval);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(
        host,
        port,
        storage,
        accountId,
        transientStatusDelay,
        corsOrigins,
        itemCollectionSizeLimit,
        streams, throttling, timeToLiveSweepInterval);
  }

  public ServerConfig withStorage(Storage storage) {
    return new ServerConfig(
        host,
        port,
        storage,
        accountId,
        transientStatusDelay,
        corsOrigins,
        itemCollectionSizeLimit,
        streams, throttling, timeToLiveSweepInterval);
  }

  public ServerConfig withAccountId(String accountId) {
    return new ServerConfig(
        host,
        port,
        storage,
        accountId,
        transientStatusDelay,
        corsOrigins,
        itemCollectionSizeLimit,
        streams, throttling, timeToLiveSweepInterval);
  }

  public ServerConfig withTransientStatusDelay(Duration delay) {
    return new ServerConfig(
        host, port, storage, accountId, delay, corsOrigins, itemCollectionSizeLimit, streams,
        throttling, timeToLiveSweepInterval);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(
        host,
        port,
        storage,
        accountId,
        transientStatusDelay,
        origins,
        itemCollectionSizeLimit,
        streams, throttling, timeToLiveSweepInterval);
  }

  /** The same server with another item collection size limit (tests use a small one). */
  public ServerConfig withItemCollectionSizeLimit(long bytes) {
    return new ServerConfig(
        host, port, storage, accountId, transientStatusDelay, corsOrigins, bytes, streams, throttling,
        timeToLiveSweepInterval);
  }

  /** The same server with other stream settings (tests use small shards and short ages). */
  public ServerConfig withStreams(StreamSettings settings) {
    return new ServerConfig(
        host, port, storage, accountId, transientStatusDelay, corsOrigins, itemCollectionSizeLimit,
        settings, throttling, timeToLiveSweepInterval);
  }

  /** The same server with throttling on (DynamoDB's way) or off. */
  public ServerConfig withThrottling(boolean enabled) {
    return new ServerConfig(
        host, port, storage, accountId, transientStatusDelay, corsOrigins, itemCollectionSizeLimit,
        streams, enabled, timeToLiveSweepInterval);
  }

  /** The same server sweeping expired items this often (tests use a short interval). */
  public ServerConfig withTimeToLiveSweepInterval(Duration interval) {
    return new ServerConfig(
        host, port, storage, accountId, transientStatusDelay, corsOrigins, itemCollectionSizeLimit,
        streams, throttling, interval);
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
    return new TriggersConfig(accountId, work, TriggersConfig.DEFAULT_POLL_INTERVAL);
  }

  EngineConfig engineConfig() {
    return new EngineConfig(accountId, transientStatusDelay)
        .withItemCollectionSizeLimit(itemCollectionSizeLimit)
        .withStreams(streams)
        .withThrottling(throttling)
        .withTimeToLiveSweepInterval(timeToLiveSweepInterval);
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

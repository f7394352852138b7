package io.tributary.server.cli;

import io.tributary.engine.EngineConfig;
import io.tributary.engine.stream.StreamSettings;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary serve}: runs the server in the foreground until SIGTERM or SIGINT. Takes
 * DynamoDB Local's flags too ({@code -port}, {@code -inMemory}, {@code -dbPath}, ...) so that it
 * replaces DynamoDB Local in existing scripts.
 */
@Command(
    name = "serve",
    description = "Serve the DynamoDB API over HTTP until stopped (SIGTERM or Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = {"--port", "-port"},
      paramLabel = "N",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = ServerConfig.DEFAULT_HOST;

  @Option(
      names = {"--data-dir", "-dbPath"},
      paramLabel = "D",
      description = "Directory of the RocksDB database (default: ${DEFAULT-VALUE}).")
  Path dataDir = ServerConfig.DEFAULT_DATA_DIR;

  @Option(
      names = {"--in-memory", "-inMemory"},
      description = "Keep tables in memory only; they are gone when the server stops.")
  boolean inMemory;

  @Option(
      names = "--sync-writes",
      description = "Fsync every write (survives power loss; slower).")
  boolean syncWrites;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "12-digit account id used in ARNs (default: ${DEFAULT-VALUE}).")
  String accountId = EngineConfig.DEFAULT_ACCOUNT_ID;

  @Option(
      names = {"--delay-transient-statuses", "-delayTransientStatuses"},
      paramLabel = "DURATION",
      arity = "0..1",
      fallbackValue = "5s",
      converter = DurationConverter.class,
      description =
          "How long tables stay CREATING, UPDATING or DELETING, e.g. 5s, 500ms, PT1M"
              + " (default: 0, ACTIVE at once; 5s when given without a value).")
  Duration transientStatusDelay = Duration.ZERO;

  @Option(
      names = {"--cors", "-cors"},
      paramLabel = "ORIGINS",
      description =
          "Comma-separated origins browsers may call from; * allows any"
              + " (default: ${DEFAULT-VALUE}).")
  String cors = "*";

  @Option(
      names = "--item-collection-size-limit",
      paramLabel = "BYTES",
      description =
          "For tests: the bytes one partition key's items and local index entries may take in a"
              + " table with local secondary indexes, so that ItemCollectionSizeLimitExceededException"
              + " can be reached (default: DynamoDB's 10 GB).")
  long itemCollectionSizeLimit = EngineConfig.ITEM_COLLECTION_SIZE_LIMIT;

  @Option(
      names = "--stream-shard-max-age",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How long a stream shard stays open before a child shard takes over"
              + " (default: 4h, about DynamoDB's roll-over).")
  Duration streamShardMaxAge = StreamSettings.DEFAULTS.shardMaxAge();

  @Option(
      names = "--stream-split-records",
      paramLabel = "COUNT",
      description =
          "How many records a stream shard takes before its partition splits in two"
              + " (default: ${DEFAULT-VALUE}; small values let tests meet splits).")
  long streamSplitRecords = StreamSettings.DEFAULTS.splitRecords();

  @Option(
      names = "--stream-retention",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long stream records stay readable (default: 24h, as in DynamoDB).")
  Duration streamRetention = StreamSettings.DEFAULTS.retention();

  @Option(
      names = "--ttl-sweep-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How often expired items (time to live) are looked for and deleted"
              + " (default: 10s; DynamoDB takes up to a few days).")
  Duration timeToLiveSweepInterval = EngineConfig.DEFAULT_TTL_SWEEP_INTERVAL;

  @Option(
      names = "--no-throttling",
      description =
          "Let every request through: provisioned tables are not held to their throughput"
              + " (by default they are, as in DynamoDB, with its 300 seconds of burst).")
  boolean noThrottling;

  @Option(
      names = "-sharedDb",
      description = "Accepted for DynamoDB Local; tables are always shared across access keys.")
  boolean sharedDb;

  @Option(names = "-optimizeDbBeforeStartup", hidden = true, description = "No effect.")
  boolean optimizeDbBeforeStartup;

  @Option(names = "-disableTelemetry", hidden = true, description = "No effect.")
  boolean disableTelemetry;

  @Option(
      names = {"-h", "--help", "-help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** The configuration these options describe. */
  public ServerConfig config() {
    ServerConfig.Storage storage =
        inMemory
            ? new ServerConfig.Storage.InMemory()
            : new ServerConfig.Storage.OnDisk(dataDir, syncWrites);
    return new ServerConfig(
        host,
        port,
        storage,
        origins(cors),
        new EngineConfig(
            accountId,
            transientStatusDelay,
            timeToLiveSweepInterval,
            itemCollectionSizeLimit,
            new StreamSettings(streamShardMaxAge, streamSplitRecords, streamRetention),
            !noThrottling));
  }

  static List<String> origins(String cors) {
    return Arrays.stream(cors.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public Integer call() throws InterruptedException {
    return serve(System.out, System.err);
  }

  int serve(PrintStream out, PrintStream err) throws InterruptedException {
    ServerConfig config = config();
    TributaryServer server;
    try {
      server = TributaryServer.start(config);
    } catch (RuntimeException e) {
      err.println("Tributary could not start on " + config.host() + ":" + config.port() + ": " + e);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "tributary-shutdown"));
    out.println(
        "Tributary listening on "
            + server.endpoint()
            + " (data: "
            + server.config().storage().describe()
            + ")");
    out.flush();
    stopped.await();
    return 0;
  }
}

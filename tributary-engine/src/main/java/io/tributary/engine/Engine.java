package io.tributary.engine;

import io.tributary.engine.action.Action;
import io.tributary.engine.action.Actions;
import io.tributary.engine.capacity.Throttling;
import io.tributary.engine.item.IndexBuilds;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.TableStatistics;
import io.tributary.engine.item.TimeToLiveSweeper;
import io.tributary.engine.shape.ShapeValidator;
import io.tributary.engine.stream.StreamActions;
import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.Tags;
import io.tributary.engine.stream.StreamLog;
import io.tributary.engine.table.TimeToLive;
import io.tributary.engine.transaction.ClientRequestTokens;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database behind the wire protocol: runs DynamoDB actions against a store. */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final Store store;
  private final Map<String, Action> actions;
  private final Map<String, Action> streamActions;
  private final ScheduledExecutorService background;
  private final ShapeValidator shapes = ShapeValidator.dynamoDb();
  private final ShapeValidator streamShapes = ShapeValidator.dynamoDbStreams();
  private final TimeToLiveSweeper sweeper;
  private final StreamLog streams;

  /**
   * The item actions: what a client sends by the thousand a second. Table and control-plane
   * actions are rare and may schedule work, so they always go to a worker.
   */
  private static final Set<String> ITEM_ACTIONS =
      Set.of(
          "GetItem",
          "PutItem",
          "UpdateItem",
          "DeleteItem",
          "BatchGetItem",
          "BatchWriteItem",
          "TransactGetItems",
          "TransactWriteItems",
          "Query",
          "Scan");

  private static final Set<String> NAMED_TABLE_ACTIONS =
      Set.of("CreateTable", "DescribeTable", "UpdateTable", "DeleteTable");

  private Engine(Store store, EngineConfig config, Clock clock) {
    this.store = store;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().name("tributary-background").daemon().unstarted(r));
    // A backfill or purge still waiting out its delay is resumed at the next start from the
    // catalog, so closing need not wait for it.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.background = executor;
    TableStatistics statistics = new TableStatistics();
    this.streams = new StreamLog(store, clock, config.streams());
    ItemStore items =
        new ItemStore(store, statistics, config.itemCollectionSizeLimit(), streams);
    Throttling throttling = new Throttling(config.throttling(), clock);
    Catalog catalog =
        new Catalog(
            store,
            clock,
            id -> {
              throttling.forget(id);
              background.execute(() -> purge(items, id));
            },
            items::indexesChanged);
    for (TableDefinition t : catalog.all()) {
      items.recount(t);
    }
    for (long id : catalog.pendingPurges()) {
      background.execute(() -> purge(items, id));
    }
    IndexBuilds builds = new IndexBuilds(catalog, items, background);
    for (TableDefinition t : catalog.all()) {
      builds.resume(t);
    }
    TimeToLive timeToLive = new TimeToLive(store);
    this.sweeper = new TimeToLiveSweeper(catalog, timeToLive, items, clock);
    long every = config.timeToLiveSweepInterval().toMillis();
    background.scheduleWithFixedDelay(
        () -> logged("Deleting expired items", sweeper::sweep), every, every, TimeUnit.MILLISECONDS);
    ClientRequestTokens tokens = new ClientRequestTokens(store, clock);
    background.scheduleWithFixedDelay(
        () -> logged("Forgetting expired client request tokens", tokens::expire),
        1,
        1,
        TimeUnit.MINUTES);
    long upkeep = Math.max(1, Math.min(60_000, config.streams().shardMaxAge().toMillis() / 4));
    background.scheduleWithFixedDelay(
        () -> logged("Stream upkeep", streams::maintain), upkeep, upkeep, TimeUnit.MILLISECONDS);
    Database db =
        new Database(
            catalog,
            new Tags(store),
            timeToLive,
            items,
            statistics,
            clock,
            config,
            builds,
            tokens,
            streams,
            throttling);
    this.actions = Actions.all(db);
    this.streamActions = StreamActions.all(db);
  }

  /** Opens the engine over a store it then owns (and closes). */
  public static Engine open(Store store, EngineConfig config) {
    return new Engine(store, config, Clock.systemUTC());
  }

  /** Opens the engine with a clock of the caller's (tests move time along). */
  public static Engine open(Store store, EngineConfig config, Clock clock) {
    return new Engine(store, config, clock);
  }

  /**
   * Runs the action {@code operation} (the part of X-Amz-Target after "DynamoDB_20120810.").
   *
   * @throws DynamoDbException with DynamoDB's error for anything the request got wrong, including
   *     UnknownOperationException for an action that does not exist
   */
  public Json.Obj execute(String operation, Json.Obj request, RequestContext context) {
    Action action = actions.get(operation);
    if (action == null) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    checkRequiredMembers(operation, request);
    shapes.validate(operation, request);
    return action.handle(request, context);
  }

  /**
   * Whether {@link #execute} of {@code operation} never waits: an item action over a store held in
   * memory, which takes locks only for the time of a map update and never sleeps, syncs or waits
   * for another request (a held item cancels, it does not wait). The HTTP front end runs such a
   * call on the thread that read it instead of handing it to a worker (ADR 0005).
   */
  public boolean neverWaits(String operation) {
    return store.neverWaitsOnIo() && ITEM_ACTIONS.contains(operation);
  }

  /**
   * Runs the DynamoDB Streams action {@code operation} (the part of X-Amz-Target after
   * "DynamoDBStreams_20120810."), as {@link #execute} runs DynamoDB's.
   *
   * <p>The Streams model's operations are known before their actions are registered, so a
   * request for one that is not served yet still gets the model's shape checks, then
   * UnknownOperationException; with all four registered this is {@link #execute}'s order.
   *
   * @throws DynamoDbException with DynamoDB Streams' error for anything the request got wrong
   */
  public Json.Obj executeStreams(String operation, Json.Obj request, RequestContext context) {
    if (!streamShapes.hasOperation(operation)) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    streamShapes.validate(operation, request);
    Action action = streamActions.get(operation);
    if (action == null) {
      throw DynamoDbException.of(ErrorType.UNKNOWN_OPERATION, null);
    }
    return action.handle(request, context);
  }

  /**
   * Members DynamoDB checks with words of their own before the model's constraints: the
   * table-level actions' TableName, and the batch actions' empty RequestItems.
   */
  private static void checkRequiredMembers(String operation, Json.Obj request) {
    if (NAMED_TABLE_ACTIONS.contains(operation) && !request.members().containsKey("TableName")) {
      throw DynamoDbException.validation(
          "The parameter 'TableName' is required but was not present in the request");
    }
    if ((operation.equals("BatchGetItem") || operation.equals("BatchWriteItem"))
        && request.get("RequestItems") instanceof Json.Obj items
        && items.members().isEmpty()) {
      throw DynamoDbException.validation(
          "The requestItems parameter is required for " + operation);
    }
  }

  /**
   * The sequence number a stream's next record will get, or null when there is no such stream;
   * event source mappings starting at LATEST begin there.
   */
  public String nextSequenceNumber(String streamArn) {
    return streams.nextSequenceNumber(streamArn);
  }

  /** Deletes the expired items now rather than on the next sweep (for tests). */
  int sweepExpiredItems() {
    return sweeper.sweep();
  }

  /** Runs the streams' upkeep now (for tests). */
  void maintainStreams() {
    streams.maintain();
  }

  /** Runs background work; a failure is logged and the next run tries again. */
  private static void logged(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed", what, e);
    }
  }

  private static void purge(ItemStore items, long tableId) {
    try {
      items.purge(tableId);
    } catch (RuntimeException e) {
      // The purge marker stays, so the next start-up tries again.
      LOG.warn("Purging the items of deleted table {} failed", tableId, e);
    }
  }

  @Override
  public void close() {
    background.shutdown();
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}

package io.tributary.triggers;

import io.tributary.engine.Engine;
import io.tributary.engine.RequestContext;
import io.tributary.model.json.Json;
import io.tributary.storage.Store;
import io.tributary.triggers.function.Functions;
import io.tributary.triggers.logs.Logs;
import io.tributary.triggers.mapping.Mappings;
import io.tributary.triggers.rest.LambdaApi;
import io.tributary.triggers.rest.LambdaRoutes;
import io.tributary.triggers.runtime.ProcessInvoker;
import java.net.URI;
import java.time.Clock;

/**
 * Functions, their runtimes, event source mappings and logs over one store, next to the engine
 * whose streams feed them. The server routes {@code /2015-03-31/...} to {@link #lambda()} and
 * targets {@code Logs_20140328.*} to {@link #executeLogs}.
 */
public final class Triggers implements AutoCloseable {
  private final Logs logs;
  private final ProcessInvoker invoker;
  private final Functions functions;
  private final Mappings mappings;
  private final LambdaApi lambda;

  private Triggers(Engine engine, Store store, TriggersConfig config, Clock clock) {
    this.logs = new Logs(store, clock, config.accountId());
    this.invoker = new ProcessInvoker(config, logs.sink(), clock);
    this.functions = new Functions(store, clock, config.accountId(), invoker);
    this.mappings = new Mappings(store, clock, config, engine, functions);
    this.lambda = new LambdaRoutes(functions, mappings);
  }

  /** Starts the triggers (and the pollers of the mappings already stored). */
  public static Triggers start(Engine engine, Store store, TriggersConfig config) {
    return new Triggers(engine, store, config, Clock.systemUTC());
  }

  /** Tells functions where Tributary answers, so their SDK calls come back to it. */
  public void serving(URI endpoint) {
    functions.serving(endpoint);
    invoker.serving(endpoint);
  }

  /** The Lambda REST API. */
  public LambdaApi lambda() {
    return lambda;
  }

  /** Runs a CloudWatch Logs action (the part of X-Amz-Target after "Logs_20140328."). */
  public Json.Obj executeLogs(String operation, Json.Obj request, RequestContext context) {
    return logs.execute(operation, request, context);
  }

  @Override
  public void close() {
    mappings.close();
    invoker.close();
  }
}

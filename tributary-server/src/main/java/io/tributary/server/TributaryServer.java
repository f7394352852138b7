package io.tributary.server;

import io.tributary.engine.Engine;
import io.tributary.server.http.Operations;
import io.tributary.server.http.Services;
import io.tributary.triggers.Triggers;
import io.tributary.server.http.HttpFrontEnd;
import io.tributary.storage.Store;
import java.net.URI;

/**
 * A running Tributary: the store, the engine over it, the triggers beside it, and the HTTP front
 * end. Tests and the
 * testkit start one in-process:
 *
 * <pre>{@code
 * try (TributaryServer server = TributaryServer.start(ServerConfig.inMemory())) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint())...
 * }
 * }</pre>
 */
public final class TributaryServer implements AutoCloseable {
  private final ServerConfig config;
  private final Engine engine;
  private final Triggers triggers;
  private final HttpFrontEnd http;
  private boolean closed;

  private TributaryServer(
      ServerConfig config, Engine engine, Triggers triggers, HttpFrontEnd http) {
    this.config = config;
    this.engine = engine;
    this.triggers = triggers;
    this.http = http;
  }

  /** Opens the store and starts listening; returns once requests are being accepted. */
  public static TributaryServer start(ServerConfig config) {
    Store store = config.storage().open();
    Engine engine;
    try {
      engine = Engine.open(store, config.engine());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Triggers triggers = null;
    try {
      triggers = Triggers.start(engine, store, config.triggersConfig());
      HttpFrontEnd http =
          HttpFrontEnd.bind(
              config.host(),
              config.port(),
              new Services(
                  Operations.of(engine::execute, engine::neverWaits),
                  engine::executeStreams, triggers::executeLogs, triggers.lambda()),
              config.engine().accountId(),
              config.corsOrigins());
      TributaryServer server = new TributaryServer(config, engine, triggers, http);
      triggers.serving(server.endpoint());
      return server;
    } catch (RuntimeException e) {
      if (triggers != null) {
        triggers.close();
      }
      engine.close();
      throw e;
    }
  }

  /** The port listened on (the one picked when the configuration said 0). */
  public int port() {
    return http.port();
  }

  public String host() {
    return config.host();
  }

  /** The endpoint URL to give clients, such as {@code http://127.0.0.1:8000}. */
  public URI endpoint() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  public ServerConfig config() {
    return config;
  }

  /** Stops accepting requests, lets those in flight finish, then closes the engine and store. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      http.close();
    } finally {
      try {
        triggers.close();
      } finally {
        engine.close();
      }
    }
  }
}

package io.tributary.engine;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.storage.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** An engine over a given store, with a clock tests move by hand and JSON in and out as text. */
final class EngineFixture implements AutoCloseable {
  static final RequestContext CONTEXT = new RequestContext("test", "us-east-1", "123456789012");

  /** A clock that stands still until told to move. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final ManualClock clock = new ManualClock();
  final Engine engine;

  EngineFixture(Store store, Duration transientStatusDelay) {
    this(store, new EngineConfig("123456789012", transientStatusDelay));
  }

  EngineFixture(Store store, Duration transientStatusDelay, Duration timeToLiveSweepInterval) {
    this(
        store,
        new EngineConfig("123456789012", transientStatusDelay)
            .withTimeToLiveSweepInterval(timeToLiveSweepInterval));
  }

  EngineFixture(Store store, EngineConfig config) {
    engine = Engine.open(store, config, clock);
  }

  /** Runs an action; the request and the response are JSON text (single quotes allowed). */
  String call(String operation, String request) {
    Json.Obj body =
        (Json.Obj) JsonReader.parse(request.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    return new String(
        JsonWriter.write(engine.execute(operation, body, CONTEXT)), StandardCharsets.UTF_8);
  }

  /** Runs a DynamoDB Streams action, the same way. */
  String callStreams(String operation, String request) {
    Json.Obj body =
        (Json.Obj) JsonReader.parse(request.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    return new String(
        JsonWriter.write(engine.executeStreams(operation, body, CONTEXT)), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    engine.close();
  }
}

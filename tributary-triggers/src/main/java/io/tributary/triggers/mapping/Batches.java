package io.tributary.triggers.mapping;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import io.tributary.triggers.function.FunctionDefinition;
import io.tributary.triggers.runtime.Invocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invoking a mapping's function with one batch and reading what it answered: success, a partial
 * failure (ReportBatchItemFailures), or a failure. With a ParallelizationFactor above one the
 * batch is split into lanes by partition key, invoked at once, each lane in order; lanes that
 * went through are not invoked again when the batch is retried.
 */
final class Batches {
  private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

  /** How a batch went. */
  sealed interface Outcome {
    /** Delivered; {@code windowState} is the tumbling window's new state, or null. */
    record Delivered(Json windowState) implements Outcome {}

    /** The function reported failed items; {@code firstFailed} has the lowest sequence number. */
    record Partial(Json.Obj firstFailed, String functionError) implements Outcome {}

    record Failed(String functionError) implements Outcome {}
  }

  private final EventSourceMapping mapping;
  private final Mappings mappings;

  Batches(EventSourceMapping mapping, Mappings mappings) {
    this.mapping = mapping;
    this.mappings = mappings;
  }

  Outcome deliver(
      String shardId, List<Json.Obj> records, Checkpoints.Position p, Set<Integer> doneLanes)
      throws InterruptedException {
    int lanes = mapping.parallelizationFactor();
    if (lanes <= 1) {
      LambdaEvents.Window window = null;
      if (mapping.tumblingWindowInSeconds() > 0) {
        long w = mapping.tumblingWindowInSeconds();
        long start = StreamReader.arrival(records.get(0)) / w * w;
        window =
            new LambdaEvents.Window(
                start, start + w, p.windowStart() == start ? p.windowState() : null, shardId, false);
      }
      return invoke(records, window);
    }
    Map<Integer, List<Json.Obj>> byLane = new HashMap<>();
    for (Json.Obj r : records) {
      String keys = new String(JsonWriter.write(((Json.Obj) r.get("dynamodb")).get("Keys")), java.nio.charset.StandardCharsets.UTF_8);
      byLane.computeIfAbsent(Math.floorMod(keys.hashCode(), lanes), l -> new ArrayList<>()).add(r);
    }
    Map<Integer, Future<Outcome>> running = new HashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Map.Entry<Integer, List<Json.Obj>> lane : byLane.entrySet()) {
        if (!doneLanes.contains(lane.getKey())) {
          running.put(lane.getKey(), pool.submit(() -> invoke(lane.getValue(), null)));
        }
      }
      String error = null;
      for (Map.Entry<Integer, Future<Outcome>> f : running.entrySet()) {
        Outcome o;
        try {
          o = f.getValue().get();
        } catch (ExecutionException e) {
          o = new Outcome.Failed("Unhandled");
        }
        if (o instanceof Outcome.Delivered) {
          doneLanes.add(f.getKey());
        } else {
          error = o instanceof Outcome.Failed failed ? failed.functionError() : "Unhandled";
        }
      }
      return error == null ? new Outcome.Delivered(null) : new Outcome.Failed(error);
    }
  }

  private Outcome invoke(List<Json.Obj> records, LambdaEvents.Window window) {
    FunctionDefinition f = mappings.functions().find(mapping.region(), mapping.functionArn());
    if (f == null) {
      return new Outcome.Failed("Unhandled");
    }
    Invocation result =
        mappings.functions()
            .invoke(f, LambdaEvents.of(records, mapping.eventSourceArn(), window), UUID.randomUUID().toString());
    if (result.failed()) {
      return new Outcome.Failed(result.functionError());
    }
    Json response;
    try {
      response = result.payload().length == 0 ? null : JsonReader.parse(result.payload());
    } catch (RuntimeException e) {
      response = null;
    }
    Json state = null;
    if (window != null) {
      // Without a state in its answer, a windowed invocation counts as failed.
      if (!(response instanceof Json.Obj o) || !(o.get("state") instanceof Json.Obj s)) {
        return new Outcome.Failed(null);
      }
      state = s;
    }
    if (mapping.reportsBatchItemFailures() && response instanceof Json.Obj o
        && o.get("batchItemFailures") instanceof Json.Arr failures
        && !failures.elements().isEmpty()) {
      Json.Obj lowest = null;
      for (Json item : failures.elements()) {
        String id =
            item instanceof Json.Obj io && io.get("itemIdentifier") instanceof Json.Str s ? s.value() : null;
        Json.Obj record = id == null || id.isEmpty() ? null : find(records, id);
        if (record == null) {
          // A missing or unknown identifier fails the whole batch, as Lambda reads it.
          return new Outcome.Failed(null);
        }
        if (lowest == null
            || StreamReader.compare(id, StreamReader.sequenceNumber(lowest)) < 0) {
          lowest = record;
        }
      }
      return new Outcome.Partial(lowest, null);
    }
    return new Outcome.Delivered(state);
  }

  private static Json.Obj find(List<Json.Obj> records, String sequenceNumber) {
    for (Json.Obj r : records) {
      if (sequenceNumber.equals(StreamReader.sequenceNumber(r))) {
        return r;
      }
    }
    return null;
  }

  /** The final invocation of a tumbling window, with its state and no records. */
  boolean finishWindow(String shardId, Checkpoints.Position p, Checkpoints checkpoints, Runnable reset) {
    long w = mapping.tumblingWindowInSeconds();
    Outcome o =
        invoke(
            List.of(),
            new LambdaEvents.Window(p.windowStart(), p.windowStart() + w, p.windowState(), shardId, true));
    if (o instanceof Outcome.Failed) {
      return false;
    }
    checkpoints.save(shardId, new Checkpoints.Position(p.after(), p.finished(), null, -1));
    reset.run();
    return true;
  }

  /** Gives up on records: to the on-failure destination when there is one. */
  void discard(
      String shardId, List<Json.Obj> records, String condition, int attempts, String functionError) {
    if (mapping.onFailure() == null) {
      LOG.info(
          "Mapping {} discards {} records of {} ({})", mapping.uuid(), records.size(), shardId, condition);
      return;
    }
    FailureDestination.send(
        mappings.engine(),
        mappings.clock().instant(),
        mappings.accountId(),
        mapping,
        shardId,
        records,
        condition,
        attempts,
        functionError);
  }
}

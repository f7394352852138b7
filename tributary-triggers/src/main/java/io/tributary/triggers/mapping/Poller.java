package io.tributary.triggers.mapping;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one mapping's function from its stream, the way Lambda's pollers do: every shard in
 * lineage order (a child only once its parent is finished), each batch invoked synchronously,
 * the position saved after each batch so a restart neither loses nor replays a batch that went
 * through. Records the filter rejects are stepped over. A failed batch is retried (bisected
 * first, when asked) until MaximumRetryAttempts or MaximumRecordAgeInSeconds give up on it; then
 * it goes to the on-failure destination and the shard moves on.
 */
final class Poller {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  /** What the poller keeps in memory about the batch at a shard's position. */
  private static final class Attempt {
    int retries;
    int limit = Integer.MAX_VALUE;
    final Set<Integer> doneLanes = new HashSet<>();

    void reset() {
      retries = 0;
      limit = Integer.MAX_VALUE;
      doneLanes.clear();
    }
  }

  private final EventSourceMapping mapping;
  private final Checkpoints checkpoints;
  private final Mappings mappings;
  private final Duration interval;
  private final StreamReader reader;
  private final FilterCriteria filter;
  private final Batches batches;
  private final Map<String, Attempt> attempts = new HashMap<>();
  private volatile boolean running;
  private volatile boolean started;
  private volatile String lastProcessingResult = "No records processed";
  private Thread thread;

  Poller(EventSourceMapping mapping, Checkpoints checkpoints, Mappings mappings, Duration interval) {
    this.mapping = mapping;
    this.checkpoints = checkpoints;
    this.mappings = mappings;
    this.interval = interval;
    this.reader = new StreamReader(mappings.engine(), mapping.eventSourceArn(), mappings.accountId());
    this.filter = FilterCriteria.parse(mapping.filterCriteria());
    this.batches = new Batches(mapping, mappings);
  }

  void start() {
    running = true;
    thread = Thread.ofVirtual().name("mapping-" + mapping.uuid()).start(this::run);
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean started() {
    return started;
  }

  String lastProcessingResult() {
    return lastProcessingResult;
  }

  private void run() {
    while (running) {
      try {
        boolean progress = pollOnce();
        started = true;
        if (!progress) {
          Thread.sleep(interval);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("Mapping {} failed to poll {}", mapping.uuid(), mapping.eventSourceArn(), e);
        try {
          Thread.sleep(interval);
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  /** One pass over the shards that may be read now; whether anything moved. */
  private boolean pollOnce() throws InterruptedException {
    List<StreamReader.ShardInfo> shards = reader.shards();
    Set<String> ids = new HashSet<>();
    shards.forEach(s -> ids.add(s.shardId()));
    boolean progress = false;
    for (StreamReader.ShardInfo shard : shards) {
      Checkpoints.Position p = checkpoints.of(shard.shardId());
      if (p.finished()) {
        continue;
      }
      String parent = shard.parentShardId();
      if (parent != null && ids.contains(parent) && !checkpoints.of(parent).finished()) {
        continue;
      }
      progress |= pollShard(shard, p);
      if (!running) {
        break;
      }
    }
    return progress;
  }

  private boolean pollShard(StreamReader.ShardInfo shard, Checkpoints.Position p)
      throws InterruptedException {
    String iterator = start(shard, p);
    if (iterator == null) {
      checkpoints.save(shard.shardId(), new Checkpoints.Position(p.after(), true, null, -1));
      return true;
    }
    Attempt attempt = attempts.computeIfAbsent(shard.shardId(), id -> new Attempt());
    int limit = Math.min(mapping.batchSize(), attempt.limit);
    List<Json.Obj> records = new ArrayList<>();
    boolean ended = false;
    while (records.size() < limit) {
      StreamReader.Page page = reader.records(iterator, Math.min(1000, limit - records.size()));
      records.addAll(page.records());
      iterator = page.nextIterator();
      if (iterator == null) {
        ended = true;
        break;
      }
      if (page.records().isEmpty()) {
        break;
      }
    }
    long now = mappings.clock().instant().getEpochSecond();
    if (mapping.tumblingWindowInSeconds() > 0 && p.windowStart() >= 0) {
      long windowEnd = p.windowStart() + mapping.tumblingWindowInSeconds();
      boolean over =
          now >= windowEnd
              || (records.isEmpty() && ended)
              || (!records.isEmpty() && windowOf(records.get(0)) != p.windowStart());
      if (over) {
        return batches.finishWindow(shard.shardId(), p, checkpoints, attempt::reset);
      }
    }
    if (records.isEmpty()) {
      if (ended) {
        checkpoints.save(shard.shardId(), new Checkpoints.Position(p.after(), true, null, -1));
        return true;
      }
      return false;
    }
    if (mapping.tumblingWindowInSeconds() > 0) {
      long window = windowOf(records.get(0));
      int end = 0;
      while (end < records.size() && windowOf(records.get(end)) == window) {
        end++;
      }
      if (end < records.size()) {
        records = new ArrayList<>(records.subList(0, end));
        ended = false;
      }
    }
    if (mapping.maximumBatchingWindowInSeconds() > 0
        && records.size() < limit
        && !ended
        && now < StreamReader.arrival(records.get(0)) + mapping.maximumBatchingWindowInSeconds()) {
      return false; // wait for a fuller batch, up to the batching window
    }
    String last = StreamReader.sequenceNumber(records.get(records.size() - 1));
    if (mapping.maximumRecordAgeInSeconds() >= 0) {
      List<Json.Obj> expired = new ArrayList<>();
      for (Json.Obj r : records) {
        if (now - StreamReader.arrival(r) > mapping.maximumRecordAgeInSeconds()) {
          expired.add(r);
        } else {
          break;
        }
      }
      if (!expired.isEmpty()) {
        batches.discard(shard.shardId(), expired, "RecordAgeExceeded", attempt.retries + 1, null);
        String through = StreamReader.sequenceNumber(expired.get(expired.size() - 1));
        checkpoints.save(shard.shardId(), keep(p, through, ended && expired.size() == records.size()));
        attempt.reset();
        return true;
      }
    }
    List<Json.Obj> matched = new ArrayList<>();
    for (Json.Obj r : records) {
      if (filter.matches(LambdaEvents.delivered(r, mapping.eventSourceArn()))) {
        matched.add(r);
      }
    }
    if (matched.isEmpty()) {
      checkpoints.save(shard.shardId(), keep(p, last, ended));
      return true;
    }
    Batches.Outcome outcome = batches.deliver(shard.shardId(), matched, p, attempt.doneLanes);
    switch (outcome) {
      case Batches.Outcome.Delivered d -> {
        lastProcessingResult = "OK";
        checkpoints.save(
            shard.shardId(),
            new Checkpoints.Position(last, ended, d.windowState(), d.windowState() == null ? -1 : windowOf(records.get(0))));
        attempt.reset();
        return true;
      }
      case Batches.Outcome.Partial partial -> {
        lastProcessingResult = "PROBLEM: Function call failed";
        // Everything before the lowest failed record went through.
        int failedAt = records.indexOf(partial.firstFailed());
        if (failedAt > 0) {
          String through = StreamReader.sequenceNumber(records.get(failedAt - 1));
          checkpoints.save(shard.shardId(), keep(p, through, false));
          attempt.reset();
          return true;
        }
        return failed(shard, p, attempt, records, matched, last, ended, partial.functionError());
      }
      case Batches.Outcome.Failed f -> {
        lastProcessingResult = "PROBLEM: Function call failed";
        return failed(shard, p, attempt, records, matched, last, ended, f.functionError());
      }
    }
  }

  /** A failed batch: bisected, retried, or given up on. */
  private boolean failed(
      StreamReader.ShardInfo shard,
      Checkpoints.Position p,
      Attempt attempt,
      List<Json.Obj> records,
      List<Json.Obj> matched,
      String last,
      boolean ended,
      String functionError)
      throws InterruptedException {
    if (mapping.bisectBatchOnFunctionError() && records.size() > 1) {
      // Splitting does not count towards the retry quota.
      attempt.limit = (records.size() + 1) / 2;
      attempt.doneLanes.clear();
      return true;
    }
    attempt.retries++;
    if (mapping.maximumRetryAttempts() >= 0 && attempt.retries > mapping.maximumRetryAttempts()) {
      batches.discard(shard.shardId(), matched, "RetryAttemptsExhausted", attempt.retries, functionError);
      checkpoints.save(shard.shardId(), keep(p, last, ended));
      attempt.reset();
      return true;
    }
    Thread.sleep(interval);
    return false;
  }

  private static Checkpoints.Position keep(Checkpoints.Position p, String after, boolean finished) {
    return new Checkpoints.Position(after, finished, p.windowState(), p.windowStart());
  }

  private long windowOf(Json.Obj record) {
    long w = mapping.tumblingWindowInSeconds();
    return StreamReader.arrival(record) / w * w;
  }

  /**
   * An iterator at the shard's position: after the last record done with; for a new shard, at
   * the mapping's LATEST start (or nothing to read when the shard ended before it), else at the
   * trim horizon. Null when the shard holds nothing for this mapping.
   */
  private String start(StreamReader.ShardInfo shard, Checkpoints.Position p) {
    try {
      if (p.after() != null) {
        return reader.iterator(shard.shardId(), "AFTER_SEQUENCE_NUMBER", p.after());
      }
      String from = mapping.startSequenceNumber();
      if (from != null && StreamReader.compare(shard.startingSequenceNumber(), from) < 0) {
        if (shard.endingSequenceNumber() != null
            && StreamReader.compare(shard.endingSequenceNumber(), from) < 0) {
          return null;
        }
        return reader.iterator(shard.shardId(), "AT_SEQUENCE_NUMBER", from);
      }
      return reader.iterator(shard.shardId(), "TRIM_HORIZON", null);
    } catch (DynamoDbException e) {
      if (e.type() == ErrorType.TRIMMED_DATA_ACCESS) {
        return reader.iterator(shard.shardId(), "TRIM_HORIZON", null);
      }
      throw e;
    }
  }
}

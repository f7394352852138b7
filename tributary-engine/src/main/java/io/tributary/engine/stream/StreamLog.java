package io.tributary.engine.stream;

import io.tributary.engine.item.ChangeLog;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.KeyEncoding;
import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every table's stream: records written in the items' own batches, numbered under the stream's
 * lock so that they become visible in order, in the open shard that covers the item's partition
 * hash; shards that grew past {@link StreamSettings#splitRecords} split their range in two, and
 * shards older than {@link StreamSettings#shardMaxAge} hand over to one child.
 */
public final class StreamLog implements ChangeLog {
  private static final byte[] PREFIX = "stream/".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "stream0".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEXT_STREAM_ID = "next-stream-id".getBytes(StandardCharsets.UTF_8);
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Store store;
  private final Clock clock;
  private final StreamSettings settings;
  private final ShardIterators iterators;
  /** Every stream still readable, by id, in creation order. */
  private final Map<Long, StreamState> streams = new ConcurrentHashMap<>();
  /** The stream of each table that has one enabled. */
  private final Map<Long, StreamState> enabled = new ConcurrentHashMap<>();
  /** The same streams by ARN: every Streams API call finds its stream here. */
  private final Map<String, StreamState> byArn = new ConcurrentHashMap<>();
  /** The newest stream of each table, enabled or not (DescribeTable's LatestStreamArn). */
  private final Map<Long, StreamState> latest = new ConcurrentHashMap<>();

  public StreamLog(Store store, Clock clock, StreamSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.iterators = new ShardIterators(store, clock);
    try (EntryIterator it = store.scan(Keyspace.SYSTEM, PREFIX, END, false)) {
      while (it.next()) {
        StreamState s = StreamState.decode(it.value());
        s.nextCounter = Math.max(s.nextCounter, lastCounter(s) + 1);
        register(s);
      }
    }
  }

  private void register(StreamState s) {
    streams.put(s.streamId, s);
    byArn.put(s.arn, s);
    StreamState newest = latest.get(s.tableId);
    if (newest == null || newest.streamId < s.streamId) {
      latest.put(s.tableId, s);
    }
    if (s.enabled()) {
      enabled.put(s.tableId, s);
    }
  }

  /** The highest counter stored for the stream, or -1. */
  private long lastCounter(StreamState s) {
    long last = -1;
    for (Shard shard : s.shards) {
      try (EntryIterator it = scanShard(s, shard, 0, true)) {
        if (it.next()) {
          last = Math.max(last, counterOf(it.key()));
        }
      }
    }
    return last;
  }

  @Override
  public boolean records(long tableId) {
    return !enabled.isEmpty() && enabled.containsKey(tableId);
  }

  @Override
  public void write(WriteBatch batch, List<Change> changes) {
    Set<StreamState> involved = new LinkedHashSet<>();
    for (Change c : changes) {
      StreamState s = enabled.get(c.table().tableId());
      if (s != null) {
        involved.add(s);
      }
    }
    List<StreamState> ordered =
        involved.stream().sorted(Comparator.comparingLong(s -> s.streamId)).toList();
    for (StreamState s : ordered) {
      s.lock.lock();
    }
    try {
      Instant now = clock.instant();
      List<StreamState> touchedStreams = new ArrayList<>();
      List<Shard> touched = new ArrayList<>();
      for (Change c : changes) {
        StreamState s = enabled.get(c.table().tableId());
        if (s == null || !involved.contains(s) || Objects.equals(c.oldItem(), c.newItem())) {
          // No stream (any more), or a write that changed nothing: no record.
          continue;
        }
        Shard shard = openShard(s, hashOf(c));
        long counter = s.nextCounter++;
        batch.put(
            Keyspace.STREAMS,
            recordKey(s.streamId, shard.ordinal(), counter),
            StreamRecords.encode(s, c, counter, now));
        touchedStreams.add(s);
        touched.add(shard);
      }
      store.write(batch);
      for (int i = 0; i < touched.size(); i++) {
        StreamState s = touchedStreams.get(i);
        Shard now1 = s.shard(touched.get(i).shardId());
        if (now1 != null && now1.open()) {
          s.replace(now1, List.of(now1.withRecords(now1.records() + 1)));
        }
      }
      for (StreamState s : ordered) {
        reshape(s, now);
      }
    } finally {
      for (StreamState s : ordered) {
        s.lock.unlock();
      }
    }
  }

  /** The partition hash of the changed item, which picks its shard. */
  static long hashOf(Change c) {
    String name = c.table().keySchema().partitionKey().name();
    var item = c.newItem() != null ? c.newItem() : c.oldItem();
    return KeyEncoding.partitionHash(item.get(name));
  }

  private static Shard openShard(StreamState s, long hash) {
    for (Shard shard : s.shards) {
      if (shard.open() && shard.covers(hash)) {
        return shard;
      }
    }
    throw new IllegalStateException("no open shard covers hash " + hash + " in " + s.arn);
  }

  /**
   * Splits the open shards that took enough records and rolls over the old ones; under the
   * stream's lock. The new shards are stored before any record goes to them.
   */
  private void reshape(StreamState s, Instant now) {
    boolean changed = false;
    for (Shard shard : s.shards) {
      if (!shard.open()) {
        continue;
      }
      boolean split = shard.records() >= settings.splitRecords() && shard.hashFrom() < shard.hashTo();
      boolean old = !shard.createdAt().plus(settings.shardMaxAge()).isAfter(now);
      if (!split && !old) {
        continue;
      }
      long last = s.nextCounter - 1;
      Shard closed = shard.closed(Math.max(shard.startCounter(), last));
      List<Shard> replacement = new ArrayList<>();
      replacement.add(closed);
      int ordinal = s.nextOrdinal();
      if (split) {
        long mid = (shard.hashFrom() >> 1) + (shard.hashTo() >> 1) + (shard.hashFrom() & shard.hashTo() & 1);
        replacement.add(child(s, ordinal, shard, shard.hashFrom(), mid, now));
        replacement.add(child(s, ordinal + 1, shard, mid + 1, shard.hashTo(), now));
      } else {
        replacement.add(child(s, ordinal, shard, shard.hashFrom(), shard.hashTo(), now));
      }
      s.replace(shard, replacement);
      changed = true;
    }
    if (changed) {
      save(s);
    }
  }

  private static Shard child(
      StreamState s, int ordinal, Shard parent, long from, long to, Instant now) {
    return new Shard(
        ordinal,
        shardId(s, ordinal, now),
        parent == null ? null : parent.shardId(),
        from,
        to,
        s.nextCounter,
        null,
        now,
        0);
  }

  /** {@code shardId-<20-digit epoch millis>-<8 hex>}: stock consumers parse the millis. */
  private static String shardId(StreamState s, int ordinal, Instant now) {
    long h = s.streamId * 0x9E3779B97F4A7C15L + ordinal * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 29;
    return String.format("shardId-%020d-%08x", now.toEpochMilli(), (int) h);
  }

  private void save(StreamState s) {
    store.write(new WriteBatch().put(Keyspace.SYSTEM, metadataKey(s.streamId), s.encode()));
  }

  /**
   * Enables a new stream on {@code table} with {@code viewType}; the caller has checked that it
   * has none enabled. Its label is the time, made unique among the table's streams.
   */
  public synchronized void enable(TableDefinition table, String viewType) {
    Instant now = clock.instant();
    StreamState previous = latest.get(table.tableId());
    if (previous != null && !now.isAfter(previous.createdAt)) {
      now = previous.createdAt.plusMillis(1);
    }
    long id = nextStreamId();
    String label = LABEL.format(now);
    String arn = table.arn() + "/stream/" + label;
    StreamState s =
        new StreamState(
            id, table.tableId(), table.region(), table.name(), arn, label, viewType,
            StreamState.keySchemaJson(table.keySchema()), now, null, List.of(), 0, 0);
    s.shards = List.of(child(s, 0, null, Long.MIN_VALUE, Long.MAX_VALUE, now));
    save(s);
    register(s);
  }

  /** Disables the table's enabled stream, if any: its shards close, its records stay readable. */
  public synchronized void disable(long tableId) {
    StreamState s = enabled.get(tableId);
    if (s == null) {
      return;
    }
    s.lock.lock();
    try {
      long last = s.nextCounter - 1;
      List<Shard> closed = new ArrayList<>();
      for (Shard shard : s.shards) {
        closed.add(shard.open() ? shard.closed(Math.max(shard.startCounter(), last)) : shard);
      }
      s.shards = List.copyOf(closed);
      s.disabledAt = clock.instant();
      save(s);
      enabled.remove(tableId);
    } finally {
      s.lock.unlock();
    }
  }

  private long nextStreamId() {
    byte[] stored = store.get(Keyspace.SYSTEM, NEXT_STREAM_ID);
    long id = stored == null ? 1 : ByteBuffer.wrap(stored).getLong();
    store.write(
        new WriteBatch()
            .put(Keyspace.SYSTEM, NEXT_STREAM_ID, ByteBuffer.allocate(8).putLong(id + 1).array()));
    return id;
  }

  ShardIterators iterators() {
    return iterators;
  }

  /** Whether the table has a stream enabled. */
  public boolean hasEnabled(long tableId) {
    return enabled.containsKey(tableId);
  }

  /** The table's newest stream, enabled or not, or null. */
  public StreamView latestView(long tableId) {
    StreamState s = latest.get(tableId);
    return s == null ? null : new StreamView(s.arn, s.label, s.viewType, s.enabled());
  }

  /** The readable streams of a region, oldest first; of one table when {@code tableName} is set. */
  List<StreamState> list(String region, String tableName) {
    return streams.values().stream()
        .filter(s -> s.region.equals(region))
        .filter(s -> tableName == null || s.tableName.equals(tableName))
        .sorted(Comparator.comparingLong(s -> s.streamId))
        .toList();
  }

  /** The readable stream with this ARN, or null. */
  StreamState find(String arn) {
    return byArn.get(arn);
  }

  /** The records of a shard from {@code fromCounter} on, at most {@code limit} and about {@code maxBytes}. */
  List<StreamRecords.Stored> read(StreamState s, Shard shard, long fromCounter, int limit, long maxBytes, long[] lastCounter) {
    List<StreamRecords.Stored> out = new ArrayList<>();
    long bytes = 0;
    lastCounter[0] = fromCounter - 1;
    try (EntryIterator it = scanShard(s, shard, Math.max(0, fromCounter), false)) {
      while (out.size() < limit && bytes < maxBytes && it.next()) {
        StreamRecords.Stored r = StreamRecords.decode(it.value());
        out.add(r);
        bytes += r.json().length;
        lastCounter[0] = counterOf(it.key());
      }
    }
    return out;
  }

  /**
   * The sequence number the stream's next record will get, or null when there is no such
   * stream: in-process consumers start "at the latest" from it.
   */
  public String nextSequenceNumber(String arn) {
    StreamState s = find(arn);
    return s == null ? null : SequenceNumbers.format(lastNumbered(s) + 1);
  }

  /** The counter of the newest record numbered so far in the stream (-1 when none). */
  long lastNumbered(StreamState s) {
    s.lock.lock();
    try {
      return s.nextCounter - 1;
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Background upkeep: rolls over shards that aged without writes, trims records older than the
   * retention, and forgets shards and disabled streams with nothing left to read.
   */
  public void maintain() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.retention());
    for (StreamState s : List.copyOf(streams.values())) {
      s.lock.lock();
      try {
        if (s.enabled()) {
          reshape(s, now);
        }
        trim(s, cutoff);
        if (!s.enabled() && s.disabledAt.isBefore(cutoff)) {
          store.write(new WriteBatch().delete(Keyspace.SYSTEM, metadataKey(s.streamId)));
          streams.remove(s.streamId);
          byArn.remove(s.arn, s);
          latest.remove(s.tableId, s);
        }
      } finally {
        s.lock.unlock();
      }
    }
  }

  private void trim(StreamState s, Instant cutoff) {
    long trimmedTo = s.trimCounter;
    for (Shard shard : s.shards) {
      WriteBatch batch = new WriteBatch();
      try (EntryIterator it = scanShard(s, shard, 0, false)) {
        while (it.next()) {
          if (!StreamRecords.decode(it.value()).createdAt().isBefore(cutoff)) {
            break;
          }
          batch.delete(Keyspace.STREAMS, it.key());
          trimmedTo = Math.max(trimmedTo, counterOf(it.key()) + 1);
        }
      }
      if (!batch.isEmpty()) {
        store.write(batch);
      }
    }
    long horizon = trimmedTo;
    List<Shard> kept =
        s.shards.stream()
            .filter(sh -> sh.open() || sh.endCounter() >= horizon || !sh.createdAt().isBefore(cutoff))
            .toList();
    if (horizon != s.trimCounter || kept.size() != s.shards.size()) {
      s.trimCounter = horizon;
      s.shards = kept;
      save(s);
    }
  }

  private static byte[] metadataKey(long streamId) {
    return ByteBuffer.allocate(PREFIX.length + 8).put(PREFIX).putLong(streamId).array();
  }

  static byte[] recordKey(long streamId, int ordinal, long counter) {
    return ByteBuffer.allocate(20).putLong(streamId).putInt(ordinal).putLong(counter).array();
  }

  /** The record counter in a {@link #recordKey}, after the stream id and the shard's ordinal. */
  private static long counterOf(byte[] recordKey) {
    return ByteBuffer.wrap(recordKey, 12, 8).getLong();
  }

  /** One shard's records from counter {@code from} on, oldest first or, {@code reverse}, newest. */
  private EntryIterator scanShard(StreamState s, Shard shard, long from, boolean reverse) {
    return store.scan(
        Keyspace.STREAMS,
        recordKey(s.streamId, shard.ordinal(), from),
        recordKey(s.streamId, shard.ordinal() + 1, 0),
        reverse);
  }
}

package io.tributary.triggers.logs;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.ReadView;
import io.tributary.storage.Snapshot;
import io.tributary.storage.Store;
import io.tributary.storage.WriteBatch;
import io.tributary.triggers.logs.LogSink.LogEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Log groups, their streams and events in the store ({@link LogKeys} has the layout). Reads go
 * straight to the store or to a snapshot; writes are coordinated here, because functions append to
 * their streams concurrently with each other and with the API.
 *
 * <p>Each group has a read-write lock: creating or deleting the group takes it exclusively,
 * everything else that writes inside the group shares it. Each stream that has been written to has
 * a {@link StreamState} in memory whose monitor orders its writes, and which carries the stream's
 * summary so that an append is one atomic batch (its events and the new summary) without reading
 * anything first.
 */
final class LogStore {
  /**
   * Deletions are written in batches of this many keys, so a big log does not make one huge batch.
   */
  static final int DELETE_BATCH = 10_000;

  private final Store store;
  private final Clock clock;
  private final EventSequence sequence;
  private final ConcurrentHashMap<String, ReentrantReadWriteLock> groupLocks =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, StreamState> streams = new ConcurrentHashMap<>();

  /** A stream being written: its summary as stored, guarded by this object's monitor. */
  private static final class StreamState {
    LogStream stream;
    boolean deleted;

    StreamState(LogStream stream) {
      this.stream = stream;
    }
  }

  LogStore(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.sequence = new EventSequence(store);
  }

  Clock clock() {
    return clock;
  }

  /** The store as it is now, for single reads. */
  ReadView current() {
    return store;
  }

  /** A consistent view of every log; close it when done. */
  Snapshot snapshot() {
    return store.snapshot();
  }

  // --- Groups ------------------------------------------------------------------------------

  LogGroup group(ReadView view, String region, String name) {
    byte[] value = view.get(Keyspace.TRIGGERS, LogKeys.group(region, name));
    return value == null ? null : LogGroup.decode(region, name, value);
  }

  /** The region's groups whose names start with {@code prefix}, by name. */
  List<LogGroup> groups(ReadView view, String region, String prefix) {
    byte[] parent = LogKeys.groupsFrom(region, "");
    byte[] from = LogKeys.groupsFrom(region, prefix);
    List<LogGroup> out = new ArrayList<>();
    try (EntryIterator it = view.scan(Keyspace.TRIGGERS, from, LogKeys.end(from), false)) {
      while (it.next()) {
        out.add(LogGroup.decode(region, LogKeys.nameAfter(parent, it.key()), it.value()));
      }
    }
    return out;
  }

  /** Creates the group; false if it exists already. */
  boolean createGroup(String region, String name) {
    Lock lock = groupLock(region, name).writeLock();
    lock.lock();
    try {
      byte[] key = LogKeys.group(region, name);
      if (store.get(Keyspace.TRIGGERS, key) != null) {
        return false;
      }
      LogGroup group = new LogGroup(region, name, clock.millis());
      store.write(new WriteBatch().put(Keyspace.TRIGGERS, key, group.encode()));
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Deletes the group with its streams and events; false if there is no such group. */
  boolean deleteGroup(String region, String name) {
    Lock lock = groupLock(region, name).writeLock();
    lock.lock();
    try {
      byte[] key = LogKeys.group(region, name);
      if (store.get(Keyspace.TRIGGERS, key) == null) {
        return false;
      }
      // Events and streams first, the group last: a crash half-way leaves a group that still
      // exists and can be deleted again, never events without their group.
      deleteRange(LogKeys.groupEvents(region, name));
      deleteRange(LogKeys.streamsFrom(region, name, ""));
      store.write(new WriteBatch().delete(Keyspace.TRIGGERS, key));
      String prefix = streamId(region, name, "");
      streams.entrySet().removeIf(e -> e.getKey().startsWith(prefix) && markDeleted(e.getValue()));
      return true;
    } finally {
      lock.unlock();
    }
  }

  // --- Streams -----------------------------------------------------------------------------

  LogStream stream(ReadView view, String region, String group, String name) {
    byte[] value = view.get(Keyspace.TRIGGERS, LogKeys.stream(region, group, name));
    return value == null ? null : LogStream.decode(name, value);
  }

  /** The group's streams whose names start with {@code prefix}, by name. */
  List<LogStream> streams(ReadView view, String region, String group, String prefix) {
    byte[] parent = LogKeys.streamsFrom(region, group, "");
    byte[] from = LogKeys.streamsFrom(region, group, prefix);
    List<LogStream> out = new ArrayList<>();
    try (EntryIterator it = view.scan(Keyspace.TRIGGERS, from, LogKeys.end(from), false)) {
      while (it.next()) {
        out.add(LogStream.decode(LogKeys.nameAfter(parent, it.key()), it.value()));
      }
    }
    return out;
  }

  /** What creating a stream found. */
  enum Created {
    CREATED,
    EXISTS,
    NO_GROUP
  }

  Created createStream(String region, String group, String name) {
    Lock lock = groupLock(region, group).readLock();
    lock.lock();
    try {
      if (store.get(Keyspace.TRIGGERS, LogKeys.group(region, group)) == null) {
        return Created.NO_GROUP;
      }
      boolean[] created = {false};
      streams.computeIfAbsent(
          streamId(region, group, name),
          id -> {
            LogStream stored = stream(store, region, group, name);
            if (stored != null) {
              return new StreamState(stored);
            }
            created[0] = true;
            return new StreamState(write(region, group, LogStream.created(name, clock.millis())));
          });
      return created[0] ? Created.CREATED : Created.EXISTS;
    } finally {
      lock.unlock();
    }
  }

  /** Deletes the stream with its events; false if there is no such stream. */
  boolean deleteStream(String region, String group, String name) {
    Lock lock = groupLock(region, group).readLock();
    lock.lock();
    try {
      String id = streamId(region, group, name);
      StreamState state = state(region, group, name, false);
      if (state == null) {
        return false;
      }
      synchronized (state) {
        if (state.deleted) {
          return false;
        }
        deleteRange(LogKeys.events(region, group, name));
        store.write(
            new WriteBatch().delete(Keyspace.TRIGGERS, LogKeys.stream(region, group, name)));
        state.deleted = true;
        streams.remove(id, state);
        return true;
      }
    } finally {
      lock.unlock();
    }
  }

  // --- Events ------------------------------------------------------------------------------

  /**
   * Appends events to a stream in one atomic batch, and returns the position of the last one. With
   * {@code create}, a missing group or stream is created first (what functions' output needs);
   * without, a missing one is an error (what PutLogEvents needs). A negative timestamp is stored as
   * 0.
   *
   * @throws io.tributary.model.DynamoDbException ResourceNotFoundException without {@code create}
   */
  EventPosition append(
      String region, String group, String name, List<LogEvent> events, boolean create) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    while (true) {
      Lock lock = groupLock(region, group).readLock();
      lock.lock();
      try {
        StreamState state = state(region, group, name, false);
        if (state == null) {
          if (store.get(Keyspace.TRIGGERS, LogKeys.group(region, group)) == null) {
            if (!create) {
              throw LogErrors.groupNotFound();
            }
          } else if (!create) {
            throw LogErrors.streamNotFound();
          } else {
            state = state(region, group, name, true);
          }
        }
        if (state != null) {
          synchronized (state) {
            if (!state.deleted) {
              return write(region, group, state, events);
            }
          }
          continue; // deleted while we waited for it: look again
        }
      } finally {
        lock.unlock();
      }
      createGroup(region, group); // outside the read lock, which cannot be upgraded
    }
  }

  /** The events of one stream from {@code from} (inclusive) to {@code to} (exclusive). */
  EventScan events(
      ReadView view,
      String region,
      String group,
      String stream,
      EventPosition from,
      EventPosition to,
      boolean reverse) {
    return new EventScan(view, LogKeys.events(region, group, stream), stream, from, to, reverse);
  }

  // --- Internals ---------------------------------------------------------------------------

  private EventPosition write(
      String region, String group, StreamState state, List<LogEvent> events) {
    long first = sequence.reserve(events.size());
    long now = clock.millis();
    byte[] prefix = LogKeys.events(region, group, state.stream.name());
    WriteBatch batch = new WriteBatch();
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    long bytes = 0;
    EventPosition position = null;
    for (int i = 0; i < events.size(); i++) {
      LogEvent event = events.get(i);
      long timestamp = Math.max(0, event.timestamp());
      byte[] message = event.message().getBytes(StandardCharsets.UTF_8);
      position = new EventPosition(timestamp, first + i);
      batch.put(
          Keyspace.TRIGGERS, LogKeys.event(prefix, position), StoredEvent.value(now, message));
      earliest = Math.min(earliest, timestamp);
      latest = Math.max(latest, timestamp);
      bytes += message.length;
    }
    LogStream updated =
        state.stream.appended(earliest, latest, now, bytes, first + events.size() - 1);
    batch.put(Keyspace.TRIGGERS, LogKeys.stream(region, group, updated.name()), updated.encode());
    store.write(batch);
    state.stream = updated;
    return position;
  }

  private LogStream write(String region, String group, LogStream stream) {
    store.write(
        new WriteBatch()
            .put(Keyspace.TRIGGERS, LogKeys.stream(region, group, stream.name()), stream.encode()));
    return stream;
  }

  /**
   * The stream's state, read from the store on first use; created (and stored) if missing and
   * {@code create}. Null if missing otherwise. The caller holds the group's lock, shared.
   */
  private StreamState state(String region, String group, String name, boolean create) {
    String id = streamId(region, group, name);
    StreamState state = streams.get(id);
    if (state != null) {
      return state;
    }
    return streams.computeIfAbsent(
        id,
        key -> {
          LogStream stored = stream(store, region, group, name);
          if (stored != null) {
            return new StreamState(stored);
          }
          return create
              ? new StreamState(write(region, group, LogStream.created(name, clock.millis())))
              : null;
        });
  }

  private static boolean markDeleted(StreamState state) {
    synchronized (state) {
      state.deleted = true;
    }
    return true;
  }

  private void deleteRange(byte[] prefix) {
    byte[] from = prefix;
    byte[] to = LogKeys.end(prefix);
    while (true) {
      WriteBatch batch = new WriteBatch();
      byte[] last = null;
      int count = 0;
      try (EntryIterator it = store.scan(Keyspace.TRIGGERS, from, to, false)) {
        while (count < DELETE_BATCH && it.next()) {
          last = it.key();
          batch.delete(Keyspace.TRIGGERS, last);
          count++;
        }
      }
      if (count == 0) {
        return;
      }
      store.write(batch);
      // On from the key just after the last one deleted, not over the deletions again.
      from = Arrays.copyOf(last, last.length + 1);
    }
  }

  private ReentrantReadWriteLock groupLock(String region, String group) {
    return groupLocks.computeIfAbsent(region + '\0' + group, id -> new ReentrantReadWriteLock());
  }

  private static String streamId(String region, String group, String stream) {
    return region + '\0' + group + '\0' + stream;
  }
}

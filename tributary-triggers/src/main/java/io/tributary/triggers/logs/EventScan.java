package io.tributary.triggers.logs;

import io.tributary.storage.EntryIterator;
import io.tributary.storage.Keyspace;
import io.tributary.storage.ReadView;

/**
 * The events of one stream in a range of positions, in position order or its reverse, read lazily.
 * One thread at a time; close it when done.
 */
final class EventScan implements AutoCloseable {
  private final EntryIterator entries; // null for an empty range
  private final byte[] prefix;
  private final String stream;

  EventScan(
      ReadView view,
      byte[] streamEvents,
      String stream,
      EventPosition from,
      EventPosition to,
      boolean reverse) {
    this.prefix = streamEvents;
    this.stream = stream;
    this.entries =
        from.compareTo(to) >= 0
            ? null
            : view.scan(
                Keyspace.TRIGGERS,
                LogKeys.event(streamEvents, from),
                LogKeys.event(streamEvents, to),
                reverse);
  }

  /** The next event, or null at the end of the range. */
  StoredEvent next() {
    if (entries == null || !entries.next()) {
      return null;
    }
    return StoredEvent.decode(stream, LogKeys.position(prefix, entries.key()), entries.value());
  }

  @Override
  public void close() {
    if (entries != null) {
      entries.close();
    }
  }
}

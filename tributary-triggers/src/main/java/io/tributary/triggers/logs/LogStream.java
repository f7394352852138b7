package io.tributary.triggers.logs;

import java.nio.ByteBuffer;

/**
 * A log stream as stored: its name and creation time, and a summary of its events kept up to date
 * by every append, so that DescribeLogStreams reads no events. The event fields mean nothing while
 * {@link #hasEvents} is false.
 *
 * @param lastSequence the sequence number of the last event appended, 0 before the first
 * @param storedBytes the UTF-8 bytes of the events' messages
 */
record LogStream(
    String name,
    long creationTime,
    long firstEventTimestamp,
    long lastEventTimestamp,
    long lastIngestionTime,
    long storedBytes,
    long lastSequence) {
  private static final byte FORMAT = 1;
  private static final int SIZE = 1 + 6 * 8;

  static LogStream created(String name, long creationTime) {
    return new LogStream(name, creationTime, 0, 0, 0, 0, 0);
  }

  boolean hasEvents() {
    return lastSequence != 0;
  }

  /** This stream after an append of events from {@code first} to {@code last} (timestamps). */
  LogStream appended(long first, long last, long ingestionTime, long bytes, long sequence) {
    return new LogStream(
        name,
        creationTime,
        hasEvents() ? Math.min(firstEventTimestamp, first) : first,
        hasEvents() ? Math.max(lastEventTimestamp, last) : last,
        ingestionTime,
        storedBytes + bytes,
        sequence);
  }

  byte[] encode() {
    return ByteBuffer.allocate(SIZE)
        .put(FORMAT)
        .putLong(creationTime)
        .putLong(firstEventTimestamp)
        .putLong(lastEventTimestamp)
        .putLong(lastIngestionTime)
        .putLong(storedBytes)
        .putLong(lastSequence)
        .array();
  }

  static LogStream decode(String name, byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalStateException("log stream " + name + " has unknown format " + format);
    }
    return new LogStream(
        name, in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
  }
}

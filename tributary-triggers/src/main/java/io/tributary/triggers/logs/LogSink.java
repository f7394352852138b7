package io.tributary.triggers.logs;

import java.util.List;

/** Where functions' output is written: a log group's stream, created on first use. */
public interface LogSink {

  /** One line (or message) of a log, with the epoch millis it was written at. */
  record LogEvent(long timestamp, String message) {}

  /**
   * Appends events to {@code stream} of {@code group} in {@code region}, creating either as needed.
   * The events of one call are stored together or not at all, each with a new unique eventId;
   * callers may append from many threads at once. Events need not be in time order (readers see
   * them by timestamp); a negative timestamp is stored as 0, and an empty list does nothing.
   */
  void append(String region, String group, String stream, List<LogEvent> events);
}

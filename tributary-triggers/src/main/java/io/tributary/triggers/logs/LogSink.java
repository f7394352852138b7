package io.tributary.triggers.logs;

import java.util.List;

/** Where functions' output is written: a log group's stream, created on first use. */
public interface LogSink {

  /** One line (or message) of a log, with the epoch millis it was written at. */
  record LogEvent(long timestamp, String message) {}

  /** Appends events to {@code stream} of {@code group} in {@code region}, creating either as needed. */
  void append(String region, String group, String stream, List<LogEvent> events);
}

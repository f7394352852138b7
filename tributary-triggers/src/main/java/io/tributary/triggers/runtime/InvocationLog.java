package io.tributary.triggers.runtime;

import io.tributary.triggers.logs.LogSink.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The log events of one invocation, START to REPORT, worded as Lambda words them. Every message
 * ends with a newline, as the messages of Lambda's log streams do.
 */
final class InvocationLog {
  /** How much of its log an invocation hands back (Invoke's X-Amz-Log-Result). */
  static final int TAIL_BYTES = 4096;

  private final List<LogEvent> events = new ArrayList<>();

  void start(long timestamp, String requestId) {
    add(timestamp, "START RequestId: " + requestId + " Version: $LATEST");
  }

  /** A line the function printed (without its newline). */
  void line(long timestamp, String text) {
    add(timestamp, text);
  }

  void end(long timestamp, String requestId) {
    add(timestamp, "END RequestId: " + requestId);
  }

  void report(long timestamp, Report report) {
    add(timestamp, report.message());
  }

  private void add(long timestamp, String text) {
    events.add(new LogEvent(timestamp, text + "\n"));
  }

  List<LogEvent> events() {
    return events;
  }

  /** The last {@link #TAIL_BYTES} bytes of the log (UTF-8), cut at a character's start. */
  String tail() {
    StringBuilder all = new StringBuilder();
    for (LogEvent event : events) {
      all.append(event.message());
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= TAIL_BYTES) {
      return all.toString();
    }
    int from = bytes.length - TAIL_BYTES;
    while (from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
      from++;
    }
    return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
  }

  /**
   * The REPORT line: tab-separated fields, each followed by a tab, as Lambda writes them.
   *
   * @param initDurationMillis the cold start's init, or null for a warm invocation
   * @param status {@code timeout} or {@code error} when the environment failed, else null
   * @param errorType the failure's type beside {@code status}, or null
   */
  record Report(
      String requestId,
      double durationMillis,
      int memorySize,
      long maxMemoryUsedMegabytes,
      Double initDurationMillis,
      String status,
      String errorType) {

    String message() {
      StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId).append('\t');
      line.append(String.format(Locale.ROOT, "Duration: %.2f ms\t", durationMillis));
      line.append("Billed Duration: ").append((long) Math.ceil(durationMillis)).append(" ms\t");
      line.append("Memory Size: ").append(memorySize).append(" MB\t");
      line.append("Max Memory Used: ").append(maxMemoryUsedMegabytes).append(" MB\t");
      if (initDurationMillis != null) {
        line.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initDurationMillis));
      }
      if (status != null) {
        line.append("Status: ").append(status).append('\t');
      }
      if (errorType != null) {
        line.append("Error Type: ").append(errorType).append('\t');
      }
      return line.toString();
    }
  }
}

package io.tributary.triggers.logs;

/**
 * Where an event sits in its stream: its timestamp, then the sequence number it was given when it
 * was stored. Sequence numbers are unique across all logs, so a position also names one event
 * everywhere; its 56 digits are the event's {@code eventId} and the body of the tokens that page
 * through events.
 */
record EventPosition(long timestamp, long sequence) implements Comparable<EventPosition> {
  /** Before every event (sequence numbers start at 1). */
  static final EventPosition FIRST = new EventPosition(0, 0);

  /** After every event. */
  static final EventPosition LAST = new EventPosition(Long.MAX_VALUE, Long.MAX_VALUE);

  private static final int TIMESTAMP_DIGITS = 20;
  private static final int DIGITS = 56;

  EventPosition {
    if (timestamp < 0 || sequence < 0) {
      throw new IllegalArgumentException("negative position " + timestamp + "/" + sequence);
    }
  }

  /** The 56 digits: the timestamp in 20, the sequence in 36, both zero-padded. */
  String digits() {
    String ts = Long.toString(timestamp);
    String seq = Long.toString(sequence);
    return "0".repeat(TIMESTAMP_DIGITS - ts.length())
        + ts
        + "0".repeat(DIGITS - TIMESTAMP_DIGITS - seq.length())
        + seq;
  }

  /** The position that {@link #digits} wrote, or null if {@code text} is not such digits. */
  static EventPosition parse(String text) {
    if (text.length() != DIGITS) {
      return null;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return new EventPosition(
          Long.parseLong(text.substring(0, TIMESTAMP_DIGITS)),
          Long.parseLong(text.substring(TIMESTAMP_DIGITS)));
    } catch (NumberFormatException e) {
      return null; // more digits than a long holds
    }
  }

  @Override
  public int compareTo(EventPosition other) {
    int byTime = Long.compare(timestamp, other.timestamp);
    return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
  }
}

package io.tributary.triggers.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One event as read back: the stream it is in, its position (timestamp and sequence), when it was
 * stored, and its message. On disk the value is the ingestion time (8 bytes) and the message's
 * UTF-8 bytes; the rest is in the key.
 */
record StoredEvent(String stream, EventPosition position, long ingestionTime, String message) {

  long timestamp() {
    return position.timestamp();
  }

  /** The stable, unique id FilterLogEvents returns ({@code aws logs tail} deduplicates on it). */
  String eventId() {
    return position.digits();
  }

  static byte[] value(long ingestionTime, byte[] message) {
    return ByteBuffer.allocate(8 + message.length).putLong(ingestionTime).put(message).array();
  }

  static StoredEvent decode(String stream, EventPosition position, byte[] value) {
    long ingestionTime = ByteBuffer.wrap(value).getLong();
    String message = new String(Arrays.copyOfRange(value, 8, value.length), StandardCharsets.UTF_8);
    return new StoredEvent(stream, position, ingestionTime, message);
  }
}

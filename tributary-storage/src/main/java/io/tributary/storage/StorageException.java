package io.tributary.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of the store itself (I/O error, corruption, use after close), never of a client's
 * request. The message is static so failures group well in logs; what varies goes in {@link
 * #context()}.
 */
public final class StorageException extends RuntimeException {

  private final Map<String, Object> context;

  /** {@code keyValues} alternates names and values: {@code "keyspace", keyspace, ...}. */
  public StorageException(String message, Object... keyValues) {
    this(message, null, keyValues);
  }

  public StorageException(String message, Throwable cause, Object... keyValues) {
    super(message, cause);
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("context needs name/value pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    this.context = Collections.unmodifiableMap(map);
  }

  /** The static message, without context. */
  public String staticMessage() {
    return super.getMessage();
  }

  /** Names and values describing where it happened, in the order given. */
  public Map<String, Object> context() {
    return context;
  }

  @Override
  public String getMessage() {
    return context.isEmpty() ? super.getMessage() : super.getMessage() + " " + context;
  }
}

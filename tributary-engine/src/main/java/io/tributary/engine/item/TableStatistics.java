package io.tributary.engine.item;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ItemCount and TableSizeBytes of every table, kept current as items are written. DynamoDB
 * refreshes these about every six hours; Tributary's are exact, counted again from storage at
 * start-up.
 */
public final class TableStatistics {
  /** One table's counters. */
  public static final class Counters {
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();

    public long itemCount() {
      return itemCount.get();
    }

    public long sizeBytes() {
      return sizeBytes.get();
    }

    void add(long items, long bytes) {
      itemCount.addAndGet(items);
      sizeBytes.addAndGet(bytes);
    }
  }

  private final Map<Long, Counters> tables = new ConcurrentHashMap<>();

  public Counters of(long tableId) {
    return tables.computeIfAbsent(tableId, id -> new Counters());
  }

  void forget(long tableId) {
    tables.remove(tableId);
  }
}

package io.tributary.engine.item;

import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.table.TimeToLive;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Deletes expired items of the tables with time to live enabled: items whose TTL attribute is a
 * number of epoch seconds in the past, but not more than five years in the past (DynamoDB ignores
 * those). An item is checked again under its lock before it is deleted, so one rewritten in the
 * meantime stays. Until the sweep reaches them, expired items read as usual, as in DynamoDB.
 */
public final class TimeToLiveSweeper {
  private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

  private final Catalog catalog;
  private final TimeToLive timeToLive;
  private final ItemStore items;
  private final Clock clock;

  public TimeToLiveSweeper(Catalog catalog, TimeToLive timeToLive, ItemStore items, Clock clock) {
    this.catalog = catalog;
    this.timeToLive = timeToLive;
    this.items = items;
    this.clock = clock;
  }

  /**
   * One pass over every table whose time to live is ENABLED (not while it is still ENABLING);
   * returns how many items it deleted.
   */
  public int sweep() {
    int deleted = 0;
    for (TableDefinition table : catalog.all()) {
      TimeToLive.Setting setting = timeToLive.of(table.tableId());
      if (setting.expiringAt(clock.instant())) {
        deleted += sweep(table, setting.attributeName());
      }
    }
    return deleted;
  }

  private int sweep(TableDefinition table, String attribute) {
    int deleted = 0;
    try (ItemCursor cursor = items.items(ItemKeys.table(table.tableId()), false)) {
      while (cursor.next()) {
        Map<String, AttributeValue> item = cursor.item();
        if (expired(item, attribute)) {
          PrimaryKey key = PrimaryKey.ofItem(table.keySchema(), item);
          ItemStore.Written w;
          try {
            w = items.expire(table, key, now -> now != null && expired(now, attribute) ? null : now);
          } catch (DynamoDbException e) {
            // A transaction holds the item (TransactionConflict): the next pass deletes it.
            continue;
          }
          if (w.oldItem() != null && w.newItem() == null) {
            deleted++;
          }
        }
      }
    }
    return deleted;
  }

  private boolean expired(Map<String, AttributeValue> item, String attribute) {
    if (!(item.get(attribute) instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal now = BigDecimal.valueOf(clock.instant().getEpochSecond());
    return n.value().compareTo(now) <= 0
        && now.subtract(n.value()).compareTo(BigDecimal.valueOf(FIVE_YEARS_SECONDS)) <= 0;
  }
}

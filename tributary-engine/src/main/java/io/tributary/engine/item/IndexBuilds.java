package io.tributary.engine.item;

import io.tributary.engine.table.Catalog;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.IndexDefinition.IndexStatus;
import io.tributary.engine.table.KeyAttribute;
import io.tributary.engine.table.TableDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background half of UpdateTable's index changes: a new global index is backfilled and then
 * made ACTIVE; a deleted one has its entries purged and then leaves the definition. Both are
 * resumed at start-up from the status the catalog kept, and both are safe to run again. Either may
 * be asked to wait first: DynamoDB spends a while allocating resources before a backfill starts,
 * and a table with a transient-status delay shows that phase for as long.
 */
public final class IndexBuilds {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBuilds.class);

  private final Catalog catalog;
  private final ItemStore items;
  private final ScheduledExecutorService background;

  public IndexBuilds(Catalog catalog, ItemStore items, ScheduledExecutorService background) {
    this.catalog = catalog;
    this.items = items;
    this.background = background;
  }

  /** Starts what the table's CREATING and DELETING indexes still need. */
  public void resume(TableDefinition table) {
    for (IndexDefinition index : table.indexes()) {
      if (index.status() == IndexStatus.CREATING) {
        backfill(table, index, Duration.ZERO);
      } else if (index.status() == IndexStatus.DELETING) {
        delete(table, index, Duration.ZERO);
      }
    }
  }

  /**
   * Backfills {@code index}, which the catalog already lists as CREATING (so writes keep it),
   * after {@code allocation}, then makes it ACTIVE.
   */
  public void backfill(TableDefinition table, IndexDefinition index, Duration allocation) {
    later(
        allocation,
        () -> {
          try {
            items.backfill(table, index, () -> exists(table));
            catalog.change(
                table.region(),
                table.name(),
                table.tableId(),
                t -> t.withIndexes(t.attributeDefinitions(), withStatus(t, index, IndexStatus.ACTIVE)));
          } catch (RuntimeException e) {
            LOG.warn("Backfilling index {} of table {} failed", index.name(), table.name(), e);
          }
        });
  }

  /**
   * Purges the entries of {@code index}, which the catalog lists as DELETING, after {@code
   * delay}, then drops it.
   */
  public void delete(TableDefinition table, IndexDefinition index, Duration delay) {
    later(
        delay,
        () -> {
          try {
            // No write adds entries any more: the index turned DELETING before this was queued,
            // and ItemStore.indexesChanged waited for the writes that still kept it.
            items.purge(index.indexId());
            catalog.change(table.region(), table.name(), table.tableId(), t -> without(t, index));
          } catch (RuntimeException e) {
            LOG.warn("Deleting index {} of table {} failed", index.name(), table.name(), e);
          }
        });
  }

  private void later(Duration delay, Runnable work) {
    if (delay.isZero()) {
      background.execute(work);
    } else {
      background.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private boolean exists(TableDefinition table) {
    TableDefinition current = catalog.find(table.region(), table.name());
    return current != null && current.tableId() == table.tableId();
  }

  private static List<IndexDefinition> withStatus(
      TableDefinition t, IndexDefinition index, IndexStatus status) {
    List<IndexDefinition> out = new ArrayList<>();
    for (IndexDefinition i : t.indexes()) {
      out.add(i.indexId() == index.indexId() ? i.withStatus(status) : i);
    }
    return out;
  }

  /** The table without the index, and without definitions only that index used. */
  private static TableDefinition without(TableDefinition t, IndexDefinition index) {
    List<IndexDefinition> rest =
        t.indexes().stream().filter(i -> i.indexId() != index.indexId()).toList();
    Set<String> used = new HashSet<>(t.keySchema().names());
    for (IndexDefinition i : rest) {
      i.keyAttributes().forEach(k -> used.add(k.name()));
    }
    List<KeyAttribute> definitions =
        t.attributeDefinitions().stream().filter(a -> used.contains(a.name())).toList();
    return t.withIndexes(definitions, rest);
  }
}

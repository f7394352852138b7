package io.tributary.engine.item;

import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.storage.WriteBatch;
import java.util.List;
import java.util.Map;

/**
 * Where item changes are recorded besides the items: the tables' streams. The log adds its
 * records to the batch that changes the items and writes it, so a change and its record commit
 * together or not at all.
 */
public interface ChangeLog {

  /** One item's change, as a stream record describes it. */
  record Change(
      TableDefinition table,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem,
      boolean timeToLive) {}

  /** Whether changes to this table are recorded; when not, nothing is asked of the log. */
  boolean records(long tableId);

  /** Adds the records of {@code changes} to {@code batch} and writes it. */
  void write(WriteBatch batch, List<Change> changes);

  /** The log of a database without streams. */
  static ChangeLog none(io.tributary.storage.Store store) {
    return new ChangeLog() {
      @Override
      public boolean records(long tableId) {
        return false;
      }

      @Override
      public void write(WriteBatch batch, List<Change> changes) {
        store.write(batch);
      }
    };
  }
}

package io.tributary.engine.item;

import io.tributary.model.AttributeValue;
import io.tributary.model.ItemCodec;
import io.tributary.storage.EntryIterator;
import java.util.Map;

/**
 * Items of a key range in storage order, decoded one at a time as the cursor moves, so a Query or
 * Scan page never holds more than the page. Close it when done.
 */
public final class ItemCursor implements AutoCloseable {
  private final EntryIterator entries;

  ItemCursor(EntryIterator entries) {
    this.entries = entries;
  }

  public boolean next() {
    return entries.next();
  }

  /** The storage key of the current item. */
  public byte[] storageKey() {
    return entries.key();
  }

  /** The current item as stored ({@link ItemCodec}'s form), for writing it without decoding. */
  public byte[] storedItem() {
    return entries.value();
  }

  public Map<String, AttributeValue> item() {
    return ItemCodec.decode(entries.value());
  }

  @Override
  public void close() {
    entries.close();
  }
}

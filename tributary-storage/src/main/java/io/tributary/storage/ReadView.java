package io.tributary.storage;

/** Reads, from the live store or from a snapshot. */
public interface ReadView {

  /** The value of the key, or null. */
  byte[] get(Keyspace keyspace, byte[] key);

  /**
   * The entries with {@code from <= key < to}, in ascending key order, or descending when
   * {@code reverse}. {@code to} may be null for "to the end of the keyspace"; an empty {@code
   * from} is the start. The iterator sees the store as of the moment it was opened (later writes
   * are invisible to it) and is used by one thread at a time. Close it when done.
   */
  EntryIterator scan(Keyspace keyspace, byte[] from, byte[] to, boolean reverse);
}

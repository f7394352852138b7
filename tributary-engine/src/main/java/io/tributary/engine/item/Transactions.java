package io.tributary.engine.item;

import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The items that running transactions hold. A transaction holds all its items from before it
 * reads them until its batch is written; nothing waits for a held item: another transaction is
 * cancelled with TransactionConflict, a single-item write fails with TransactionConflictException,
 * as in DynamoDB. Holding is decided under each item's lock, so a single-item write either
 * finishes before a transaction reads its item or sees it held.
 */
final class Transactions {
  static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

  private final Set<ByteBuffer> held = ConcurrentHashMap.newKeySet();

  /** The items one transaction holds; release them once its batch is written, or not. */
  interface Held {
    void release();
  }

  boolean holds(byte[] storageKey) {
    return !held.isEmpty() && held.contains(ByteBuffer.wrap(storageKey));
  }

  /**
   * Holds every key, or none.
   *
   * @throws DynamoDbException a TransactionCanceledException with TransactionConflict for each
   *     key another transaction holds
   */
  Held hold(byte[][] storageKeys, Function<byte[], ReentrantLock> lockOf) {
    List<ByteBuffer> taken = new ArrayList<>(storageKeys.length);
    DynamoDbException[] failures = new DynamoDbException[storageKeys.length];
    boolean conflict = false;
    for (int i = 0; i < storageKeys.length; i++) {
      ByteBuffer key = ByteBuffer.wrap(storageKeys[i]);
      ReentrantLock lock = lockOf.apply(storageKeys[i]);
      lock.lock();
      try {
        if (held.add(key)) {
          taken.add(key);
        } else {
          failures[i] = DynamoDbException.of(ErrorType.TRANSACTION_CONFLICT, CONFLICT_MESSAGE);
          conflict = true;
        }
      } finally {
        lock.unlock();
      }
    }
    Held release = () -> taken.forEach(held::remove);
    if (conflict) {
      release.release();
      throwIfAnyFailed(failures);
    }
    return release;
  }

  /** Cancels the transaction when any of its items failed, with one reason per item in order. */
  static void throwIfAnyFailed(DynamoDbException[] failures) {
    boolean any = false;
    for (DynamoDbException f : failures) {
      any |= f != null;
    }
    if (!any) {
      return;
    }
    throw DynamoDbException.transactionCanceled(CancellationReason.of(failures));
  }
}

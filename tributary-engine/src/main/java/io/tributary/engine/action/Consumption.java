package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.List;

/**
 * The one place where what a request consumed is charged to the throughput of its tables and
 * indexes and becomes its answer's ConsumedCapacity member, as ReturnConsumedCapacity asks for it;
 * and where a transaction is let in only if all its tables have throughput left.
 */
final class Consumption {
  private Consumption() {}

  /** The ConsumedCapacity of an action on one table (null when not asked for). */
  static Json of(Database db, Request request, ConsumedCapacity consumed) {
    db.throttling().charge(consumed);
    return consumed.toJson(request.string("ReturnConsumedCapacity"));
  }

  /**
   * Cancels a transaction whose actions ({@code tables}, one per action in request order) would
   * {@code operation} a table with no throughput left: those actions get the throttling error as
   * their cancellation reason, the others None.
   */
  static void admitTransaction(Database db, List<TableDefinition> tables, Operation operation) {
    DynamoDbException[] failures = new DynamoDbException[tables.size()];
    boolean refused = false;
    for (int i = 0; i < failures.length; i++) {
      failures[i] = db.throttling().refusal(tables.get(i), null, operation);
      refused |= failures[i] != null;
    }
    if (refused) {
      throw DynamoDbException.transactionCanceled(CancellationReason.of(failures));
    }
  }

  /**
   * The ConsumedCapacity list of an action over several tables: what each part of the request
   * consumed, added up by table in the order the tables first come.
   */
  static Json perTable(Database db, Request request, List<ConsumedCapacity> consumed) {
    List<ConsumedCapacity> perTable = ConsumedCapacity.perTable(consumed);
    perTable.forEach(db.throttling()::charge);
    return ConsumedCapacity.toJson(request.string("ReturnConsumedCapacity"), perTable);
  }
}

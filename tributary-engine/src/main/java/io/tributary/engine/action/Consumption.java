package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.model.json.Json;
import java.util.List;

/**
 * The one place where what a request consumed becomes its answer's ConsumedCapacity member, as
 * ReturnConsumedCapacity asks for it.
 */
final class Consumption {
  private Consumption() {}

  /** The ConsumedCapacity of an action on one table (null when not asked for). */
  static Json of(Database db, Request request, ConsumedCapacity consumed) {
    return consumed.toJson(request.string("ReturnConsumedCapacity"));
  }

  /**
   * The ConsumedCapacity list of an action over several tables: what each part of the request
   * consumed, added up by table in the order the tables first come.
   */
  static Json perTable(Database db, Request request, List<ConsumedCapacity> consumed) {
    return ConsumedCapacity.toJson(
        request.string("ReturnConsumedCapacity"), ConsumedCapacity.perTable(consumed));
  }
}

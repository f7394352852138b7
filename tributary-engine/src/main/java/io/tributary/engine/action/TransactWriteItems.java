package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.engine.transaction.ClientRequestTokens;
import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems: up to 100 Puts, Updates, Deletes and ConditionChecks over any tables, all
 * applied in one atomic batch or none. Checked in DynamoDB's order: each action's values and
 * expressions, the payload size, the tables, the keys (a wrong key is a cancellation reason),
 * one action per item; then the ClientRequestToken, then the items under their transaction.
 */
final class TransactWriteItems implements Action {
  static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

  private final Database db;

  TransactWriteItems(Database db) {
    this.db = db;
  }

  /** An action with its table and key, ready to run. */
  private record Bound(TransactItem action, TableDefinition table, PrimaryKey key) {}

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    List<TransactItem> actions = new ArrayList<>();
    long payload = 0;
    for (Json element : request.list("TransactItems")) {
      TransactItem action = TransactItem.parse(new Request((Json.Obj) element));
      payload += action.payloadBytes();
      actions.add(action);
    }
    if (payload > MAX_PAYLOAD_BYTES) {
      throw DynamoDbException.validation("Transaction size cannot exceed 4 MB");
    }
    List<TableDefinition> tables = new ArrayList<>();
    for (TransactItem action : actions) {
      TableDefinition table = Tables.forItems(db, action.tableName(), context);
      action.expressions().requireScalarKeys(table.keySchema().names());
      if (action.update() != null) {
        action.update().requireKeyNotUpdated(table.keySchema().names());
      }
      tables.add(table);
    }
    List<Bound> bound = bind(actions, tables);
    Consumption.admitTransaction(db, tables, Operation.WRITE);

    String token = request.string("ClientRequestToken");
    ClientRequestTokens.Claim claim = token == null ? null : db.tokens().begin(token, body);
    if (claim != null && claim.replay()) {
      return replayed(request, bound);
    }
    boolean committed = false;
    try {
      List<ItemStore.Mutation> mutations = new ArrayList<>();
      for (Bound b : bound) {
        mutations.add(
            new ItemStore.Mutation(
                b.table(), b.key(), b.action().write(b.key(), b.table().keySchema())));
      }
      WriteBatch batch = new WriteBatch();
      if (claim != null) {
        db.tokens().record(claim, batch);
      }
      List<ItemStore.Written> written = db.items().transact(mutations, batch);
      committed = true;
      return response(db, request, bound, written);
    } finally {
      if (claim != null) {
        db.tokens().end(claim, committed);
      }
    }
  }

  /**
   * Each action's key against its table. Empty key values refuse the request; a key that does
   * not fit the schema cancels the transaction, and so does nothing else first. Two actions on
   * one item refuse it.
   */
  private static List<Bound> bind(List<TransactItem> actions, List<TableDefinition> tables) {
    for (int i = 0; i < actions.size(); i++) {
      TransactItem a = actions.get(i);
      PrimaryKey.checkNotEmpty(tables.get(i).keySchema(), a.item() != null ? a.item() : a.key());
    }
    PrimaryKey[] keys = new PrimaryKey[actions.size()];
    int wrongKey = -1;
    DynamoDbException wrongKeyError = null;
    for (int i = 0; i < actions.size(); i++) {
      try {
        keys[i] = actions.get(i).primaryKey(tables.get(i).keySchema());
      } catch (DynamoDbException e) {
        if (wrongKeyError == null) {
          wrongKey = i;
          wrongKeyError = e;
        }
      }
    }
    Set<ByteBuffer> seen = new HashSet<>();
    List<Bound> bound = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      if (keys[i] != null) {
        if (!seen.add(ByteBuffer.wrap(ItemKeys.of(tables.get(i).tableId(), keys[i])))) {
          throw DynamoDbException.validation(
              "Transaction request cannot include multiple operations on one item");
        }
        bound.add(new Bound(actions.get(i), tables.get(i), keys[i]));
      }
    }
    if (wrongKeyError != null) {
      throw DynamoDbException.transactionCanceled(
          CancellationReason.only(actions.size(), wrongKey, wrongKeyError));
    }
    return bound;
  }

  /**
   * The answer: ConsumedCapacity per table in the order the actions name them (a transactional
   * write costs twice a plain one; a ConditionCheck as much as writing the item it checked), and
   * ItemCollectionMetrics per table with local secondary indexes.
   */
  private static Json.Obj response(
      Database db, Request request, List<Bound> bound, List<ItemStore.Written> written) {
    List<ConsumedCapacity> consumed = new ArrayList<>();
    Map<String, List<Json>> metrics = new LinkedHashMap<>();
    for (int i = 0; i < bound.size(); i++) {
      Bound b = bound.get(i);
      ItemStore.Written w = written.get(i);
      ConsumedCapacity c =
          b.action().kind() == TransactItem.Kind.CONDITION_CHECK
              ? ConsumedCapacity.conditionCheck(b.table(), ItemRequests.size(w.oldItem()))
              : ConsumedCapacity.write(
                  b.table(),
                  ItemRequests.size(w.oldItem()),
                  ItemRequests.size(w.newItem()),
                  w.indexWrites());
      consumed.add(c.inTransaction());
      ItemRequests.addItemCollectionMetrics(metrics, request, b.table(), w);
    }
    JsonBuilder response =
        JsonBuilder.object()
            .put("ConsumedCapacity", Consumption.perTable(db, request, consumed));
    ItemRequests.putItemCollectionMetrics(response, metrics);
    return response.build();
  }

  /**
   * The answer to a request that went through before with the same token: nothing is written
   * again, and what is consumed is a transactional read of the items, as DynamoDB reports it.
   */
  private Json.Obj replayed(Request request, List<Bound> bound) {
    List<ConsumedCapacity> consumed = new ArrayList<>();
    for (Bound b : bound) {
      long size = ItemRequests.size(db.items().get(b.table(), b.key()));
      consumed.add(ConsumedCapacity.read(b.table(), size, true).inTransaction());
    }
    return JsonBuilder.object()
        .put("ConsumedCapacity", Consumption.perTable(db, request, consumed))
        .build();
  }
}

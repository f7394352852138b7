package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactGetItems: up to 100 items from any tables, read as of one moment, so no transaction is
 * ever seen half applied. A missing item answers an empty object in its place.
 */
final class TransactGetItems implements Action {
  private final Database db;

  TransactGetItems(Database db) {
    this.db = db;
  }

  /** One Get with what can be checked before its table is known. */
  private record Get(Request request, Map<String, AttributeValue> key, Projection projection, RequestExpressions expressions) {}

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    List<Get> gets = new ArrayList<>();
    for (Json element : request.list("TransactItems")) {
      Request get = new Request((Json.Obj) element).object("Get");
      Map<String, AttributeValue> key = get.attributes("Key", Wording.LEGACY);
      RequestExpressions expressions = new RequestExpressions(get, Wording.LEGACY);
      Projection projection = expressions.projection();
      expressions.checkAllUsed();
      gets.add(new Get(get, key, projection, expressions));
    }
    List<TableDefinition> tables = new ArrayList<>();
    for (Get g : gets) {
      TableDefinition table = Tables.forItems(db, g.request().string("TableName"), context);
      g.expressions().requireScalarKeys(table.keySchema().names());
      PrimaryKey.checkNotEmpty(table.keySchema(), g.key());
      tables.add(table);
    }
    List<PrimaryKey> keys = keys(gets, tables);
    Consumption.admitTransaction(db, tables, Operation.READ);

    List<Map<String, AttributeValue>> items = db.items().getAll(tables, keys);
    List<Json> responses = new ArrayList<>();
    List<ConsumedCapacity> consumed = new ArrayList<>();
    for (int i = 0; i < gets.size(); i++) {
      Map<String, AttributeValue> item = items.get(i);
      Projection projection = gets.get(i).projection();
      JsonBuilder response = JsonBuilder.object();
      if (item != null) {
        response.put(
            "Item", AttributeValues.mapToJson(projection == null ? item : projection.apply(item)));
      }
      responses.add(response.build());
      // A transactional read costs twice a strongly consistent one.
      consumed.add(
          ConsumedCapacity.read(tables.get(i), ItemRequests.size(item), true).inTransaction());
    }
    return JsonBuilder.object()
        .put("ConsumedCapacity", Consumption.perTable(db, request, consumed))
        .put("Responses", new Json.Arr(responses))
        .build();
  }

  /**
   * The keys against their tables' schemas: the first that does not fit cancels the
   * transaction with a ValidationError; two Gets of one item refuse the request.
   */
  private static List<PrimaryKey> keys(List<Get> gets, List<TableDefinition> tables) {
    List<PrimaryKey> keys = new ArrayList<>();
    Set<ByteBuffer> seen = new HashSet<>();
    for (int i = 0; i < gets.size(); i++) {
      PrimaryKey key;
      try {
        key = PrimaryKey.ofKey(tables.get(i).keySchema(), gets.get(i).key());
      } catch (DynamoDbException e) {
        throw DynamoDbException.transactionCanceled(CancellationReason.only(gets.size(), i, e));
      }
      if (!seen.add(ByteBuffer.wrap(ItemKeys.of(tables.get(i).tableId(), key)))) {
        throw DynamoDbException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      keys.add(key);
    }
    return keys;
  }
}

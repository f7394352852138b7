package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.capacity.ConsumedCapacity;
import io.tributary.engine.capacity.Operation;
import io.tributary.engine.item.IndexEntries;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
import io.tributary.engine.table.IndexDefinition;
import io.tributary.engine.table.TableDefinition;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over any tables. Every request is checked before any
 * is written; each write is atomic on its own, as in DynamoDB. The requests to tables whose write
 * throughput is used up are left unprocessed (when that is every table, the request is refused
 * with ProvisionedThroughputExceededException); no other is.
 */
final class BatchWriteItem implements Action {
  static final int MAX_REQUESTS = 25;

  private final Database db;

  BatchWriteItem(Database db) {
    this.db = db;
  }

  /**
   * One checked write: a new item to put, or null to delete the key.
   *
   * @param requestedName the table's name (or ARN) as RequestItems gives it
   */
  private record Write(
      String requestedName, TableDefinition table, PrimaryKey key, Map<String, AttributeValue> item) {}

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Map<String, Json> requestItems = request.members("RequestItems");
    int total = requestItems.values().stream().mapToInt(r -> ((Json.Arr) r).elements().size()).sum();
    if (total > MAX_REQUESTS) {
      throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
    }
    // The values and sizes first, then the tables, then the keys against each table's schema.
    Map<String, List<Parsed>> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, Json> entry : requestItems.entrySet()) {
      List<Parsed> requests = new ArrayList<>();
      for (Json element : ((Json.Arr) entry.getValue()).elements()) {
        requests.add(parse(new Request((Json.Obj) element)));
      }
      parsed.put(entry.getKey(), requests);
    }
    Map<String, TableDefinition> tables = new LinkedHashMap<>();
    for (String name : parsed.keySet()) {
      tables.put(name, Tables.forItems(db, name, context));
    }
    List<Write> writes = new ArrayList<>();
    for (Map.Entry<String, List<Parsed>> entry : parsed.entrySet()) {
      TableDefinition table = tables.get(entry.getKey());
      Set<ByteBuffer> seen = new HashSet<>();
      for (Parsed p : entry.getValue()) {
        Write write = new Write(entry.getKey(), table, key(table, p), p.item());
        if (!seen.add(ByteBuffer.wrap(ItemKeys.of(table.tableId(), write.key())))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }

    JsonBuilder unprocessed = JsonBuilder.object();
    List<DynamoDbException> refusals = new ArrayList<>();
    for (Map.Entry<String, TableDefinition> t : tables.entrySet()) {
      DynamoDbException refusal = db.throttling().refusal(t.getValue(), null, Operation.WRITE);
      if (refusal != null) {
        refusals.add(refusal);
        unprocessed.put(t.getKey(), requestItems.get(t.getKey()));
      }
    }
    if (refusals.size() == tables.size()) {
      throw refusals.get(0);
    }
    Json.Obj unprocessedItems = unprocessed.build();

    List<ConsumedCapacity> consumed = new ArrayList<>();
    Map<String, List<Json>> metrics = new LinkedHashMap<>();
    for (Write w : writes) {
      if (unprocessedItems.members().containsKey(w.requestedName())) {
        continue;
      }
      ItemStore.Written written = db.items().write(w.table(), w.key(), old -> w.item());
      ItemRequests.addItemCollectionMetrics(metrics, request, w.table(), written);
      consumed.add(
          ConsumedCapacity.write(
              w.table(),
              ItemRequests.size(written.oldItem()),
              ItemRequests.size(w.item()),
              written.indexWrites()));
    }
    JsonBuilder response =
        JsonBuilder.object()
            .put("UnprocessedItems", unprocessedItems)
            .put("ConsumedCapacity", Consumption.perTable(db, request, consumed));
    ItemRequests.putItemCollectionMetrics(response, metrics);
    return response.build();
  }

  /** A write request's values: the item to put, or the key to delete. */
  private record Parsed(Map<String, AttributeValue> item, Map<String, AttributeValue> deleteKey) {}

  private static Parsed parse(Request writeRequest) {
    Request put = writeRequest.object("PutRequest");
    Request delete = writeRequest.object("DeleteRequest");
    if ((put == null) == (delete == null)) {
      // DynamoDB reuses the AttributeValue wording for its one-of-two check.
      throw DynamoDbException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
              + " the supported datatypes");
    }
    if (put != null) {
      Map<String, AttributeValue> item = put.attributes("Item", Wording.LEGACY);
      ItemRequests.checkItemSize(item);
      return new Parsed(item, null);
    }
    return new Parsed(null, delete.attributes("Key", Wording.LEGACY));
  }

  /**
   * The key of a write. A put item's missing or mistyped key gets the Key wording here, not
   * PutItem's, as in DynamoDB.
   */
  private static PrimaryKey key(TableDefinition table, Parsed p) {
    if (p.deleteKey() != null) {
      return PrimaryKey.ofKey(table.keySchema(), p.deleteKey());
    }
    for (String name : table.keySchema().names()) {
      AttributeValue v = p.item().get(name);
      if (v == null || !v.type().equals(table.keySchema().typeOf(name))) {
        throw DynamoDbException.validation("The provided key element does not match the schema");
      }
    }
    PrimaryKey key = PrimaryKey.ofItem(table.keySchema(), p.item());
    // Checked here too (the write checks again) so that a bad item refuses the whole batch.
    IndexEntries.check(
        table,
        table.indexes().stream().filter(IndexDefinition::maintained).toList(),
        p.item());
    return key;
  }
}

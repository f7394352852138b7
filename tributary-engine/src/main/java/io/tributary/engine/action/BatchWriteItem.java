package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.ItemStore;
import io.tributary.engine.item.PrimaryKey;
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
 * is written; each write is atomic on its own, as in DynamoDB, and none is left unprocessed.
 */
final class BatchWriteItem implements Action {
  static final int MAX_REQUESTS = 25;

  private final Database db;

  BatchWriteItem(Database db) {
    this.db = db;
  }

  /** One checked write: a new item to put, or null to delete the key. */
  private record Write(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> item) {}

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    Map<String, Json> requestItems = request.members("RequestItems");
    int total = requestItems.values().stream().mapToInt(r -> ((Json.Arr) r).elements().size()).sum();
    if (total > MAX_REQUESTS) {
      throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
    }
    List<Write> writes = new ArrayList<>();
    Set<ByteBuffer> seen = new HashSet<>();
    for (Map.Entry<String, Json> entry : requestItems.entrySet()) {
      TableDefinition table = Tables.forItems(db, entry.getKey(), context);
      for (Json element : ((Json.Arr) entry.getValue()).elements()) {
        Write write = write(table, new Request((Json.Obj) element));
        if (!seen.add(ByteBuffer.wrap(ItemKeys.of(table.tableId(), write.key())))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }

    Map<String, Double> units = new LinkedHashMap<>();
    for (Write w : writes) {
      ItemStore.Written written = db.items().write(w.table(), w.key(), old -> w.item());
      units.merge(
          w.table().name(),
          ConsumedCapacity.writeUnits(
              ItemRequests.size(written.oldItem()), ItemRequests.size(w.item())),
          Double::sum);
    }
    return JsonBuilder.object()
        .put("UnprocessedItems", JsonBuilder.object().build())
        .put("ConsumedCapacity", ConsumedCapacity.list(request.string("ReturnConsumedCapacity"), units))
        .build();
  }

  private static Write write(TableDefinition table, Request writeRequest) {
    Request put = writeRequest.object("PutRequest");
    Request delete = writeRequest.object("DeleteRequest");
    if ((put == null) == (delete == null)) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
              + " the supported datatypes");
    }
    if (put != null) {
      Map<String, AttributeValue> item = put.attributes("Item", Wording.LEGACY);
      ItemRequests.checkItemSize(item);
      return new Write(table, PrimaryKey.ofItem(table.keySchema(), item), item);
    }
    return new Write(table, PrimaryKey.ofKey(table.keySchema(), delete.attributes("Key", Wording.LEGACY)), null);
  }
}

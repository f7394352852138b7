package io.tributary.engine.action;

import io.tributary.engine.Database;
import io.tributary.engine.RequestContext;
import io.tributary.engine.item.ItemKeys;
import io.tributary.engine.item.KeyRange;
import io.tributary.engine.table.TableDefinition;
import io.tributary.expressions.Condition;
import io.tributary.expressions.Projection;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.Arrays;
import java.util.Map;

/**
 * Scan: every item in DynamoDB's order (by the partition-key hash), a page at a time; parallel
 * segments are disjoint hash ranges that together cover the table.
 */
final class Scan implements Action {
  private final Database db;

  Scan(Database db) {
    this.db = db;
  }

  @Override
  public Json.Obj handle(Json.Obj body, RequestContext context) {
    Request request = new Request(body);
    RequestExpressions expressions =
        new RequestExpressions(request, Wording.LEGACY, "FilterExpression");
    Map<String, AttributeValue> startKey = request.attributes("ExclusiveStartKey", Wording.LEGACY);
    Segments.check(request);
    Condition filter = expressions.filter("ScanFilter");
    Projection projection = expressions.projection();
    expressions.checkAllUsed();
    Select select = Select.of(request, request.has("IndexName"));
    TableDefinition table = Tables.forItems(db, request.string("TableName"), context);
    Indexes target = Indexes.of(db, request, table, select, projection, filter);
    target.requireScalarKeys(expressions);

    KeyRange range =
        request.has("Segment")
            ? ItemKeys.segment(
                target.storageId(),
                request.number("Segment").intValue(),
                request.number("TotalSegments").intValue())
            : ItemKeys.table(target.storageId());
    if (startKey != null) {
      byte[] start = target.startStorageKey(startKey);
      if (Arrays.compareUnsigned(start, range.from()) < 0
          || Arrays.compareUnsigned(start, range.to()) >= 0) {
        throw DynamoDbException.validation(
            "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
                + " ExclusiveStartKey with correct Segment. TotalSegments: "
                + request.number("TotalSegments")
                + " Segment: "
                + request.number("Segment"));
      }
      range = range.after(start);
    }
    return Page.answer(db, request, target, range, false, filter, select, projection);
  }
}

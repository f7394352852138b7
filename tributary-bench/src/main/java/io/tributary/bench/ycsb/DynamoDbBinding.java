package io.tributary.bench.ycsb;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * YCSB's {@link DB} over DynamoDB's API (AWS SDK for Java v2), so one YCSB run measures any
 * DynamoDB-compatible server: {@code -db io.tributary.bench.ycsb.DynamoDbBinding}. Properties:
 * see {@link BindingSettings}.
 *
 * <ul>
 *   <li>read: GetItem (ProjectionExpression when YCSB asks for some fields);
 *   <li>insert: PutItem of the key and every field as S;
 *   <li>update: UpdateItem with {@code SET} of the given fields;
 *   <li>delete: DeleteItem;
 *   <li>scan: YCSB means "{@code recordcount} records from {@code startkey} on, in key order". With
 *       the key as partition key (the default) there is no key order to read in, so this does what
 *       YCSB's original DynamoDB binding did: GetItem of the start key, then Scan pages with
 *       {@code ExclusiveStartKey} = the start key until {@code recordcount} records are read. That
 *       reads the records after the start key in the table's hash order: the same work as a range
 *       read (one seek, then consecutive items) though not the same records. With {@code
 *       dynamodb.hashKeyName} set, YCSB's key is a sort key and scan is a Query {@code hash = :h
 *       AND key >= :start} with {@code Limit}: real key order.
 * </ul>
 *
 * <p>With {@code dynamodb.warmupSeconds} set, the first binding warms client and server up before
 * YCSB measures (see {@link Warmup}).
 *
 * <p>Failures come back as {@link Status#ERROR} (the first few are printed), so YCSB counts them
 * under {@code [OP-FAILED]} instead of hiding them in retries.
 */
public class DynamoDbBinding extends DB {
  private static final int ERRORS_PRINTED = 5;
  private static final AtomicInteger ERRORS = new AtomicInteger();

  private BindingSettings settings;
  private DynamoDbClient dynamoDb;

  @Override
  public void init() throws DBException {
    settings = BindingSettings.from(getProperties());
    dynamoDb = SharedClient.acquire(settings);
    if (settings.createTable()) {
      try {
        TableSetup.ensureTable(
            dynamoDb, getProperties().getProperty("table", "usertable"), settings);
      } catch (SdkException e) {
        throw new DBException("Could not create the table: " + e.getMessage(), e);
      }
    }
    Warmup.once(this, getProperties());
  }

  @Override
  public void cleanup() {
    SharedClient.release();
  }

  @Override
  public Status read(
      String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
    try {
      GetItemResponse response =
          dynamoDb.getItem(
              r -> {
                r.tableName(table).key(key(key)).consistentRead(settings.consistentReads());
                if (fields != null) {
                  Projection projection = Projection.of(fields);
                  r.projectionExpression(projection.expression())
                      .expressionAttributeNames(projection.names());
                }
              });
      if (!response.hasItem() || response.item().isEmpty()) {
        return Status.NOT_FOUND;
      }
      copy(response.item(), result);
      return Status.OK;
    } catch (SdkException e) {
      return failed("read", e);
    }
  }

  @Override
  public Status scan(
      String table,
      String startKey,
      int recordCount,
      Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    try {
      return settings.hashAndRange()
          ? query(table, startKey, recordCount, fields, result)
          : scanFrom(table, startKey, recordCount, fields, result);
    } catch (SdkException e) {
      return failed("scan", e);
    }
  }

  private Status scanFrom(
      String table,
      String startKey,
      int recordCount,
      Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    // Scan's ExclusiveStartKey leaves the start key out; YCSB wants it in.
    HashMap<String, ByteIterator> first = new HashMap<>();
    Status read = read(table, startKey, fields, first);
    if (read == Status.OK) {
      result.add(first);
    } else if (read != Status.NOT_FOUND) {
      return read;
    }
    Map<String, AttributeValue> from = key(startKey);
    Projection projection = fields == null ? null : Projection.of(fields);
    while (result.size() < recordCount) {
      ScanRequest.Builder request =
          ScanRequest.builder()
              .tableName(table)
              .exclusiveStartKey(from)
              .limit(recordCount - result.size())
              .consistentRead(settings.consistentReads());
      if (projection != null) {
        request
            .projectionExpression(projection.expression())
            .expressionAttributeNames(projection.names());
      }
      ScanResponse page = dynamoDb.scan(request.build());
      page.items().forEach(item -> result.add(copy(item, new HashMap<>())));
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
        break; // the end of the table
      }
      from = page.lastEvaluatedKey();
    }
    return Status.OK;
  }

  private Status query(
      String table,
      String startKey,
      int recordCount,
      Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("#h", settings.hashKeyName());
    names.put("#k", settings.primaryKey());
    Map<String, AttributeValue> values =
        Map.of(":h", s(settings.hashKeyValue()), ":start", s(startKey));
    String projectionExpression = null;
    if (fields != null) {
      Projection projection = Projection.of(fields);
      names.putAll(projection.names());
      projectionExpression = projection.expression();
    }
    Map<String, AttributeValue> from = null;
    while (result.size() < recordCount) {
      Map<String, AttributeValue> exclusiveStart = from;
      String projected = projectionExpression;
      QueryResponse page =
          dynamoDb.query(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("#h = :h AND #k >= :start")
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .projectionExpression(projected)
                      .exclusiveStartKey(exclusiveStart)
                      .limit(recordCount - result.size())
                      .consistentRead(settings.consistentReads()));
      page.items().forEach(item -> result.add(copy(item, new HashMap<>())));
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
        break;
      }
      from = page.lastEvaluatedKey();
    }
    return Status.OK;
  }

  @Override
  public Status update(String table, String key, Map<String, ByteIterator> values) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> attributeValues = new HashMap<>();
    StringBuilder expression = new StringBuilder("SET ");
    int i = 0;
    for (Map.Entry<String, ByteIterator> field : values.entrySet()) {
      if (i > 0) {
        expression.append(", ");
      }
      expression.append("#f").append(i).append(" = :v").append(i);
      names.put("#f" + i, field.getKey());
      attributeValues.put(":v" + i, s(field.getValue().toString()));
      i++;
    }
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(key))
                  .updateExpression(expression.toString())
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(attributeValues));
      return Status.OK;
    } catch (SdkException e) {
      return failed("update", e);
    }
  }

  @Override
  public Status insert(String table, String key, Map<String, ByteIterator> values) {
    Map<String, AttributeValue> item = new HashMap<>(values.size() + 2);
    values.forEach((name, value) -> item.put(name, s(value.toString())));
    item.putAll(key(key));
    try {
      dynamoDb.putItem(r -> r.tableName(table).item(item));
      return Status.OK;
    } catch (SdkException e) {
      return failed("insert", e);
    }
  }

  @Override
  public Status delete(String table, String key) {
    try {
      dynamoDb.deleteItem(r -> r.tableName(table).key(key(key)));
      return Status.OK;
    } catch (SdkException e) {
      return failed("delete", e);
    }
  }

  private Map<String, AttributeValue> key(String key) {
    if (settings.hashAndRange()) {
      return Map.of(
          settings.hashKeyName(), s(settings.hashKeyValue()), settings.primaryKey(), s(key));
    }
    return Map.of(settings.primaryKey(), s(key));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  private static <M extends Map<String, ByteIterator>> M copy(
      Map<String, AttributeValue> item, M result) {
    item.forEach(
        (name, value) -> {
          if (value.s() != null) {
            result.put(name, new StringByteIterator(value.s()));
          }
        });
    return result;
  }

  private static Status failed(String operation, SdkException e) {
    if (ERRORS.incrementAndGet() <= ERRORS_PRINTED) {
      System.err.println("dynamodb binding: " + operation + " failed: " + e.getMessage());
    }
    return Status.ERROR;
  }

  /** A ProjectionExpression of YCSB field names, through placeholders (names may be reserved). */
  private record Projection(String expression, Map<String, String> names) {
    static Projection of(Set<String> fields) {
      Map<String, String> names = new LinkedHashMap<>();
      StringBuilder expression = new StringBuilder();
      for (String field : List.copyOf(fields)) {
        String placeholder = "#p" + names.size();
        if (!names.isEmpty()) {
          expression.append(", ");
        }
        expression.append(placeholder);
        names.put(placeholder, field);
      }
      return new Projection(expression.toString(), names);
    }
  }
}

package io.tributary.server.e2e;

import static io.tributary.server.e2e.TablesIT.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems and TransactGetItems through the SDK: all or nothing over tables, the
 * reasons of a cancellation, ClientRequestToken, snapshots with projections, capacity, and the
 * index entries a transaction writes.
 */
class TransactionsIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String ACCOUNTS = Endpoint.uniqueTableName("tx-accounts");
  private static final String AUDIT = Endpoint.uniqueTableName("tx-audit");
  /** Orders with a global index on their status. */
  private static final String ORDERS = Endpoint.uniqueTableName("tx-orders");
  /** Scores with a local index, so its item collections are measured. */
  private static final String SCORES = Endpoint.uniqueTableName("tx-scores");

  private static final String CANCELLED =
      "Transaction cancelled, please refer cancellation reasons for specific reasons ";

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  @BeforeAll
  static void createTables() {
    for (String name : List.of(ACCOUNTS, AUDIT)) {
      client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(key("id", KeyType.HASH))
          .attributeDefinitions(definition("id", ScalarAttributeType.S)));
    }
    client.createTable(b -> b.tableName(ORDERS).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(
            definition("id", ScalarAttributeType.S), definition("status", ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byStatus")
            .keySchema(key("status", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    client.createTable(b -> b.tableName(SCORES).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("player", KeyType.HASH), key("game", KeyType.RANGE))
        .attributeDefinitions(
            definition("player", ScalarAttributeType.S),
            definition("game", ScalarAttributeType.S),
            definition("score", ScalarAttributeType.N))
        .localSecondaryIndexes(l -> l.indexName("byScore")
            .keySchema(key("player", KeyType.HASH), key("score", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    for (String name : List.of(ACCOUNTS, AUDIT, ORDERS, SCORES)) {
      client.waiter().waitUntilTableExists(b -> b.tableName(name));
    }
  }

  @AfterAll
  static void close() {
    for (String name : List.of(ACCOUNTS, AUDIT, ORDERS, SCORES)) {
      client.deleteTable(b -> b.tableName(name));
    }
    client.close();
  }

  private static Map<String, AttributeValue> id(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static void open(String account, int balance) {
    client.putItem(b -> b.tableName(ACCOUNTS).item(Map.of(
        "id", AttributeValue.fromS(account), "balance", AttributeValue.fromN(Integer.toString(balance)))));
  }

  private static int balance(String account) {
    return Integer.parseInt(client.getItem(b -> b.tableName(ACCOUNTS).key(id(account)).consistentRead(true))
        .item().get("balance").n());
  }

  private static boolean exists(String table, String id) {
    return client.getItem(b -> b.tableName(table).key(id(id)).consistentRead(true)).hasItem();
  }

  /**
   * Moves {@code amount} from one account to another if the first has it, and records the move
   * in the audit table once: the three actions of a transfer.
   */
  private static List<TransactWriteItem> transfer(String from, String to, int amount, String record) {
    Map<String, AttributeValue> x = Map.of(":x", AttributeValue.fromN(Integer.toString(amount)));
    return List.of(
        TransactWriteItem.builder().update(u -> u.tableName(ACCOUNTS).key(id(from))
            .updateExpression("SET balance = balance - :x")
            .conditionExpression("balance >= :x")
            .expressionAttributeValues(x)).build(),
        TransactWriteItem.builder().update(u -> u.tableName(ACCOUNTS).key(id(to))
            .updateExpression("SET balance = balance + :x")
            .expressionAttributeValues(x)).build(),
        TransactWriteItem.builder().put(p -> p.tableName(AUDIT)
            .item(Map.of("id", AttributeValue.fromS(record), "amount", AttributeValue.fromN(Integer.toString(amount))))
            .conditionExpression("attribute_not_exists(id)")).build());
  }

  /** The cancellation {@code call} ends in, after checking its message lists {@code codes}. */
  private static TransactionCanceledException cancelled(Runnable call, String... codes) {
    TransactionCanceledException[] caught = new TransactionCanceledException[1];
    assertThatThrownBy(call::run).isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo(CANCELLED + "[" + String.join(", ", codes) + "]");
      assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly(codes);
      caught[0] = e;
    });
    return caught[0];
  }

  @Test
  void everyActionOverTwoTablesOrNone() {
    open("alice", 100);
    open("bob", 0);
    client.transactWriteItems(b -> b.transactItems(transfer("alice", "bob", 30, "t1")));
    assertThat(balance("alice")).isEqualTo(70);
    assertThat(balance("bob")).isEqualTo(30);
    assertThat(exists(AUDIT, "t1")).isTrue();

    // Alice has 70: the first action fails, so the other two are not applied either.
    cancelled(() -> client.transactWriteItems(b -> b.transactItems(transfer("alice", "bob", 80, "t2"))),
        "ConditionalCheckFailed", "None", "None");
    assertThat(balance("alice")).isEqualTo(70);
    assertThat(balance("bob")).isEqualTo(30);
    assertThat(exists(AUDIT, "t2")).isFalse();

    // A record that exists already stops the whole transfer: it cannot be applied twice.
    cancelled(() -> client.transactWriteItems(b -> b.transactItems(transfer("alice", "bob", 10, "t1"))),
        "None", "None", "ConditionalCheckFailed");
    assertThat(balance("alice")).isEqualTo(70);
    assertThat(balance("bob")).isEqualTo(30);
  }

  @Test
  void reasonsComeInRequestOrderWithTheItemOnlyWhenAskedFor() {
    open("carol", 5);
    open("dave", 5);
    open("eve", 5);
    TransactionCanceledException e = cancelled(
        () -> client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(ACCOUNTS).key(id("carol"))
                .conditionExpression("attribute_exists(balance)")).build(),
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("reasons"))).build(),
            TransactWriteItem.builder().update(u -> u.tableName(ACCOUNTS).key(id("dave"))
                .updateExpression("SET balance = :zero")
                .conditionExpression("balance > :big")
                .expressionAttributeValues(Map.of(
                    ":zero", AttributeValue.fromN("0"), ":big", AttributeValue.fromN("1000")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
            TransactWriteItem.builder().delete(d -> d.tableName(ACCOUNTS).key(id("eve"))
                .conditionExpression("balance > :big")
                .expressionAttributeValues(Map.of(":big", AttributeValue.fromN("1000")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)).build())),
        "None", "None", "ConditionalCheckFailed", "ConditionalCheckFailed");
    List<CancellationReason> reasons = e.cancellationReasons();
    assertThat(reasons.get(0).message()).isNull();
    assertThat(reasons.get(0).hasItem()).isFalse();
    assertThat(reasons.get(2).message()).isEqualTo("The conditional request failed");
    assertThat(reasons.get(2).item()).isEqualTo(Map.of(
        "id", AttributeValue.fromS("dave"), "balance", AttributeValue.fromN("5")));
    assertThat(reasons.get(3).message()).isEqualTo("The conditional request failed");
    assertThat(reasons.get(3).hasItem()).isFalse();
    assertThat(exists(AUDIT, "reasons")).isFalse();
    assertThat(balance("dave")).isEqualTo(5);
    assertThat(exists(ACCOUNTS, "eve")).isTrue();

    // A key of the wrong type is the first invalid action's ValidationError; the rest read None.
    TransactionCanceledException wrongKey = cancelled(
        () -> client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("fine"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT)
                .item(Map.of("id", AttributeValue.fromN("7")))).build(),
            TransactWriteItem.builder().delete(d -> d.tableName(ACCOUNTS)
                .key(Map.of("id", AttributeValue.fromN("8")))).build())),
        "None", "ValidationError", "None");
    assertThat(wrongKey.cancellationReasons().get(1).message()).isEqualTo(
        "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
    assertThat(exists(AUDIT, "fine")).isFalse();
  }

  @Test
  void requestsTheServerRefusesBeforeLookingAtItems() {
    open("erin", 50);
    assertValidation(() -> client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(ACCOUNTS).key(id("erin"))
                .conditionExpression("attribute_exists(id)")).build(),
            TransactWriteItem.builder().delete(d -> d.tableName(ACCOUNTS).key(id("erin"))).build())),
        "Transaction request cannot include multiple operations on one item");
    assertValidation(() -> client.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(g -> g.tableName(ACCOUNTS).key(id("erin"))).build(),
            TransactGetItem.builder().get(g -> g.tableName(ACCOUNTS).key(id("erin"))).build())),
        "Transaction request cannot include multiple operations on one item");
    // The same key in two tables is two items.
    client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(ACCOUNTS).key(id("erin"))
            .conditionExpression("attribute_exists(id)")).build(),
        TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("erin"))).build()));

    String missing = Endpoint.uniqueTableName("no-such-table");
    assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().delete(d -> d.tableName(ACCOUNTS).key(id("erin"))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(missing).item(id("x"))).build())))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found"));
    assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(g -> g.tableName(missing).key(id("x"))).build())))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found"));
    assertThat(balance("erin")).isEqualTo(50);
  }

  @Test
  void aClientRequestTokenAppliesTheTransactionOnce() {
    open("frank", 100);
    open("grace", 0);
    String token = UUID.randomUUID().toString();
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
        .transactItems(transfer("frank", "grace", 25, "token-transfer"))
        .clientRequestToken(token)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .build();
    TransactWriteItemsResponse first = client.transactWriteItems(request);
    assertThat(first.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
        .containsExactly(
            tuple(ACCOUNTS, 4.0), tuple(AUDIT, 2.0));

    // A retry of the same request (the client did not hear the answer) succeeds, changes nothing,
    // and is charged for a transactional read of the items, not for writing them.
    TransactWriteItemsResponse replay = client.transactWriteItems(request);
    assertThat(replay.consumedCapacity())
        .extracting(
            ConsumedCapacity::tableName,
            ConsumedCapacity::readCapacityUnits,
            ConsumedCapacity::writeCapacityUnits)
        .containsExactly(tuple(ACCOUNTS, 4.0, null), tuple(AUDIT, 2.0, null));
    assertThat(balance("frank")).isEqualTo(75);
    assertThat(balance("grace")).isEqualTo(25);

    // Without the token the same request would be cancelled: the record exists.
    cancelled(() -> client.transactWriteItems(request.toBuilder().clientRequestToken(null).build()),
        "None", "None", "ConditionalCheckFailed");

    assertThatThrownBy(() -> client.transactWriteItems(TransactWriteItemsRequest.builder()
            .transactItems(transfer("frank", "grace", 26, "token-transfer-2"))
            .clientRequestToken(token)
            .build()))
        .isInstanceOfSatisfying(IdempotentParameterMismatchException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatchException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
              "Request has the same ClientRequestToken as a previous request but is not identical");
        });
    assertThat(balance("frank")).isEqualTo(75);
    assertThat(exists(AUDIT, "token-transfer-2")).isFalse();

    // A cancelled transaction does not hold on to its token: the same request goes through later.
    String second = UUID.randomUUID().toString();
    TransactWriteItemsRequest tooMuch = TransactWriteItemsRequest.builder()
        .transactItems(transfer("grace", "frank", 50, "token-transfer-3"))
        .clientRequestToken(second)
        .build();
    cancelled(() -> client.transactWriteItems(tooMuch), "ConditionalCheckFailed", "None", "None");
    open("grace", 50);
    client.transactWriteItems(tooMuch);
    assertThat(balance("grace")).isZero();
    assertThat(balance("frank")).isEqualTo(125);
  }

  @Test
  void transactGetItemsReadsProjectionsAndAnswersEmptyForAMissingItem() {
    open("heidi", 40);
    client.putItem(b -> b.tableName(AUDIT).item(Map.of(
        "id", AttributeValue.fromS("heidi-log"),
        "note", AttributeValue.fromS("opened"),
        "tags", AttributeValue.fromM(Map.of("a", AttributeValue.fromS("x"), "b", AttributeValue.fromS("y"))))));
    TransactGetItemsResponse got = client.transactGetItems(b -> b
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(
            TransactGetItem.builder().get(g -> g.tableName(ACCOUNTS).key(id("heidi"))).build(),
            TransactGetItem.builder().get(g -> g.tableName(ACCOUNTS).key(id("nobody"))).build(),
            TransactGetItem.builder().get(g -> g.tableName(AUDIT).key(id("heidi-log"))
                .projectionExpression("#n, tags.b")
                .expressionAttributeNames(Map.of("#n", "note"))).build()));
    List<ItemResponse> responses = got.responses();
    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(Map.of(
        "id", AttributeValue.fromS("heidi"), "balance", AttributeValue.fromN("40")));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).isEqualTo(Map.of(
        "note", AttributeValue.fromS("opened"),
        "tags", AttributeValue.fromM(Map.of("b", AttributeValue.fromS("y")))));
    // Twice a strongly consistent read per item, a missing one included; one entry per table.
    assertThat(got.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
        .containsExactly(
            tuple(ACCOUNTS, 4.0), tuple(AUDIT, 2.0));
    // Without ReturnConsumedCapacity there is none.
    assertThat(client.transactGetItems(b -> b.transactItems(
            TransactGetItem.builder().get(g -> g.tableName(ACCOUNTS).key(id("heidi"))).build()))
        .hasConsumedCapacity()).isFalse();
  }

  @Test
  void consumedCapacityIsAListInTheOrderOfTheTables() {
    open("ivan", 10);
    TransactWriteItemsResponse response = client.transactWriteItems(b -> b
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("ivan-1"))).build(),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(ACCOUNTS).key(id("ivan"))
                .conditionExpression("balance = :b")
                .expressionAttributeValues(Map.of(":b", AttributeValue.fromN("10")))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("ivan-2"))).build()));
    // Two small writes at twice one unit each; a ConditionCheck at twice a consistent read.
    assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName, ConsumedCapacity::capacityUnits)
        .containsExactly(
            tuple(AUDIT, 4.0), tuple(ACCOUNTS, 2.0));
    assertThat(client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().delete(d -> d.tableName(AUDIT).key(id("ivan-1"))).build()))
        .hasConsumedCapacity()).isFalse();
  }

  private static List<String> ordersWithStatus(String status) {
    return client.query(b -> b.tableName(ORDERS).indexName("byStatus")
            .keyConditionExpression("#s = :s")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status))))
        .items().stream().map(i -> i.get("id").s()).sorted().toList();
  }

  private static TransactWriteItem order(String id, String status) {
    return TransactWriteItem.builder().put(p -> p.tableName(ORDERS).item(Map.of(
        "id", AttributeValue.fromS(id), "status", AttributeValue.fromS(status)))).build();
  }

  @Test
  void indexEntriesCommitWithTheTransaction() {
    client.transactWriteItems(b -> b.transactItems(order("o1", "open"), order("o2", "open")));
    assertThat(ordersWithStatus("open")).containsExactly("o1", "o2");

    client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(ORDERS).key(id("o1"))
            .updateExpression("SET #s = :closed")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":closed", AttributeValue.fromS("shipped")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(ORDERS).key(id("o2"))).build(),
        order("o3", "open")));
    assertThat(ordersWithStatus("open")).containsExactly("o3");
    assertThat(ordersWithStatus("shipped")).containsExactly("o1");

    // A cancelled transaction leaves no entry behind.
    cancelled(() -> client.transactWriteItems(b -> b.transactItems(
            order("o4", "open"),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(ORDERS).key(id("o2"))
                .conditionExpression("attribute_exists(id)")).build())),
        "None", "ConditionalCheckFailed");
    assertThat(ordersWithStatus("open")).containsExactly("o3");
    assertThat(client.describeTable(b -> b.tableName(ORDERS)).table().globalSecondaryIndexes().get(0).itemCount())
        .isEqualTo(2);
  }

  @Test
  void itemCollectionMetricsForTablesWithALocalIndex() {
    TransactWriteItemsResponse response = client.transactWriteItems(b -> b
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
        .transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(SCORES).item(Map.of(
                "player", AttributeValue.fromS("judy"), "game", AttributeValue.fromS("chess"),
                "score", AttributeValue.fromN("7")))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(SCORES).item(Map.of(
                "player", AttributeValue.fromS("judy"), "game", AttributeValue.fromS("go"),
                "score", AttributeValue.fromN("9")))).build(),
            TransactWriteItem.builder().put(p -> p.tableName(AUDIT).item(id("judy"))).build()));
    // The audit table has no local index: no item collections to tell about.
    assertThat(response.itemCollectionMetrics()).containsOnlyKeys(SCORES);
    List<ItemCollectionMetrics> metrics = response.itemCollectionMetrics().get(SCORES);
    assertThat(metrics).hasSize(2).allSatisfy(m -> {
      assertThat(m.itemCollectionKey()).isEqualTo(Map.of("player", AttributeValue.fromS("judy")));
      assertThat(m.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    });
    assertThat(client.query(b -> b.tableName(SCORES).indexName("byScore")
            .keyConditionExpression("player = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("judy"))))
        .items()).extracting(i -> i.get("score").n()).containsExactly("7", "9");
    // Without ReturnItemCollectionMetrics there are none.
    assertThat(client.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().delete(d -> d.tableName(SCORES).key(Map.of(
                "player", AttributeValue.fromS("judy"), "game", AttributeValue.fromS("go")))).build()))
        .hasItemCollectionMetrics()).isFalse();
  }
}

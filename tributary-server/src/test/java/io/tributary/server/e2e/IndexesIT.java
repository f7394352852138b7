package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Local and global secondary indexes through the SDK: definitions, maintenance, Query and Scan. */
class IndexesIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String TABLE = Endpoint.uniqueTableName("indexes");
  private static final int ITEMS = 120;
  private static final String COLLECTION_FULL = "Collection size exceeded.";

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  @BeforeAll
  static void fill() {
    client.createTable(b -> b.tableName(TABLE)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("user", KeyType.HASH), key("game", KeyType.RANGE))
        .attributeDefinitions(
            definition("user", ScalarAttributeType.S),
            definition("game", ScalarAttributeType.S),
            definition("score", ScalarAttributeType.N),
            definition("city", ScalarAttributeType.S))
        .localSecondaryIndexes(l -> l.indexName("byScore")
            .keySchema(key("user", KeyType.HASH), key("score", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
        .globalSecondaryIndexes(g -> g.indexName("byCity")
            .keySchema(key("city", KeyType.HASH), key("score", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note"))));
    client.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    for (int i = 0; i < ITEMS; i++) {
      Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
          "user", AttributeValue.fromS("u" + (i % 4)),
          "game", AttributeValue.fromS(String.format("g%03d", i)),
          "score", AttributeValue.fromN(Integer.toString(i)),
          "note", AttributeValue.fromS("n" + i),
          "secret", AttributeValue.fromS("s" + i)));
      // Every third item has no city: the global index is sparse.
      if (i % 3 != 0) {
        item.put("city", AttributeValue.fromS(i % 2 == 0 ? "Oslo" : "Rome"));
      }
      client.putItem(b -> b.tableName(TABLE).item(item));
    }
  }

  @AfterAll
  static void close() {
    client.deleteTable(b -> b.tableName(TABLE));
    client.close();
  }

  @Test
  void describeShowsBothKindsOfIndex() {
    TableDescription table = client.describeTable(b -> b.tableName(TABLE)).table();
    LocalSecondaryIndexDescription local = table.localSecondaryIndexes().get(0);
    assertThat(local.indexName()).isEqualTo("byScore");
    assertThat(local.indexArn()).isEqualTo(table.tableArn() + "/index/byScore");
    assertThat(local.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(local.itemCount()).isEqualTo(ITEMS);
    GlobalSecondaryIndexDescription global = table.globalSecondaryIndexes().get(0);
    assertThat(global.indexName()).isEqualTo("byCity");
    assertThat(global.indexStatusAsString()).isEqualTo("ACTIVE");
    assertThat(global.projection().nonKeyAttributes()).containsExactly("note");
    assertThat(global.itemCount()).isEqualTo(ITEMS - ITEMS / 3);
    assertThat(global.indexSizeBytes()).isPositive();
  }

  @Test
  void queryPaginatorOverAGlobalIndex() {
    List<Integer> scores = new ArrayList<>();
    client.queryPaginator(b -> b.tableName(TABLE).indexName("byCity").limit(7)
            .keyConditionExpression("city = :c AND score > :s")
            .expressionAttributeValues(Map.of(
                ":c", AttributeValue.fromS("Oslo"), ":s", AttributeValue.fromN("50"))))
        .items()
        .forEach(item -> {
          assertThat(item).containsKeys("user", "game", "city", "score", "note").doesNotContainKey("secret");
          scores.add(Integer.parseInt(item.get("score").n()));
        });
    List<Integer> expected = new ArrayList<>();
    for (int i = 51; i < ITEMS; i++) {
      if (i % 3 != 0 && i % 2 == 0) {
        expected.add(i);
      }
    }
    assertThat(scores).isEqualTo(expected);
  }

  @Test
  void localIndexFetchesFromTheTable() {
    QueryResponse page = client.query(b -> b.tableName(TABLE).indexName("byScore")
        .keyConditionExpression("#u = :u AND score BETWEEN :lo AND :hi")
        .expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u1"),
            ":lo", AttributeValue.fromN("10"), ":hi", AttributeValue.fromN("20")))
        .select(Select.ALL_ATTRIBUTES)
        .scanIndexForward(false));
    assertThat(page.items()).extracting(i -> i.get("score").n()).containsExactly("17", "13");
    assertThat(page.items().get(0)).containsKey("secret");
    QueryResponse keysOnly = client.query(b -> b.tableName(TABLE).indexName("byScore")
        .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", "user"))
        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("u1"))).limit(1));
    assertThat(keysOnly.items().get(0)).containsOnlyKeys("user", "game", "score");
    assertThat(keysOnly.lastEvaluatedKey()).containsOnlyKeys("user", "game", "score");
  }

  @Test
  void parallelScanOfAnIndex() {
    int total = 0;
    for (int segment = 0; segment < 4; segment++) {
      int s = segment;
      total += client.scanPaginator(b -> b.tableName(TABLE).indexName("byCity").segment(s).totalSegments(4).limit(10))
          .items().stream().mapToInt(i -> 1).sum();
    }
    assertThat(total).isEqualTo(ITEMS - ITEMS / 3);
  }

  @Test
  void indexRulesAsDynamoDbWordsThem() {
    assertValidation(() -> client.query(b -> b.tableName(TABLE).indexName("byCity").consistentRead(true)
            .keyConditionExpression("city = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS("Oslo")))),
        "Consistent reads are not supported on global secondary indexes");
    assertValidation(() -> client.scan(b -> b.tableName(TABLE).indexName("nope")),
        "The table does not have the specified index: nope");
    assertValidation(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of(
            "user", AttributeValue.fromS("x"), "game", AttributeValue.fromS("y"), "city", AttributeValue.fromN("1")))),
        "One or more parameter values were invalid: Type mismatch for Index Key city Expected: S Actual: N IndexName: byCity");
  }

  @Test
  void indexAddedToAFullTableUnderWritesMatchesIt() throws Exception {
    String name = Endpoint.uniqueTableName("backfill");
    int items = 2000;
    client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(definition("id", ScalarAttributeType.S)));
    client.waiter().waitUntilTableExists(b -> b.tableName(name));
    try {
      List<WriteRequest> batch = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
            "id", AttributeValue.fromS("i" + i),
            "tag", AttributeValue.fromS("t" + (i % 13)))).build()).build());
        if (batch.size() == 25) {
          List<WriteRequest> requests = List.copyOf(batch);
          client.batchWriteItem(b -> b.requestItems(Map.of(name, requests)));
          batch.clear();
        }
      }
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        writers.add(Thread.ofPlatform().start(() -> {
          java.util.Random random = new java.util.Random();
          while (!stop.get()) {
            String id = "i" + random.nextInt(items);
            if (random.nextInt(3) == 0) {
              client.deleteItem(b -> b.tableName(name).key(Map.of("id", AttributeValue.fromS(id))));
            } else {
              client.putItem(b -> b.tableName(name).item(Map.of(
                  "id", AttributeValue.fromS(id), "tag", AttributeValue.fromS("t" + random.nextInt(13)))));
            }
          }
        }));
      }
      TableDescription answer = client.updateTable(b -> b.tableName(name)
          .attributeDefinitions(definition("tag", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byTag")
              .keySchema(key("tag", KeyType.HASH))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))).tableDescription();
      // DynamoDB answers while the new index is allocating its resources, before it backfills.
      assertThat(answer.tableStatusAsString()).isEqualTo("UPDATING");
      assertThat(answer.globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("CREATING");
      assertThat(answer.globalSecondaryIndexes().get(0).backfilling()).isFalse();
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      String status;
      do {
        Thread.sleep(20);
        TableDescription now = client.describeTable(b -> b.tableName(name)).table();
        GlobalSecondaryIndexDescription index = now.globalSecondaryIndexes().get(0);
        status = index.indexStatusAsString();
        if (now.tableStatusAsString().equals("ACTIVE") && status.equals("CREATING")) {
          assertThat(index.backfilling()).isTrue();
        }
      } while (!status.equals("ACTIVE") && System.nanoTime() < deadline);
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
      assertThat(status).isEqualTo("ACTIVE");
      Set<Map<String, AttributeValue>> table = new HashSet<>(
          client.scanPaginator(b -> b.tableName(name)).items().stream().toList());
      Set<Map<String, AttributeValue>> index = new HashSet<>(
          client.scanPaginator(b -> b.tableName(name).indexName("byTag").limit(100)).items().stream().toList());
      assertThat(index).hasSameSizeAs(table).isEqualTo(table);
      assertThat(client.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().get(0).itemCount())
          .isEqualTo(table.size());

      answer = client.updateTable(b -> b.tableName(name)
          .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byTag")))).tableDescription();
      assertThat(answer.tableStatusAsString()).isEqualTo("UPDATING");
      assertThat(answer.globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("DELETING");
      TableDescription now;
      do {
        Thread.sleep(20);
        now = client.describeTable(b -> b.tableName(name)).table();
        if (now.hasGlobalSecondaryIndexes()) {
          // The table shows UPDATING for as long as the index is being deleted.
          assertThat(now.tableStatusAsString()).isEqualTo("UPDATING");
        }
      } while (now.hasGlobalSecondaryIndexes() && System.nanoTime() < deadline);
      assertThat(now.hasGlobalSecondaryIndexes()).isFalse();
      assertThat(now.tableStatusAsString()).isEqualTo("ACTIVE");
    } finally {
      client.deleteTable(b -> b.tableName(name));
    }
  }

  @Test
  void theTableIsUpdatingWhileANewIndexAllocatesAndTheSdkWaiterSeesItThrough() {
    // A server of our own, whose transient-status delay stands for DynamoDB's resource allocation.
    assumeFalse(Endpoint.external(), "the transient-status delay of another endpoint cannot be set");
    try (TributaryServer slow = TributaryServer.start(
            ServerConfig.inMemory().withTransientStatusDelay(java.time.Duration.ofMillis(1500)));
        DynamoDbClient dynamo = Endpoint.client(slow.endpoint())) {
      DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo)
          .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(java.time.Duration.ofMillis(200))))
          .build();
      dynamo.createTable(b -> b.tableName("slow").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(key("id", KeyType.HASH))
          .attributeDefinitions(definition("id", ScalarAttributeType.S)));
      waiter.waitUntilTableExists(b -> b.tableName("slow"));
      dynamo.putItem(b -> b.tableName("slow").item(Map.of("id", AttributeValue.fromS("a"), "tag", AttributeValue.fromS("t"))));

      dynamo.updateTable(b -> b.tableName("slow")
          .attributeDefinitions(definition("tag", ScalarAttributeType.S))
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byTag")
              .keySchema(key("tag", KeyType.HASH))
              .projection(p -> p.projectionType(ProjectionType.ALL)))));
      TableDescription allocating = dynamo.describeTable(b -> b.tableName("slow")).table();
      assertThat(allocating.tableStatusAsString()).isEqualTo("UPDATING");
      assertThat(allocating.globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("CREATING");
      assertThat(allocating.globalSecondaryIndexes().get(0).backfilling()).isFalse();
      assertValidation(() -> dynamo.query(b -> b.tableName("slow").indexName("byTag")
              .keyConditionExpression("tag = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t")))),
          "Cannot read from backfilling global secondary index");
      // Writes go on meanwhile.
      dynamo.putItem(b -> b.tableName("slow").item(Map.of("id", AttributeValue.fromS("b"), "tag", AttributeValue.fromS("t"))));

      waiter.waitUntilTableExists(b -> b.tableName("slow"));
      assertThat(dynamo.describeTable(b -> b.tableName("slow")).table().tableStatusAsString()).isEqualTo("ACTIVE");
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
      GlobalSecondaryIndexDescription index;
      do {
        index = dynamo.describeTable(b -> b.tableName("slow")).table().globalSecondaryIndexes().get(0);
        if (index.indexStatusAsString().equals("CREATING")) {
          assertThat(index.backfilling()).isTrue();
        }
      } while (!index.indexStatusAsString().equals("ACTIVE") && System.nanoTime() < deadline);
      assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE");
      assertThat(index.backfilling()).isNull();
      assertThat(dynamo.query(b -> b.tableName("slow").indexName("byTag").keyConditionExpression("tag = :t")
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t")))).count()).isEqualTo(2);

      assertThat(dynamo.updateTable(b -> b.tableName("slow")
          .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byTag")))).tableDescription()
          .tableStatusAsString()).isEqualTo("UPDATING");
      TableDescription deleting = dynamo.describeTable(b -> b.tableName("slow")).table();
      assertThat(deleting.tableStatusAsString()).isEqualTo("UPDATING");
      assertThat(deleting.globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("DELETING");
      waiter.waitUntilTableExists(b -> b.tableName("slow"));
      assertThat(dynamo.describeTable(b -> b.tableName("slow")).table().hasGlobalSecondaryIndexes()).isFalse();
    }
  }

  /** A table keyed on user and game with a local index that projects everything. */
  private static void createCollectionTable(DynamoDbClient dynamo, String name) {
    dynamo.createTable(b -> b.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key("user", KeyType.HASH), key("game", KeyType.RANGE))
        .attributeDefinitions(
            definition("user", ScalarAttributeType.S),
            definition("game", ScalarAttributeType.S),
            definition("level", ScalarAttributeType.S))
        .localSecondaryIndexes(l -> l.indexName("byLevel")
            .keySchema(key("user", KeyType.HASH), key("level", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
  }

  /** About 420 bytes, and as much again in the local index: two fit in 2000 bytes, three do not. */
  private static Map<String, AttributeValue> collectionItem(String user, String game) {
    return Map.of(
        "user", AttributeValue.fromS(user),
        "game", AttributeValue.fromS(game),
        "level", AttributeValue.fromS("l1"),
        "filler", AttributeValue.fromS("x".repeat(400)));
  }

  private static void assertMetricsOf(ItemCollectionMetrics metrics, String user) {
    assertThat(metrics.itemCollectionKey()).isEqualTo(Map.of("user", AttributeValue.fromS(user)));
    // DynamoDB's estimate of a collection under a gigabyte: between 0 and 1 GB.
    assertThat(metrics.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
  }

  @Test
  void writesReportTheItemCollectionTheyChanged() {
    String name = Endpoint.uniqueTableName("collections");
    createCollectionTable(client, name);
    try {
      assertMetricsOf(client.putItem(b -> b.tableName(name).item(collectionItem("u1", "g1"))
          .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics(), "u1");
      assertMetricsOf(client.updateItem(b -> b.tableName(name)
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g1")))
          .updateExpression("SET score = :s")
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromN("3")))
          .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics(), "u1");
      var batch = client.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
          .requestItems(Map.of(name, List.of(
              WriteRequest.builder().putRequest(PutRequest.builder().item(collectionItem("u2", "g1")).build()).build()))));
      assertThat(batch.itemCollectionMetrics()).containsOnlyKeys(name);
      assertThat(batch.itemCollectionMetrics().get(name)).hasSize(1);
      assertMetricsOf(batch.itemCollectionMetrics().get(name).get(0), "u2");
      assertMetricsOf(client.deleteItem(b -> b.tableName(name)
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g1")))
          .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics(), "u1");
      // Only when asked for.
      assertThat(client.putItem(b -> b.tableName(name).item(collectionItem("u1", "g2"))).itemCollectionMetrics())
          .isNull();
    } finally {
      client.deleteTable(b -> b.tableName(name));
    }
  }

  @Test
  void aFullItemCollectionRefusesToGrow() {
    // DynamoDB's limit is 10 GB; only a server of our own can be given a small one.
    assumeFalse(Endpoint.external(), "the item collection size limit of another endpoint cannot be set");
    try (TributaryServer small = TributaryServer.start(ServerConfig.inMemory().withItemCollectionSizeLimit(2000));
        DynamoDbClient dynamo = Endpoint.client(small.endpoint())) {
      createCollectionTable(dynamo, "full");
      dynamo.putItem(b -> b.tableName("full").item(collectionItem("u1", "g1")));
      dynamo.putItem(b -> b.tableName("full").item(collectionItem("u1", "g2")));
      assertCollectionFull(() -> dynamo.putItem(b -> b.tableName("full").item(collectionItem("u1", "g3"))));
      assertCollectionFull(() -> dynamo.updateItem(b -> b.tableName("full")
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g1")))
          .updateExpression("SET more = :m")
          .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("y".repeat(400))))));
      assertCollectionFull(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("full", List.of(
          WriteRequest.builder().putRequest(PutRequest.builder().item(collectionItem("u1", "g3")).build()).build())))));
      assertThat(dynamo.getItem(b -> b.tableName("full")
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g3")))).hasItem()).isFalse();

      // Other collections are not affected, and a full one may shrink and then grow again.
      dynamo.putItem(b -> b.tableName("full").item(collectionItem("u2", "g1")));
      dynamo.updateItem(b -> b.tableName("full")
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g1")))
          .updateExpression("REMOVE filler"));
      dynamo.putItem(b -> b.tableName("full").item(collectionItem("u1", "g3")));
      dynamo.deleteItem(b -> b.tableName("full")
          .key(Map.of("user", AttributeValue.fromS("u1"), "game", AttributeValue.fromS("g3"))));
    }
  }

  private static void assertCollectionFull(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ItemCollectionSizeLimitExceededException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ItemCollectionSizeLimitExceededException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(COLLECTION_FULL);
    });
  }

  private static void assertValidation(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}

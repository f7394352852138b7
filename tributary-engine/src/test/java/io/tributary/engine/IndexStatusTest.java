package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statuses a table and its global indexes show while an index is added or deleted, as
 * DynamoDB shows them: the table UPDATING while a new index allocates its resources (Backfilling
 * false), then ACTIVE while the index backfills (Backfilling true); UPDATING while an index is
 * being deleted. The transient-status delay stands for the allocation phase here; it is an hour
 * of real time, so the backfills and purges it holds back do not start during a test.
 */
class IndexStatusTest {
  private static final Duration ALLOCATION = Duration.ofHours(1);
  private static final String CREATE_GSI =
      "{'TableName':'tab','AttributeDefinitions':[{'AttributeName':'color','AttributeType':'S'}],"
          + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byColor','KeySchema':["
          + "{'AttributeName':'color','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}}]}";

  private EngineFixture db;

  @AfterEach
  void close() {
    db.close();
  }

  private void createTable(String extra) {
    db.call("CreateTable", "{'TableName':'tab','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}" + extra + "}");
  }

  private String describe() {
    return db.call("DescribeTable", "{'TableName':'tab'}");
  }

  @Test
  void anAddedIndexAllocatesWithTheTableUpdatingThenBackfillsWithItActive() {
    db = new EngineFixture(new MemoryStore(), ALLOCATION);
    createTable("],'BillingMode':'PAY_PER_REQUEST'");
    db.clock.advance(ALLOCATION);
    db.call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'a'},'color':{'S':'red'}}}");

    String answer = db.call("UpdateTable", CREATE_GSI);
    assertThat(answer).contains("\"TableStatus\":\"UPDATING\"")
        .contains("\"IndexName\":\"byColor\"")
        .contains("\"IndexStatus\":\"CREATING\",\"Backfilling\":false,")
        .contains("\"IndexSizeBytes\":0,\"ItemCount\":0,");
    assertThat(describe()).contains("\"TableStatus\":\"UPDATING\"")
        .contains("\"IndexStatus\":\"CREATING\",\"Backfilling\":false,");
    assertError(() -> db.call("DeleteTable", "{'TableName':'tab'}"), ErrorType.RESOURCE_IN_USE,
        "Attempt to change a resource which is still in use: Cannot delete table while indexes are being"
            + " created, updated, or deleted.");

    db.clock.advance(ALLOCATION);
    assertThat(describe()).contains("\"TableStatus\":\"ACTIVE\"")
        .contains("\"IndexStatus\":\"CREATING\",\"Backfilling\":true,");
    assertError(() -> db.call("Query", "{'TableName':'tab','IndexName':'byColor','KeyConditionExpression':'color = :c',"
            + "'ExpressionAttributeValues':{':c':{'S':'red'}}}"), ErrorType.VALIDATION,
        "Cannot read from backfilling global secondary index");
    assertError(() -> db.call("Scan", "{'TableName':'tab','IndexName':'byColor'}"), ErrorType.VALIDATION,
        "Cannot read from backfilling global secondary index");
    // Writes go on, to the table and to the index being built.
    db.call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'b'},'color':{'S':'blue'}}}");
  }

  @Test
  void withoutADelayTheTableIsActiveAgainAtOnceAndTheIndexSoon() throws Exception {
    db = new EngineFixture(new MemoryStore(), Duration.ZERO);
    createTable("],'BillingMode':'PAY_PER_REQUEST'");
    db.call("PutItem", "{'TableName':'tab','Item':{'pk':{'S':'a'},'color':{'S':'red'}}}");

    assertThat(db.call("UpdateTable", CREATE_GSI)).contains("\"TableStatus\":\"UPDATING\"")
        .contains("\"IndexStatus\":\"CREATING\",\"Backfilling\":false,");
    assertThat(describe()).contains("\"TableStatus\":\"ACTIVE\"");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!describe().contains("\"IndexStatus\":\"ACTIVE\"") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(describe()).contains("\"TableStatus\":\"ACTIVE\"")
        .contains("\"IndexStatus\":\"ACTIVE\",\"ProvisionedThroughput\"")
        .doesNotContain("Backfilling");

    String answer = db.call("UpdateTable", "{'TableName':'tab','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byColor'}}]}");
    assertThat(answer).contains("\"TableStatus\":\"UPDATING\"").contains("\"IndexStatus\":\"DELETING\"")
        .doesNotContain("Backfilling");
    for (String d = describe(); d.contains("\"GlobalSecondaryIndexes\"") && System.nanoTime() < deadline; d = describe()) {
      assertThat(d).contains("\"TableStatus\":\"UPDATING\"");
      Thread.sleep(5);
    }
    assertThat(describe()).contains("\"TableStatus\":\"ACTIVE\"").doesNotContain("\"GlobalSecondaryIndexes\"");
  }

  @Test
  void theTableStaysUpdatingWhileAnIndexIsBeingDeleted() {
    db = new EngineFixture(new MemoryStore(), ALLOCATION);
    createTable(",{'AttributeName':'color','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byColor','KeySchema':[{'AttributeName':'color','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}]");
    db.clock.advance(ALLOCATION);

    assertThat(db.call("UpdateTable", "{'TableName':'tab','GlobalSecondaryIndexUpdates':[{'Delete':{'IndexName':'byColor'}}]}"))
        .contains("\"TableStatus\":\"UPDATING\"").contains("\"IndexStatus\":\"DELETING\"");
    // The table's own transient status is over, but the index is not gone yet.
    db.clock.advance(ALLOCATION);
    assertThat(describe()).contains("\"TableStatus\":\"UPDATING\"").contains("\"IndexStatus\":\"DELETING\"");
    assertError(() -> db.call("DeleteTable", "{'TableName':'tab'}"), ErrorType.RESOURCE_IN_USE,
        "Attempt to change a resource which is still in use: Cannot delete table while indexes are being"
            + " created, updated, or deleted.");
  }

  @Test
  void indexesCreatedWithTheTableAreCreatingWithItAndNeverBackfilling() {
    db = new EngineFixture(new MemoryStore(), ALLOCATION);
    createTable(",{'AttributeName':'color','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byColor','KeySchema':[{'AttributeName':'color','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'KEYS_ONLY'}}]");
    assertThat(describe()).contains("\"TableStatus\":\"CREATING\"")
        .contains("\"IndexStatus\":\"CREATING\",\"ProvisionedThroughput\"")
        .doesNotContain("Backfilling");
    db.clock.advance(ALLOCATION);
    assertThat(describe()).contains("\"TableStatus\":\"ACTIVE\"")
        .contains("\"IndexStatus\":\"ACTIVE\",\"ProvisionedThroughput\"");
  }
}

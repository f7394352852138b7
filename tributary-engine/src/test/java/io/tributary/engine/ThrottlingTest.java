package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.model.ThrottlingReason;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioned throughput held to its rate through the actions: a table with 1 write unit holds
 * 300 units of burst, so one write of a 400 KB item empties it.
 */
class ThrottlingTest {
  static final String TABLE_EXCEEDED =
      "The level of configured provisioned throughput for the table was exceeded."
          + " Consider increasing your provisioning level with the UpdateTable API.";
  static final String INDEX_EXCEEDED =
      "The level of configured provisioned throughput for one or more global secondary indexes"
          + " of the table was exceeded. Consider increasing your provisioning level for the"
          + " under-provisioned global secondary indexes with the UpdateTable API";
  private static final String BIG = "x".repeat(399 * 1024);
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/";

  private EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  private void create(String name, int rcu, int wcu, String extra) {
    db.call("CreateTable", "{'TableName':'" + name + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}"
        + (extra.contains("city") ? ",{'AttributeName':'city','AttributeType':'S'}" : "") + "],"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':" + rcu + ",'WriteCapacityUnits':" + wcu + "}" + extra + "}");
  }

  private String put(String table, String pk, String rest) {
    return db.call("PutItem", "{'TableName':'" + table + "','Item':{'pk':{'S':'" + pk + "'}" + rest + "}}");
  }

  private static void assertThrottled(Runnable call, String message, String reason, String resource) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
      assertThat(e.type()).isEqualTo(ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED);
      assertThat(e.type().retryable()).isTrue();
      assertThat(e.getMessage()).isEqualTo(message);
      assertThat(e.throttlingReasons()).containsExactly(new ThrottlingReason(reason, resource));
    });
  }

  @Test
  void aWriteToATableWithoutThroughputLeftIsRefusedAndChangesNothing() {
    create("tab", 1, 1, "");
    put("tab", "big", ",'v':{'S':'" + BIG + "'}");
    assertThrottled(() -> put("tab", "a", ""), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
    assertThrottled(() -> db.call("UpdateItem", "{'TableName':'tab','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET v = :v',"
        + "'ExpressionAttributeValues':{':v':{'N':'1'}}}"), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
    assertThrottled(() -> db.call("DeleteItem", "{'TableName':'tab','Key':{'pk':{'S':'big'}}}"),
        TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
    // Reads have a bucket of their own.
    assertThat(db.call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'a'}}}")).isEqualTo("{}");
    assertThat(db.call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'big'}},'ProjectionExpression':'pk'}"))
        .isEqualTo("{\"Item\":{\"pk\":{\"S\":\"big\"}}}");
    // 400 units were taken from 300: a hundred seconds at one unit a second pay them back.
    db.clock.advance(Duration.ofSeconds(100));
    assertThrottled(() -> put("tab", "a", ""), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
    db.clock.advance(Duration.ofMillis(500));
    put("tab", "a", "");
    assertThrottled(() -> put("tab", "b", ""), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
  }

  @Test
  void readsAreHeldToTheReadThroughput() {
    create("tab", 1, 1000, "");
    for (int i = 0; i < 4; i++) {
      put("tab", "i" + i, ",'v':{'S':'" + BIG + "'}");
    }
    // A strongly consistent Scan page stops once it has read 1 MB: three items, 300 units.
    assertThat(db.call("Scan", "{'TableName':'tab','ConsistentRead':true,'Select':'COUNT'}")).startsWith("{\"Count\":3,");
    assertThrottled(() -> db.call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'a'}}}"),
        TABLE_EXCEEDED, "TableReadProvisionedThroughputExceeded", ARN + "tab");
    assertThrottled(() -> db.call("Query", "{'TableName':'tab','KeyConditionExpression':'pk = :a',"
        + "'ExpressionAttributeValues':{':a':{'S':'a'}}}"), TABLE_EXCEEDED, "TableReadProvisionedThroughputExceeded", ARN + "tab");
    put("tab", "writes-still-go", "");
  }

  @Test
  void updateTableChangesTheRateAtOnce() {
    create("tab", 1, 1, "");
    put("tab", "big", ",'v':{'S':'" + BIG + "'}");
    assertThrottled(() -> put("tab", "a", ""), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
    db.call("UpdateTable", "{'TableName':'tab','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':200}}");
    // At 200 units a second the 100-unit debt is paid in half a second.
    db.clock.advance(Duration.ofMillis(600));
    put("tab", "a", "");
    // Lowering the rate lowers the burst too: 300 s at 1 unit holds no more than 300.
    db.call("UpdateTable", "{'TableName':'tab','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}");
    db.clock.advance(Duration.ofHours(1));
    put("tab", "big2", ",'v':{'S':'" + BIG + "'}");
    assertThrottled(() -> put("tab", "b", ""), TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "tab");
  }

  @Test
  void aGlobalIndexWithoutWriteThroughputHoldsBackItsTablesWrites() {
    create("tab", 100, 100, ",'GlobalSecondaryIndexes':[{'IndexName':'byCity','KeySchema':[{'AttributeName':'city','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'},'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}]");
    put("tab", "big", ",'city':{'S':'Oslo'},'v':{'S':'" + BIG + "'}");
    assertThrottled(() -> put("tab", "a", ""), INDEX_EXCEEDED, "IndexWriteProvisionedThroughputExceeded", ARN + "tab/index/byCity");
    // Reading the table is not the index's business; reading the index is.
    db.call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'big'}}}");
    for (int i = 0; i < 3; i++) {
      db.call("Query", "{'TableName':'tab','IndexName':'byCity','KeyConditionExpression':'city = :c',"
          + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}");
    }
    // Eventually consistent reads of 400 KB cost 50 units: six of them use the index's 300.
    db.call("Query", "{'TableName':'tab','IndexName':'byCity','KeyConditionExpression':'city = :c',"
        + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}");
    for (int i = 0; i < 2; i++) {
      db.call("Scan", "{'TableName':'tab','IndexName':'byCity'}");
    }
    assertThrottled(() -> db.call("Query", "{'TableName':'tab','IndexName':'byCity','KeyConditionExpression':'city = :c',"
            + "'ExpressionAttributeValues':{':c':{'S':'Oslo'}}}"),
        TABLE_EXCEEDED, "IndexReadProvisionedThroughputExceeded", ARN + "tab/index/byCity");
  }

  @Test
  void batchesLeaveTheRequestsOfThrottledTablesUnprocessed() {
    create("slow", 1, 1, "");
    create("fast", 1000, 1000, "");
    put("slow", "big", ",'v':{'S':'" + BIG + "'}");
    String out = db.call("BatchWriteItem", "{'RequestItems':{'slow':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}}],"
        + "'fast':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}}]}}");
    assertThat(out).isEqualTo("{\"UnprocessedItems\":{\"slow\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]}}");
    assertThat(db.call("GetItem", "{'TableName':'fast','Key':{'pk':{'S':'a'}}}")).contains("\"Item\"");
    assertThat(db.call("GetItem", "{'TableName':'slow','Key':{'pk':{'S':'a'}}}")).isEqualTo("{}");
    assertThrottled(() -> db.call("BatchWriteItem", "{'RequestItems':{'slow':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}}]}}"),
        TABLE_EXCEEDED, "TableWriteProvisionedThroughputExceeded", ARN + "slow");

    for (int i = 0; i < 3; i++) {
      db.call("GetItem", "{'TableName':'slow','ConsistentRead':true,'Key':{'pk':{'S':'big'}}}");
    }
    assertThat(db.call("BatchGetItem", "{'RequestItems':{'slow':{'Keys':[{'pk':{'S':'a'}}],'ConsistentRead':true},"
        + "'fast':{'Keys':[{'pk':{'S':'a'}}]}}}"))
        .isEqualTo("{\"Responses\":{\"slow\":[],\"fast\":[{\"pk\":{\"S\":\"a\"}}]},"
            + "\"UnprocessedKeys\":{\"slow\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ConsistentRead\":true}}}");
  }

  @Test
  void aTransactionOnAThrottledTableIsCancelledForIt() {
    create("slow", 1, 1, "");
    create("fast", 1000, 1000, "");
    put("slow", "big", ",'v':{'S':'" + BIG + "'}");
    assertThatThrownBy(() -> db.call("TransactWriteItems", "{'TransactItems':["
            + "{'Put':{'TableName':'fast','Item':{'pk':{'S':'a'}}}},{'Put':{'TableName':'slow','Item':{'pk':{'S':'a'}}}}]}"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_CANCELED);
          assertThat(e.getMessage()).endsWith("[None, ProvisionedThroughputExceeded]");
          assertThat(e.cancellationReasons().get(1).message()).isEqualTo(TABLE_EXCEEDED);
        });
    assertThat(db.call("GetItem", "{'TableName':'fast','Key':{'pk':{'S':'a'}}}")).isEqualTo("{}");
    // The big item's reads are not used up.
    db.call("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'slow','Key':{'pk':{'S':'big'}}}}]}");
  }

  @Test
  void onDemandTablesAndAServerWithoutThrottlingNeverThrottle() {
    db.call("CreateTable", "{'TableName':'ondemand','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
    for (int i = 0; i < 5; i++) {
      put("ondemand", "big" + i, ",'v':{'S':'" + BIG + "'}");
    }
    db.close();
    db = new EngineFixture(new MemoryStore(),
        new EngineConfig("123456789012", Duration.ZERO).withThrottling(false));
    create("tab", 1, 1, "");
    for (int i = 0; i < 5; i++) {
      put("tab", "big" + i, ",'v':{'S':'" + BIG + "'}");
    }
    assertThat(db.call("GetItem", "{'TableName':'tab','Key':{'pk':{'S':'big4'}},'ProjectionExpression':'pk'}"))
        .isEqualTo("{\"Item\":{\"pk\":{\"S\":\"big4\"}}}");
  }

  @Test
  void anUnknownTableIsNotFoundBeforeItIsThrottled() {
    assertError(() -> put("nope", "a", ""), ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
  }
}

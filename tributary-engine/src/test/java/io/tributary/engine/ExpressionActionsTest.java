package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateItem, conditional writes and projections through the engine. */
class ExpressionActionsTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void createTable() {
    db.call("CreateTable",
        "{'TableName':'things','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
            + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
            + "'BillingMode':'PAY_PER_REQUEST'}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void updateCreatesAndReturnsWhatWasAsked() {
    assertThat(db.call("UpdateItem", "{'TableName':'things','Key':{'id':{'S':'a'}},"
            + "'UpdateExpression':'SET n = :one, tags = :t','ExpressionAttributeValues':"
            + "{':one':{'N':'1'},':t':{'SS':['x']}},'ReturnValues':'ALL_NEW'}"))
        .startsWith("{\"Attributes\":{\"id\":{\"S\":\"a\"},")
        .contains("\"n\":{\"N\":\"1\"}", "\"tags\":{\"SS\":[\"x\"]}");
    assertThat(db.call("UpdateItem", "{'TableName':'things','Key':{'id':{'S':'a'}},"
            + "'UpdateExpression':'SET n = n + :one ADD tags :t REMOVE gone',"
            + "'ExpressionAttributeValues':{':one':{'N':'1'},':t':{'SS':['y']}},'ReturnValues':'UPDATED_OLD'}"))
        .contains("\"n\":{\"N\":\"1\"}", "\"tags\":{\"SS\":[\"x\"]}")
        .doesNotContain("\"id\"");
    assertThat(db.call("GetItem", "{'TableName':'things','Key':{'id':{'S':'a'}},'ProjectionExpression':'n'}"))
        .isEqualTo("{\"Item\":{\"n\":{\"N\":\"2\"}}}");
  }

  @Test
  void conditionFailureChangesNothingAndCanReturnTheItem() {
    db.call("PutItem", "{'TableName':'things','Item':{'id':{'S':'a'},'v':{'N':'1'}}}");
    assertThatThrownBy(() -> db.call("PutItem", "{'TableName':'things','Item':{'id':{'S':'a'},'v':{'N':'2'}},"
            + "'ConditionExpression':'attribute_not_exists(id)','ReturnValuesOnConditionCheckFailure':'ALL_OLD'}"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.CONDITIONAL_CHECK_FAILED);
          assertThat(e.getMessage()).isEqualTo("The conditional request failed");
          assertThat(e.item()).containsEntry("v", new AttributeValue.N(new java.math.BigDecimal("1")));
        });
    assertError(() -> db.call("DeleteItem", "{'TableName':'things','Key':{'id':{'S':'a'}},"
            + "'ConditionExpression':'v > :v','ExpressionAttributeValues':{':v':{'N':'5'}}}"),
        ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    assertThat(db.call("GetItem", "{'TableName':'things','Key':{'id':{'S':'a'}}}")).contains("\"v\":{\"N\":\"1\"}");
    db.call("DeleteItem", "{'TableName':'things','Key':{'id':{'S':'a'}},'Expected':{'v':{'Value':{'N':'1'}}}}");
    assertThat(db.call("GetItem", "{'TableName':'things','Key':{'id':{'S':'a'}}}")).isEqualTo("{}");
  }

  @Test
  void keyAttributesCannotBeUpdated() {
    assertError(() -> db.call("UpdateItem", "{'TableName':'things','Key':{'id':{'S':'a'}},"
            + "'UpdateExpression':'SET id = :v','ExpressionAttributeValues':{':v':{'S':'b'}}}"),
        ErrorType.VALIDATION,
        "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
  }

  @Test
  void placeholdersMustBeUsed() {
    assertError(() -> db.call("PutItem", "{'TableName':'things','Item':{'id':{'S':'a'}},"
            + "'ConditionExpression':'attribute_not_exists(id)','ExpressionAttributeValues':{':v':{'S':'b'}}}"),
        ErrorType.VALIDATION, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
  }

  @Test
  void concurrentIncrementsAreNotLost() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      done.add(pool.submit(() -> db.call("UpdateItem", "{'TableName':'things','Key':{'id':{'S':'c'}},"
          + "'UpdateExpression':'ADD n :one','ExpressionAttributeValues':{':one':{'N':'1'}}}")));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(db.call("GetItem", "{'TableName':'things','Key':{'id':{'S':'c'}}}")).contains("\"n\":{\"N\":\"400\"}");
  }
}

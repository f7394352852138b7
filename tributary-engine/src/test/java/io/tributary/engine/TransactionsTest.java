package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.CancellationReason;
import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.rocksdb.RocksStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsTest {
  @TempDir Path directory;
  private EngineFixture db;

  @BeforeEach
  void createTables() {
    db = new EngineFixture(RocksStore.open(directory, RocksStore.Options.defaults()), Duration.ZERO);
    for (String name : new String[] {"accounts", "audit"}) {
      db.call("CreateTable",
          "{'TableName':'" + name + "','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
              + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
              + "'BillingMode':'PAY_PER_REQUEST'}");
    }
    db.call("PutItem", "{'TableName':'accounts','Item':{'id':{'S':'a'},'balance':{'N':'100'}}}");
    db.call("PutItem", "{'TableName':'accounts','Item':{'id':{'S':'b'},'balance':{'N':'0'}}}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static String transfer(int amount, String token) {
    return "{" + (token == null ? "" : "'ClientRequestToken':'" + token + "',")
        + "'TransactItems':["
        + "{'Update':{'TableName':'accounts','Key':{'id':{'S':'a'}},"
        + "'UpdateExpression':'SET balance = balance - :x','ConditionExpression':'balance >= :x',"
        + "'ExpressionAttributeValues':{':x':{'N':'" + amount + "'}},"
        + "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}},"
        + "{'Update':{'TableName':'accounts','Key':{'id':{'S':'b'}},"
        + "'UpdateExpression':'SET balance = balance + :x',"
        + "'ExpressionAttributeValues':{':x':{'N':'" + amount + "'}}}},"
        + "{'Put':{'TableName':'audit','Item':{'id':{'S':'t-" + amount + "'}}}}]}";
  }

  private String balances() {
    return db.call("TransactGetItems",
        "{'TransactItems':[{'Get':{'TableName':'accounts','Key':{'id':{'S':'a'}},'ProjectionExpression':'balance'}},"
            + "{'Get':{'TableName':'accounts','Key':{'id':{'S':'b'}},'ProjectionExpression':'balance'}},"
            + "{'Get':{'TableName':'accounts','Key':{'id':{'S':'nobody'}}}}]}");
  }

  @Test
  void appliesEveryActionOrNone() {
    assertThat(db.call("TransactWriteItems", transfer(30, null))).isEqualTo("{}");
    assertThat(balances()).isEqualTo("{\"Responses\":[{\"Item\":{\"balance\":{\"N\":\"70\"}}},"
        + "{\"Item\":{\"balance\":{\"N\":\"30\"}}},{}]}");

    assertThatThrownBy(() -> db.call("TransactWriteItems", transfer(80, null)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.TRANSACTION_CANCELED);
          assertThat(e.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation"
              + " reasons for specific reasons [ConditionalCheckFailed, None, None]");
          CancellationReason first = e.cancellationReasons().get(0);
          assertThat(first.message()).isEqualTo("The conditional request failed");
          assertThat(first.item()).containsKey("balance");
          assertThat(e.cancellationReasons().get(1)).isEqualTo(CancellationReason.NONE);
        });
    assertThat(balances()).contains("{\"N\":\"70\"}", "{\"N\":\"30\"}");
    assertThat(db.call("GetItem", "{'TableName':'audit','Key':{'id':{'S':'t-80'}}}")).isEqualTo("{}");
  }

  @Test
  void aTokenAppliesATransactionOnceAndSurvivesARestart() {
    String withCapacity =
        transfer(10, "token-1")
            .replace("{'ClientRequestToken'", "{'ReturnConsumedCapacity':'TOTAL','ClientRequestToken'");
    assertThat(db.call("TransactWriteItems", withCapacity))
        .isEqualTo("{\"ConsumedCapacity\":[{\"TableName\":\"accounts\",\"CapacityUnits\":4.0,\"WriteCapacityUnits\":4.0},"
            + "{\"TableName\":\"audit\",\"CapacityUnits\":2.0,\"WriteCapacityUnits\":2.0}]}");
    db.close();
    db = new EngineFixture(RocksStore.open(directory, RocksStore.Options.defaults()), Duration.ZERO);
    // The replay reads the three items transactionally (twice a consistent read) and writes nothing.
    assertThat(db.call("TransactWriteItems", withCapacity))
        .isEqualTo("{\"ConsumedCapacity\":[{\"TableName\":\"accounts\",\"CapacityUnits\":4.0,\"ReadCapacityUnits\":4.0},"
            + "{\"TableName\":\"audit\",\"CapacityUnits\":2.0,\"ReadCapacityUnits\":2.0}]}");
    assertThat(balances()).contains("{\"N\":\"90\"}", "{\"N\":\"10\"}");

    assertError(() -> db.call("TransactWriteItems", transfer(10, "token-1")),
        ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
        "Request has the same ClientRequestToken as a previous request but is not identical");
    db.clock.advance(Duration.ofMinutes(11));
    db.call("TransactWriteItems", withCapacity);
    assertThat(balances()).contains("{\"N\":\"80\"}", "{\"N\":\"20\"}");
  }

  @Test
  void refusesRequestsBeforeLookingAtItems() {
    String dup = "{'TransactItems':[{'ConditionCheck':{'TableName':'accounts','Key':{'id':{'S':'a'}},"
        + "'ConditionExpression':'attribute_exists(id)'}},"
        + "{'Delete':{'TableName':'accounts','Key':{'id':{'S':'a'}}}}]}";
    assertError(() -> db.call("TransactWriteItems", dup), ErrorType.VALIDATION,
        "Transaction request cannot include multiple operations on one item");
    assertError(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Delete':{'TableName':'nope','Key':{'id':{'S':'a'}}}}]}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
    assertError(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Delete':{'TableName':'accounts','Key':{'id':{'S':'a'}}},"
                + "'Put':{'TableName':'accounts','Item':{'id':{'S':'a'}}}}]}"),
        ErrorType.VALIDATION, "TransactItems can only contain one of Check, Put, Update or Delete");
    assertError(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Delete':{'TableName':'nope','Key':{'id':{'S':'a'}}}},"
                + "{'Put':{'TableName':'accounts','Item':{'id':{'S':'x'}},"
                + "'ExpressionAttributeValues':{':v':{'S':'x'}},'ConditionExpression':'attribute_not_exists(id)'}}]}"),
        ErrorType.VALIDATION, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
    assertThat(balances()).contains("{\"N\":\"100\"}");
  }

  @Test
  void aWrongKeyIsTheFirstInvalidActionsReason() {
    assertThatThrownBy(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Put':{'TableName':'audit','Item':{'id':{'S':'ok'}}}},"
                + "{'Put':{'TableName':'accounts','Item':{'id':{'N':'7'}}}},"
                + "{'Delete':{'TableName':'accounts','Key':{'nope':{'S':'a'}}}}]}"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.getMessage()).endsWith("[None, ValidationError, None]");
          assertThat(e.cancellationReasons().get(1).message()).isEqualTo(
              "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
        });
    assertThat(db.call("GetItem", "{'TableName':'audit','Key':{'id':{'S':'ok'}}}")).isEqualTo("{}");
  }

  @Test
  void anUpdateFailingOnTheItemIsAValidationErrorReason() {
    assertThatThrownBy(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Put':{'TableName':'audit','Item':{'id':{'S':'ok'}}}},"
                + "{'Update':{'TableName':'accounts','Key':{'id':{'S':'a'}},"
                + "'UpdateExpression':'SET balance = nothere + :one','ExpressionAttributeValues':{':one':{'N':'1'}}}}]}"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.getMessage()).endsWith("[None, ValidationError]");
          assertThat(e.cancellationReasons().get(1).message())
              .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        });
  }

  @Test
  void anUpdateOfAKeyAttributeRefusesTheRequest() {
    assertError(() -> db.call("TransactWriteItems",
            "{'TransactItems':[{'Update':{'TableName':'accounts','Key':{'id':{'S':'a'}},"
                + "'UpdateExpression':'SET id = :x','ExpressionAttributeValues':{':x':{'S':'b'}}}}]}"),
        ErrorType.VALIDATION,
        "One or more parameter values were invalid: Cannot update attribute id. This attribute is"
            + " part of the key");
  }

  @Test
  void transactGetItemsRefusesTwoGetsOfOneItem() {
    assertError(() -> db.call("TransactGetItems",
            "{'TransactItems':[{'Get':{'TableName':'accounts','Key':{'id':{'S':'a'}}}},"
                + "{'Get':{'TableName':'accounts','Key':{'id':{'S':'a'}}}}]}"),
        ErrorType.VALIDATION, "Transaction request cannot include multiple operations on one item");
  }

  @Test
  void reportsCapacityPerTableAtTwiceThePlainCost() {
    String out = db.call("TransactWriteItems",
        transfer(1, null).replace("{'TransactItems'", "{'ReturnConsumedCapacity':'TOTAL','TransactItems'"));
    assertThat(out).isEqualTo("{\"ConsumedCapacity\":[{\"TableName\":\"accounts\",\"CapacityUnits\":4.0,\"WriteCapacityUnits\":4.0},"
        + "{\"TableName\":\"audit\",\"CapacityUnits\":2.0,\"WriteCapacityUnits\":2.0}]}");
  }
}

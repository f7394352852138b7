package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ItemActionsTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void createTable() {
    db.call("CreateTable",
        "{'TableName':'users','KeySchema':[{'AttributeName':'username','KeyType':'HASH'},"
            + "{'AttributeName':'last_name','KeyType':'RANGE'}],'AttributeDefinitions':["
            + "{'AttributeName':'username','AttributeType':'S'},"
            + "{'AttributeName':'last_name','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void putGetDelete() {
    assertThat(db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'jdoe'},'last_name':{'S':'Doe'},'age':{'N':'42'}}}"))
        .isEqualTo("{}");
    assertThat(db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'jdoe'},'last_name':{'S':'Doe'}}}"))
        .isEqualTo("{\"Item\":{\"username\":{\"S\":\"jdoe\"},\"last_name\":{\"S\":\"Doe\"},\"age\":{\"N\":\"42\"}}}");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"ItemCount\":1");
    assertThat(db.call("DeleteItem", "{'TableName':'users','ReturnValues':'ALL_OLD','Key':{'username':{'S':'jdoe'},'last_name':{'S':'Doe'}}}"))
        .contains("\"Attributes\":{\"username\"");
    assertThat(db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'jdoe'},'last_name':{'S':'Doe'}}}"))
        .isEqualTo("{}");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"ItemCount\":0").contains("\"TableSizeBytes\":0");
  }

  @Test
  void putReturnsTheOldItem() {
    String put = "{'TableName':'users','ReturnValues':'ALL_OLD','Item':{'username':{'S':'a'},'last_name':{'S':'b'},'v':{'N':'%s'}}}";
    assertThat(db.call("PutItem", put.formatted("1"))).isEqualTo("{}");
    assertThat(db.call("PutItem", put.formatted("2"))).contains("\"v\":{\"N\":\"1\"}");
  }

  @Test
  void returnValuesOtherThanAllOldAreRefused() {
    assertError(() -> db.call("PutItem", "{'TableName':'users','ReturnValues':'ALL_NEW','Item':{'username':{'S':'a'},'last_name':{'S':'b'}}}"),
        ErrorType.VALIDATION, "ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void itemKeysAreChecked() {
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'a'}}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Missing the key last_name in the item");
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'N':'1'},'last_name':{'S':'b'}}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Type mismatch for key username expected: S actual: N");
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':''},'last_name':{'S':'b'}}}"),
        ErrorType.VALIDATION, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: username");
    assertError(() -> db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'a'}}}"),
        ErrorType.VALIDATION, "The provided key element does not match the schema");
    assertError(() -> db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'a'},'last_name':{'S':'b'},'x':{'S':'c'}}}"),
        ErrorType.VALIDATION, "The provided key element does not match the schema");
    assertError(() -> db.call("DeleteItem", "{'TableName':'users','Key':{'username':{'S':'a'},'last_name':{'N':'1'}}}"),
        ErrorType.VALIDATION, "The provided key element does not match the schema");
  }

  @Test
  void keySizesAreLimited() {
    String big = "x".repeat(2049);
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'" + big + "'},'last_name':{'S':'b'}}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'a'},'last_name':{'S':'" + "y".repeat(1025) + "'}}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'" + "x".repeat(2048) + "'},'last_name':{'S':'" + "y".repeat(1024) + "'}}}");
  }

  @Test
  void itemsOver400KbAreRefused() {
    String big = "z".repeat(400 * 1024);
    assertError(() -> db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'a'},'last_name':{'S':'b'},'v':{'S':'" + big + "'}}}"),
        ErrorType.VALIDATION, "Item size has exceeded the maximum allowed size");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"ItemCount\":0");
  }

  @Test
  void missingTable() {
    assertError(() -> db.call("GetItem", "{'TableName':'nope','Key':{'username':{'S':'a'}}}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
  }

  @Test
  void consumedCapacity() {
    assertThat(db.call("PutItem", "{'TableName':'users','ReturnConsumedCapacity':'TOTAL','Item':{'username':{'S':'a'},'last_name':{'S':'b'}}}"))
        .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"users\",\"CapacityUnits\":1.0}}");
    assertThat(db.call("GetItem", "{'TableName':'users','ReturnConsumedCapacity':'INDEXES','Key':{'username':{'S':'a'},'last_name':{'S':'b'}}}"))
        .contains("\"ConsumedCapacity\":{\"TableName\":\"users\",\"CapacityUnits\":0.5,\"Table\":{\"CapacityUnits\":0.5}}");
  }

  @Test
  void attributesToGet() {
    db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'a'},'last_name':{'S':'b'},'x':{'N':'1'},'y':{'N':'2'}}}");
    assertThat(db.call("GetItem", "{'TableName':'users','AttributesToGet':['y','missing'],'Key':{'username':{'S':'a'},'last_name':{'S':'b'}}}"))
        .isEqualTo("{\"Item\":{\"y\":{\"N\":\"2\"}}}");
  }

  @Test
  void recreatedTableStartsEmpty() {
    db.call("PutItem", "{'TableName':'users','Item':{'username':{'S':'a'},'last_name':{'S':'b'}}}");
    db.call("DeleteTable", "{'TableName':'users'}");
    createTable();
    assertThat(db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'a'},'last_name':{'S':'b'}}}"))
        .isEqualTo("{}");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"ItemCount\":0");
  }
}

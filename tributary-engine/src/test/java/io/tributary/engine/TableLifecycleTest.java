package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableLifecycleTest {
  private static final String USERS =
      "{'TableName':'users','KeySchema':[{'AttributeName':'username','KeyType':'HASH'},"
          + "{'AttributeName':'last_name','KeyType':'RANGE'}],'AttributeDefinitions':["
          + "{'AttributeName':'username','AttributeType':'S'},"
          + "{'AttributeName':'last_name','AttributeType':'S'}],"
          + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}";

  private EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createDescribeListDelete() {
    String created = db.call("CreateTable", USERS);
    assertThat(created)
        .contains("\"TableStatus\":\"ACTIVE\"")
        .contains("\"TableArn\":\"arn:aws:dynamodb:us-east-1:123456789012:table/users\"")
        .contains("\"ReadCapacityUnits\":5")
        .contains("\"ItemCount\":0");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"TableName\":\"users\"");
    assertThat(db.call("ListTables", "{}")).isEqualTo("{\"TableNames\":[\"users\"]}");
    assertThat(db.call("DeleteTable", "{'TableName':'users'}")).contains("\"TableStatus\":\"DELETING\"");
    assertThat(db.call("ListTables", "{}")).isEqualTo("{\"TableNames\":[]}");
    assertError(() -> db.call("DescribeTable", "{'TableName':'users'}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: users not found");
  }

  @Test
  void duplicateTableIsInUse() {
    db.call("CreateTable", USERS);
    assertError(() -> db.call("CreateTable", USERS),
        ErrorType.RESOURCE_IN_USE, "Table already exists: users");
  }

  @Test
  void listTablesPages() {
    for (String name : new String[] {"ccc", "aaa", "bbb"}) {
      db.call("CreateTable", USERS.replace("'users'", "'" + name + "'"));
    }
    assertThat(db.call("ListTables", "{'Limit':2}"))
        .isEqualTo("{\"TableNames\":[\"aaa\",\"bbb\"],\"LastEvaluatedTableName\":\"bbb\"}");
    assertThat(db.call("ListTables", "{'Limit':2,'ExclusiveStartTableName':'bbb'}"))
        .isEqualTo("{\"TableNames\":[\"ccc\"]}");
  }

  @Test
  void transientStatusesLastForTheDelay() {
    db.close();
    db = new EngineFixture(new MemoryStore(), Duration.ofSeconds(2));
    assertThat(db.call("CreateTable", USERS)).contains("\"TableStatus\":\"CREATING\"");
    assertError(() -> db.call("GetItem", "{'TableName':'users','Key':{'username':{'S':'a'},'last_name':{'S':'b'}}}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
    db.clock.advance(Duration.ofSeconds(2));
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"TableStatus\":\"ACTIVE\"");
    db.call("DeleteTable", "{'TableName':'users'}");
    assertThat(db.call("DescribeTable", "{'TableName':'users'}")).contains("\"TableStatus\":\"DELETING\"");
    db.clock.advance(Duration.ofSeconds(2));
    assertError(() -> db.call("DescribeTable", "{'TableName':'users'}"),
        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: users not found");
  }

  @Test
  void deletionProtectionRefusesDelete() {
    db.call("CreateTable", USERS.replace("{'TableName'", "{'DeletionProtectionEnabled':true,'TableName'"));
    assertError(() -> db.call("DeleteTable", "{'TableName':'users'}"), ErrorType.VALIDATION,
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
    db.call("UpdateTable", "{'TableName':'users','DeletionProtectionEnabled':false}");
    assertThat(db.call("DeleteTable", "{'TableName':'users'}")).contains("DELETING");
  }

  @Test
  void billingModeSwitches() {
    db.call("CreateTable", USERS);
    String onDemand = db.call("UpdateTable", "{'TableName':'users','BillingMode':'PAY_PER_REQUEST'}");
    assertThat(onDemand)
        .contains("\"BillingMode\":\"PAY_PER_REQUEST\"")
        .contains("\"ReadCapacityUnits\":0");
    assertError(() -> db.call("UpdateTable", "{'TableName':'users','BillingMode':'PROVISIONED'}"),
        ErrorType.VALIDATION,
        "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    String provisioned = db.call("UpdateTable", "{'TableName':'users','BillingMode':'PROVISIONED',"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':3}}");
    assertThat(provisioned).contains("\"ReadCapacityUnits\":7").contains("\"WriteCapacityUnits\":3");
  }

  @Test
  void unchangedThroughputIsRefused() {
    db.call("CreateTable", USERS);
    assertError(() -> db.call("UpdateTable", "{'TableName':'users',"
            + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}"),
        ErrorType.VALIDATION,
        "The provisioned throughput for the table will not change. The requested value equals the current value. "
            + "Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. "
            + "Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. "
            + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  @Test
  void keySchemaMustStartWithHash() {
    assertError(() -> db.call("CreateTable", USERS.replace("'HASH'", "'X'").replace("'RANGE'", "'HASH'").replace("'X'", "'RANGE'")),
        ErrorType.VALIDATION, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }

  @Test
  void keysMustBeDefined() {
    String request = USERS.replace("{'AttributeName':'last_name','AttributeType':'S'}", "{'AttributeName':'other','AttributeType':'S'}");
    assertError(() -> db.call("CreateTable", request), ErrorType.VALIDATION,
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [last_name], AttributeDefinitions: [username, other]");
  }

  @Test
  void payPerRequestRefusesThroughput() {
    assertError(() -> db.call("CreateTable", USERS.replace("{'TableName'", "{'BillingMode':'PAY_PER_REQUEST','TableName'")),
        ErrorType.VALIDATION,
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
  }

  static void assertError(Runnable call, ErrorType type, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.type()).isEqualTo(type);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}

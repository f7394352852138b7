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

/** OnDemandThroughput: kept, described, checked, and the maxima it sets held to. */
class OnDemandThroughputTest {
  private static final String KEYS = "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
      + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]";
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @AfterEach
  void close() {
    db.close();
  }

  private String create(String name, String rest) {
    return db.call("CreateTable", "{'TableName':'" + name + "'," + KEYS + "," + rest + "}");
  }

  @Test
  void isDescribedWithTheMaximaThatAreSetAndChangedByUpdateTable() {
    assertThat(create("capped", "'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':{'MaxReadRequestUnits':100}"))
        .contains("\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100}");
    db.call("UpdateTable", "{'TableName':'capped','OnDemandThroughput':{'MaxWriteRequestUnits':50}}");
    assertThat(db.call("DescribeTable", "{'TableName':'capped'}"))
        .contains("\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100,\"MaxWriteRequestUnits\":50}");
    db.call("UpdateTable", "{'TableName':'capped','OnDemandThroughput':{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1}}");
    assertThat(db.call("DescribeTable", "{'TableName':'capped'}")).doesNotContain("OnDemandThroughput");
    db.call("UpdateTable", "{'TableName':'capped','OnDemandThroughput':{'MaxWriteRequestUnits':50}}");
    // Switching to provisioned throughput leaves the maxima behind.
    db.call("UpdateTable", "{'TableName':'capped','BillingMode':'PROVISIONED',"
        + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}");
    assertThat(db.call("DescribeTable", "{'TableName':'capped'}")).doesNotContain("OnDemandThroughput");
    assertThat(create("plain", "'BillingMode':'PAY_PER_REQUEST'")).doesNotContain("OnDemandThroughput");
  }

  @Test
  void refusesMaximaOnProvisionedTablesAndOutOfRange() {
    assertError(() -> create("prov", "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
            + "'OnDemandThroughput':{'MaxReadRequestUnits':5}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput cannot be"
            + " specified when table BillingMode is PROVISIONED.");
    for (String value : new String[] {"0", "-1", "-2"}) {
      assertError(() -> create("range", "'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':{'MaxWriteRequestUnits':" + value + "}"),
          ErrorType.VALIDATION, "One or more parameter values were invalid: Requested MaxWriteRequestUnits"
              + " for OnDemandThroughput for table is outside of valid range");
    }
    create("prov", "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','OnDemandThroughput':{'MaxReadRequestUnits':5}}"),
        ErrorType.VALIDATION, "One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput"
            + " cannot be specified when the table BillingMode is PROVISIONED");
    assertError(() -> db.call("UpdateTable", "{'TableName':'prov','OnDemandThroughput':{'MaxReadRequestUnits':5},"
            + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}"), ErrorType.VALIDATION,
        "One or more parameter values were invalid: OnDemandThroughput can only be combined with BillingMode"
            + " in an UpdateTable request");
    // With the switch to on demand in the same request, the maxima are welcome.
    assertThat(db.call("UpdateTable", "{'TableName':'prov','BillingMode':'PAY_PER_REQUEST',"
        + "'OnDemandThroughput':{'MaxReadRequestUnits':5}}"))
        .contains("\"OnDemandThroughput\":{\"MaxReadRequestUnits\":5}");
  }

  @Test
  void aMaximumIsHeldToWithThrottlingException() {
    create("capped", "'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':{'MaxWriteRequestUnits':2}");
    // Two units saved at most: a 3 KB write spends them.
    db.call("PutItem", "{'TableName':'capped','Item':{'pk':{'S':'a'},'v':{'S':'" + "x".repeat(3000) + "'}}}");
    assertThatThrownBy(() -> db.call("PutItem", "{'TableName':'capped','Item':{'pk':{'S':'b'}}}"))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.type()).isEqualTo(ErrorType.THROTTLING);
          assertThat(e.type().retryable()).isTrue();
          assertThat(e.getMessage()).startsWith("Throughput exceeds the current capacity of your table or index.");
          assertThat(e.throttlingReasons()).containsExactly(new ThrottlingReason(
              "TableWriteMaxOnDemandThroughputExceeded", "arn:aws:dynamodb:us-east-1:123456789012:table/capped"));
        });
    // Reads have no maximum; half a second at two units a second pays the debt.
    db.call("GetItem", "{'TableName':'capped','Key':{'pk':{'S':'a'}}}");
    db.clock.advance(Duration.ofMillis(600));
    db.call("PutItem", "{'TableName':'capped','Item':{'pk':{'S':'b'}}}");
    db.call("UpdateTable", "{'TableName':'capped','OnDemandThroughput':{'MaxWriteRequestUnits':-1}}");
    for (int i = 0; i < 5; i++) {
      db.call("PutItem", "{'TableName':'capped','Item':{'pk':{'S':'c" + i + "'},'v':{'S':'" + "x".repeat(3000) + "'}}}");
    }
  }

  @Test
  void survivesARestartOfTheCatalog() {
    MemoryStore store = new MemoryStore();
    EngineFixture first = new EngineFixture(store, Duration.ZERO);
    first.call("CreateTable", "{'TableName':'capped'," + KEYS + ",'BillingMode':'PAY_PER_REQUEST',"
        + "'OnDemandThroughput':{'MaxReadRequestUnits':7,'MaxWriteRequestUnits':8}}");
    EngineFixture second = new EngineFixture(store, Duration.ZERO);
    assertThat(second.call("DescribeTable", "{'TableName':'capped'}"))
        .contains("\"OnDemandThroughput\":{\"MaxReadRequestUnits\":7,\"MaxWriteRequestUnits\":8}");
  }
}

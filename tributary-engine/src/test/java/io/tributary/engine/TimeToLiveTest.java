package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeToLiveTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO, Duration.ofMillis(50));

  @BeforeEach
  void createTable() {
    db.call("CreateTable", "{'TableName':'sessions','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void describeAndUpdate() {
    assertThat(db.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
        .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}");
    assertThat(db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}"))
        .isEqualTo("{\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}");
    assertThat(db.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
        .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"expires\"}}");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}"),
        ErrorType.VALIDATION, "TimeToLive is already enabled");
    db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}"),
        ErrorType.VALIDATION, "TimeToLive is already disabled");
  }

  @Test
  void expiredItemsAreDeleted() throws Exception {
    long now = db.clock.instant().getEpochSecond();
    db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}");
    db.call("PutItem", "{'TableName':'sessions','Item':{'id':{'S':'old'},'expires':{'N':'" + (now - 10) + "'}}}");
    db.call("PutItem", "{'TableName':'sessions','Item':{'id':{'S':'future'},'expires':{'N':'" + (now + 3600) + "'}}}");
    db.call("PutItem", "{'TableName':'sessions','Item':{'id':{'S':'ancient'},'expires':{'N':'" + (now - 6L * 365 * 86400) + "'}}}");
    db.call("PutItem", "{'TableName':'sessions','Item':{'id':{'S':'text'},'expires':{'S':'" + (now - 10) + "'}}}");
    for (int i = 0; i < 100 && db.call("GetItem", "{'TableName':'sessions','Key':{'id':{'S':'old'}}}").contains("Item"); i++) {
      Thread.sleep(50);
    }
    assertThat(db.call("GetItem", "{'TableName':'sessions','Key':{'id':{'S':'old'}}}")).isEqualTo("{}");
    for (String kept : new String[] {"future", "ancient", "text"}) {
      assertThat(db.call("GetItem", "{'TableName':'sessions','Key':{'id':{'S':'" + kept + "'}}}")).contains("Item");
    }
  }
}

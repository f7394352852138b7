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
    // What is asked is checked before the interval between changes.
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'other'}}"),
        ErrorType.VALIDATION, "TimeToLive is active on a different AttributeName: current AttributeName is expires");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'other'}}"),
        ErrorType.VALIDATION, "TimeToLive is active on a different AttributeName: current AttributeName is expires");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}"),
        ErrorType.VALIDATION, "Time to live has been modified multiple times within a fixed interval");
    db.clock.advance(Duration.ofMinutes(30));
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}"),
        ErrorType.VALIDATION, "Time to live has been modified multiple times within a fixed interval");
    db.clock.advance(Duration.ofMinutes(1));
    db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}");
    // Turned off, it reads as if it had never been on.
    assertThat(db.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
        .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'expires'}}"),
        ErrorType.VALIDATION, "TimeToLive is already disabled");
    assertError(() -> db.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'other'}}"),
        ErrorType.VALIDATION, "Time to live has been modified multiple times within a fixed interval");
  }

  @Test
  void changesShowEnablingAndDisablingForTheTransientStatusDelay() throws Exception {
    try (EngineFixture slow = new EngineFixture(new MemoryStore(), Duration.ofSeconds(5), Duration.ofHours(1))) {
      slow.call("CreateTable", "{'TableName':'sessions','KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
          + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST'}");
      assertError(() -> slow.call("DescribeTimeToLive", "{'TableName':'sessions'}"), ErrorType.VALIDATION,
          "Cannot describe time to live while table is in CREATING state: Current table state is CREATING");
      assertError(() -> slow.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'exp'}}"),
          ErrorType.RESOURCE_IN_USE, "Attempt to change a resource which is still in use: Table sessions is being created");
      slow.clock.advance(Duration.ofSeconds(5));
      long now = slow.clock.instant().getEpochSecond();
      slow.call("PutItem", "{'TableName':'sessions','Item':{'id':{'S':'old'},'exp':{'N':'" + (now - 10) + "'}}}");
      slow.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'exp'}}");
      assertThat(slow.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
          .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLING\",\"AttributeName\":\"exp\"}}");
      // Nothing expires while expiry is still being turned on.
      assertThat(slow.engine.sweepExpiredItems()).isZero();
      slow.clock.advance(Duration.ofSeconds(5));
      assertThat(slow.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
          .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"exp\"}}");
      assertThat(slow.engine.sweepExpiredItems()).isEqualTo(1);
      slow.clock.advance(Duration.ofHours(1));
      slow.call("UpdateTimeToLive", "{'TableName':'sessions','TimeToLiveSpecification':{'Enabled':false,'AttributeName':'exp'}}");
      assertThat(slow.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
          .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLING\",\"AttributeName\":\"exp\"}}");
      slow.clock.advance(Duration.ofSeconds(5));
      assertThat(slow.call("DescribeTimeToLive", "{'TableName':'sessions'}"))
          .isEqualTo("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}");
    }
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

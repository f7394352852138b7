package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ConsumedCapacity as the actions answer it, one action on top of another. */
class ConsumedCapacityActionsTest {
  private final EngineFixture db = new EngineFixture(new MemoryStore(), Duration.ZERO);

  @BeforeEach
  void createTable() {
    db.call("CreateTable", "{'TableName':'people','BillingMode':'PAY_PER_REQUEST',"
        + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},"
        + "{'AttributeName':'score','AttributeType':'N'},{'AttributeName':'city','AttributeType':'S'}],"
        + "'LocalSecondaryIndexes':[{'IndexName':'byScore','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'score','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byCity','KeySchema':[{'AttributeName':'city','KeyType':'HASH'}],"
        + "'Projection':{'ProjectionType':'ALL'}}]}");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void batchWriteItemSplitsItsUnitsByIndexWithIndexes() {
    String out = db.call("BatchWriteItem", "{'ReturnConsumedCapacity':'INDEXES','RequestItems':{'people':["
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'1'},'city':{'S':'Oslo'},'score':{'N':'1'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'2'},'city':{'S':'Rome'}}}},"
        + "{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'3'}}}}]}}");
    assertThat(out).isEqualTo("{\"UnprocessedItems\":{},\"ConsumedCapacity\":[{\"TableName\":\"people\","
        + "\"CapacityUnits\":6.0,\"Table\":{\"CapacityUnits\":3.0},"
        + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":2.0}},"
        + "\"LocalSecondaryIndexes\":{\"byScore\":{\"CapacityUnits\":1.0}}}]}");
  }

  @Test
  void aQueryPaysForWhatItReadBeforeTheFilter() {
    String big = "x".repeat(3000);
    for (int i = 0; i < 4; i++) {
      db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'a'},'sk':{'S':'" + i + "'},'v':{'S':'" + big + "'}}}");
    }
    // Four items of about 3 KB: 12 KB read, 3 units strongly consistent, whatever the filter keeps.
    String query = "{'TableName':'people','KeyConditionExpression':'pk = :a','ConsistentRead':true,"
        + "'ExpressionAttributeValues':{':a':{'S':'a'}},'ReturnConsumedCapacity':'TOTAL'";
    assertThat(db.call("Query", query + "}"))
        .endsWith("\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":3.0}}");
    assertThat(db.call("Query", query + ",'FilterExpression':'attribute_exists(nothing)'}"))
        .isEqualTo("{\"Items\":[],\"Count\":0,\"ScannedCount\":4,"
            + "\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":3.0}}");
  }

  @Test
  void aConditionCheckCostsWhatWritingTheCheckedItemCosts() {
    db.call("PutItem", "{'TableName':'people','Item':{'pk':{'S':'a'},'sk':{'S':'1'},'v':{'S':'" + "y".repeat(1500) + "'}}}");
    String out = db.call("TransactWriteItems", "{'ReturnConsumedCapacity':'INDEXES','TransactItems':["
        + "{'ConditionCheck':{'TableName':'people','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'ConditionExpression':'attribute_exists(v)'}},"
        + "{'Put':{'TableName':'people','Item':{'pk':{'S':'b'},'sk':{'S':'1'},'city':{'S':'Oslo'}}}}]}");
    // Check: 2 units of 1.5 KB, doubled; put: 1 unit, doubled, and its index entry once.
    assertThat(out).isEqualTo("{\"ConsumedCapacity\":[{\"TableName\":\"people\",\"CapacityUnits\":7.0,"
        + "\"WriteCapacityUnits\":7.0,\"Table\":{\"CapacityUnits\":6.0,\"WriteCapacityUnits\":6.0},"
        + "\"GlobalSecondaryIndexes\":{\"byCity\":{\"CapacityUnits\":1.0,\"WriteCapacityUnits\":1.0}}}]}");
  }

  @Test
  void transactGetItemsReportsReadUnitsInEveryPart() {
    assertThat(db.call("TransactGetItems", "{'ReturnConsumedCapacity':'INDEXES','TransactItems':["
        + "{'Get':{'TableName':'people','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}},"
        + "{'Get':{'TableName':'people','Key':{'pk':{'S':'a'},'sk':{'S':'2'}}}}]}"))
        .isEqualTo("{\"ConsumedCapacity\":[{\"TableName\":\"people\",\"CapacityUnits\":4.0,"
            + "\"ReadCapacityUnits\":4.0,\"Table\":{\"CapacityUnits\":4.0,\"ReadCapacityUnits\":4.0}}],"
            + "\"Responses\":[{},{}]}");
  }

  @Test
  void singleItemActionsReportNoReadOrWriteUnits() {
    assertThat(db.call("PutItem", "{'TableName':'people','ReturnConsumedCapacity':'INDEXES',"
        + "'Item':{'pk':{'S':'a'},'sk':{'S':'1'}}}"))
        .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"people\",\"CapacityUnits\":1.0,\"Table\":{\"CapacityUnits\":1.0}}}");
    assertThat(db.call("BatchGetItem", "{'ReturnConsumedCapacity':'TOTAL','RequestItems':{'people':{'Keys':["
        + "{'pk':{'S':'a'},'sk':{'S':'1'}},{'pk':{'S':'a'},'sk':{'S':'9'}}]}}}"))
        .endsWith("\"ConsumedCapacity\":[{\"TableName\":\"people\",\"CapacityUnits\":1.0}]}");
  }
}

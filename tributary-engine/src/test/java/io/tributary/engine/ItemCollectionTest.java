package io.tributary.engine;

import static io.tributary.engine.TableLifecycleTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.ErrorType;
import io.tributary.storage.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemCollectionTest {
  /** Small enough that a few items fill one partition key's collection. */
  private static final long LIMIT = 300;

  private final EngineFixture db =
      new EngineFixture(new MemoryStore(), new EngineConfig("123456789012", Duration.ZERO).withItemCollectionSizeLimit(LIMIT));

  @AfterEach
  void close() {
    db.close();
  }

  private void createTable(boolean withLocalIndex) {
    db.call("CreateTable", "{'TableName':'coll','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
        + "{'AttributeName':'sk','AttributeType':'S'}" + (withLocalIndex ? ",{'AttributeName':'v','AttributeType':'S'}" : "") + "],"
        + "'BillingMode':'PAY_PER_REQUEST'" + (withLocalIndex
            ? ",'LocalSecondaryIndexes':[{'IndexName':'byV','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
                + "{'AttributeName':'v','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]"
            : "") + "}");
  }

  private String put(String pk, String sk, String extra) {
    return db.call("PutItem", "{'TableName':'coll','Item':{'pk':{'S':'" + pk + "'},'sk':{'S':'" + sk + "'},"
        + "'v':{'S':'0123456789'},'pad':{'S':'0123456789012345678901234567890123456789'}}" + extra + "}");
  }

  @Test
  void localIndexesLimitACollection() {
    createTable(true);
    assertThat(put("a", "1", ",'ReturnItemCollectionMetrics':'SIZE'"))
        .isEqualTo("{\"ItemCollectionMetrics\":{\"ItemCollectionKey\":{\"pk\":{\"S\":\"a\"}},\"SizeEstimateRangeGB\":[0.0,1.0]}}");
    put("a", "2", "");
    assertError(() -> put("a", "3", ""), ErrorType.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
    // Another partition key is another collection; shrinking a full one is allowed.
    put("b", "1", "");
    db.call("UpdateItem", "{'TableName':'coll','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'UpdateExpression':'REMOVE #p','ExpressionAttributeNames':{'#p':'pad'}}");
    put("a", "3", "");
    assertThat(db.call("DeleteItem", "{'TableName':'coll','Key':{'pk':{'S':'a'},'sk':{'S':'3'}},'ReturnItemCollectionMetrics':'SIZE'}"))
        .contains("\"ItemCollectionKey\":{\"pk\":{\"S\":\"a\"}}");
  }

  @Test
  void tablesWithoutLocalIndexesHaveNoLimitAndNoMetrics() {
    createTable(false);
    for (int i = 0; i < 5; i++) {
      assertThat(put("a", "s" + i, ",'ReturnItemCollectionMetrics':'SIZE'")).isEqualTo("{}");
    }
  }
}

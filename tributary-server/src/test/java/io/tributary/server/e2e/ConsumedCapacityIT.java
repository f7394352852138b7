package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** ConsumedCapacity as the AWS SDK for Java v2 reads it, for TOTAL and INDEXES. */
class ConsumedCapacityIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String TABLE = Endpoint.uniqueTableName("capacity");

  @BeforeAll
  static void createTable() {
    client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(
            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("city").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("byCity")
            .keySchema(k -> k.attributeName("city").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
  }

  @AfterAll
  static void close() {
    client.deleteTable(b -> b.tableName(TABLE));
    client.close();
  }

  private static Map<String, AttributeValue> item(String pk, String city) {
    return Map.of("pk", AttributeValue.fromS(pk), "city", AttributeValue.fromS(city));
  }

  @Test
  void aWriteSplitsItsUnitsBetweenTheTableAndItsIndexes() {
    ConsumedCapacity put = client.putItem(b -> b.tableName(TABLE).item(item("a", "Oslo"))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(put.tableName()).isEqualTo(TABLE);
    assertThat(put.capacityUnits()).isEqualTo(2.0);
    assertThat(put.table().capacityUnits()).isEqualTo(1.0);
    assertThat(put.globalSecondaryIndexes().get("byCity").capacityUnits()).isEqualTo(1.0);
    // Outside transactions DynamoDB reports no read or write split.
    assertThat(put.writeCapacityUnits()).isNull();
    assertThat(put.readCapacityUnits()).isNull();

    var batch = client.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .requestItems(Map.of(TABLE, java.util.List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("b", "Rome")).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("c", "Rome")).build()).build()))));
    ConsumedCapacity perTable = batch.consumedCapacity().get(0);
    assertThat(perTable.capacityUnits()).isEqualTo(4.0);
    assertThat(perTable.globalSecondaryIndexes().get("byCity").capacityUnits()).isEqualTo(2.0);
  }

  @Test
  void anIndexQueryCostsTheIndexAndATransactionSaysReadOrWrite() {
    client.putItem(b -> b.tableName(TABLE).item(item("q", "Lima")));
    ConsumedCapacity query = client.query(b -> b.tableName(TABLE).indexName("byCity")
        .keyConditionExpression("city = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS("Lima")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(query.capacityUnits()).isEqualTo(0.5);
    assertThat(query.table().capacityUnits()).isEqualTo(0.0);
    assertThat(query.globalSecondaryIndexes().get("byCity").capacityUnits()).isEqualTo(0.5);

    ConsumedCapacity write = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(t -> t.put(p -> p.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("t"))))))
        .consumedCapacity().get(0);
    assertThat(write.capacityUnits()).isEqualTo(2.0);
    assertThat(write.writeCapacityUnits()).isEqualTo(2.0);
    assertThat(write.readCapacityUnits()).isNull();

    ConsumedCapacity read = client.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(t -> t.get(g -> g.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("t"))))))
        .consumedCapacity().get(0);
    assertThat(read.readCapacityUnits()).isEqualTo(2.0);
    assertThat(read.writeCapacityUnits()).isNull();
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Time to live end to end on a server that sweeps every 200 ms: an expired item is deleted, and
 * its deletion reaches the table's stream as a REMOVE by the service, as Lambda handlers expect.
 */
class TimeToLiveIT {
  private static TributaryServer server;
  private static DynamoDbClient client;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    server = TributaryServer.start(
        ServerConfig.inMemory().withTimeToLiveSweepInterval(Duration.ofMillis(200)));
    client = Endpoint.client(server.endpoint());
    streams = Endpoint.streamsClient(server.endpoint());
  }

  @AfterAll
  static void stop() {
    streams.close();
    client.close();
    server.close();
  }

  @Test
  void anExpiredItemIsDeletedAndItsStreamSaysTheServiceDidIt() throws InterruptedException {
    String table = "sessions";
    String streamArn = client.createTable(b -> b.tableName(table)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription().latestStreamArn();
    client.updateTimeToLive(b -> b.tableName(table)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    long now = Instant.now().getEpochSecond();
    // The item that stays first: a sweep may run as soon as the expired one is in.
    client.putItem(b -> b.tableName(table).item(Map.of(
        "id", AttributeValue.fromS("new"), "expires", AttributeValue.fromN(Long.toString(now + 3600)))));
    client.putItem(b -> b.tableName(table).item(Map.of(
        "id", AttributeValue.fromS("old"), "expires", AttributeValue.fromN(Long.toString(now - 60)))));
    Map<String, AttributeValue> oldKey = Map.of("id", AttributeValue.fromS("old"));
    for (int i = 0; i < 100 && client.getItem(b -> b.tableName(table).key(oldKey)).hasItem(); i++) {
      Thread.sleep(100);
    }
    assertThat(client.getItem(b -> b.tableName(table).key(oldKey)).hasItem()).isFalse();
    assertThat(client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("new")))).hasItem())
        .isTrue();

    String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();
    assertThat(records).extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE);
    Record removed = records.get(2);
    assertThat(removed.dynamodb().keys()).isEqualTo(oldKey);
    assertThat(removed.dynamodb().oldImage()).containsKey("expires");
    assertThat(removed.userIdentity().type()).isEqualTo("Service");
    assertThat(removed.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(records.get(0).userIdentity()).isNull();

    // Another change so soon is refused, as DynamoDB refuses one within about half an hour.
    assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName(table)
            .timeToLiveSpecification(s -> s.enabled(false).attributeName("expires"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("Time to live has been modified multiple times within a fixed interval");
        });
  }
}

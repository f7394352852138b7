package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API through the AWS SDK for Java v2's {@link DynamoDbStreamsClient}, on the
 * same endpoint as DynamoDB's.
 */
class StreamsIT {
  private static final DynamoDbStreamsClient streams = Endpoint.streamsClient();

  /**
   * Creates an on-demand table keyed by a string {@code id} whose stream carries new images, as
   * the consumer, crash and trigger tests want one; returns the stream's ARN.
   */
  static String createStreamTable(DynamoDbClient c, String name) {
    return c.createTable(b -> b.tableName(name)
            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
        .tableDescription()
        .latestStreamArn();
  }

  @AfterAll
  static void close() {
    streams.close();
  }

  /** The seed example of the DynamoDB Lambda docs: an INSERT, then a MODIFY of Id 101. */
  @Test
  void aTablesStreamCarriesItsChangesAsLambdaHandlersReceiveThem() {
    String table = Endpoint.uniqueTableName("streams");
    String arn;
    try (DynamoDbClient c = Endpoint.client()) {
      arn =
          c.createTable(b -> b.tableName(table)
                  .keySchema(k -> k.attributeName("Id").keyType(KeyType.HASH))
                  .attributeDefinitions(a -> a.attributeName("Id").attributeType(ScalarAttributeType.N))
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
              .tableDescription()
              .latestStreamArn();
      c.putItem(b -> b.tableName(table).item(Map.of(
          "Id", AttributeValue.fromN("101"), "Message", AttributeValue.fromS("New item!"))));
      c.updateItem(b -> b.tableName(table).key(Map.of("Id", AttributeValue.fromN("101")))
          .updateExpression("SET Message = :m")
          .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("This item has changed"))));
      assertThat(c.describeTable(b -> b.tableName(table)).table().streamSpecification().streamViewType())
          .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }
    assertThat(streams.listStreams(b -> b.tableName(table)).streams())
        .extracting(Stream::streamArn)
        .containsExactly(arn);
    StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(description.tableName()).isEqualTo(table);
    Shard shard = description.shards().get(0);
    assertThat(shard.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
    String iterator =
        streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterator));
    assertThat(page.records()).extracting(Record::eventNameAsString).containsExactly("INSERT", "MODIFY");
    Record modify = page.records().get(1);
    assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
    assertThat(modify.awsRegion()).isEqualTo("us-east-1");
    assertThat(modify.dynamodb().keys()).isEqualTo(Map.of("Id", AttributeValue.fromN("101")));
    assertThat(modify.dynamodb().oldImage().get("Message").s()).isEqualTo("New item!");
    assertThat(modify.dynamodb().newImage().get("Message").s()).isEqualTo("This item has changed");
    assertThat(modify.dynamodb().approximateCreationDateTime()).isNotNull();
    assertThat(modify.dynamodb().sizeBytes()).isPositive();
    // An open shard always gives the next iterator, with nothing new behind it yet.
    assertThat(streams.getRecords(b -> b.shardIterator(page.nextShardIterator())).records()).isEmpty();
  }

  @Test
  void unknownStreamsAndForgedIteratorsAreRefused() {
    String missing = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2020-01-01T00:00:00.000";
    assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(missing)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Requested resource not found: Stream: " + missing + " not found"));
    assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(missing + "|1|AAAA")))
        .isInstanceOfSatisfying(DynamoDbException.class, e ->
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void requestsAreValidatedAgainstTheStreamsModel() {
    assertThatThrownBy(() -> streams.listStreams(b -> b.limit(0)))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode())
                  .isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "1 validation error detected: Value '0' at 'limit' failed to satisfy"
                          + " constraint: Member must have value greater than or equal to 1");
              assertThat(e.requestId()).isNotBlank();
            });
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Scan (with the SDK's paginator and parallel segments) and the batch actions through the SDK. */
class ScanAndBatchIT {
  private static final DynamoDbClient client = Endpoint.client();
  private static final String TABLE = Endpoint.uniqueTableName("scan");
  private static final int ITEMS = 250;

  @BeforeAll
  static void fill() {
    client.createTable(TablesIT.users(TABLE).build());
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
          "username", AttributeValue.fromS("u" + (i % 23)),
          "last_name", AttributeValue.fromS(String.format("%04d", i)))).build()).build());
      if (batch.size() == 25) {
        List<WriteRequest> requests = List.copyOf(batch);
        assertThat(client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, requests))).unprocessedItems())
            .isEmpty();
        batch.clear();
      }
    }
  }

  @AfterAll
  static void close() {
    client.deleteTable(b -> b.tableName(TABLE));
    client.close();
  }

  @Test
  void paginatorReadsEveryItemOnce() {
    List<String> seen = new ArrayList<>();
    client.scanPaginator(b -> b.tableName(TABLE).limit(9)).items()
        .forEach(item -> seen.add(item.get("last_name").s()));
    assertThat(seen).hasSize(ITEMS).doesNotHaveDuplicates();
  }

  @Test
  void parallelSegmentsPartitionTheTable() {
    for (int total : new int[] {1, 3, 8, 100}) {
      Set<String> union = new HashSet<>();
      int count = 0;
      for (int segment = 0; segment < total; segment++) {
        int s = segment;
        for (var item : client.scanPaginator(b -> b.tableName(TABLE).segment(s).totalSegments(total).limit(40)).items()) {
          union.add(item.get("last_name").s());
          count++;
        }
      }
      assertThat(count).as("items over %d segments", total).isEqualTo(ITEMS);
      assertThat(union).hasSize(ITEMS);
    }
  }

  @Test
  void batchGetReturnsFoundItemsAndNoUnprocessedKeys() {
    var response = client.batchGetItem(b -> b.requestItems(Map.of(TABLE, KeysAndAttributes.builder()
        .keys(
            Map.of("username", AttributeValue.fromS("u0"), "last_name", AttributeValue.fromS("0000")),
            Map.of("username", AttributeValue.fromS("nobody"), "last_name", AttributeValue.fromS("x")))
        .consistentRead(true)
        .build())));
    assertThat(response.responses().get(TABLE)).hasSize(1);
    assertThat(response.unprocessedKeys()).isEmpty();
  }

  @Test
  void batchWriteDuplicatesAreRefused() {
    WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
        "username", AttributeValue.fromS("d"), "last_name", AttributeValue.fromS("d"))).build()).build();
    assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, List.of(put, put)))))
        .isInstanceOfSatisfying(DynamoDbException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Provided list of item keys contains duplicates"));
  }
}

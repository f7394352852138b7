package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * Query and Scan stream from storage a page at a time: a server with a 64 MB heap serves a
 * 160 MB table, all of it in one partition, without running out of memory.
 */
class LargeTableIT {
  private static final int ITEMS = 550;
  private static final int ITEM_BYTES = 300 * 1024;

  @TempDir Path data;

  @Test
  void pagesOfATableLargerThanTheHeap() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of("-Xmx64m"), "--data-dir", data.toString());
        DynamoDbClient client = Endpoint.client(server.endpoint())) {
      // On demand: 160 MB would take hours of a provisioned 5 write units.
      client.createTable(TablesIT.users("large").billingMode(BillingMode.PAY_PER_REQUEST)
          .provisionedThroughput((ProvisionedThroughput) null).build());
      String payload = "x".repeat(ITEM_BYTES);
      for (int i = 0; i < ITEMS; i++) {
        String sk = String.format("%05d", i);
        client.putItem(b -> b.tableName("large").item(Map.of(
            "username", AttributeValue.fromS("one-partition"),
            "last_name", AttributeValue.fromS(sk),
            "payload", AttributeValue.fromS(payload))));
      }
      int scanned = 0;
      for (var page : client.scanPaginator(b -> b.tableName("large").projectionExpression("last_name"))) {
        scanned += page.count();
      }
      assertThat(scanned).isEqualTo(ITEMS);
      int queried = 0;
      int pages = 0;
      for (var page : client.queryPaginator(b -> b.tableName("large")
          .keyConditionExpression("username = :u")
          .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("one-partition")))
          .projectionExpression("last_name"))) {
        queried += page.count();
        pages++;
      }
      assertThat(queried).isEqualTo(ITEMS);
      // 1 MB pages of 300 KB items: four items a page.
      assertThat(pages).isGreaterThanOrEqualTo(ITEMS / 4);
    }
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * With a transient-status delay (DynamoDB Local's -delayTransientStatuses), tables go through
 * CREATING and DELETING as in DynamoDB, and the SDK's waiters see them through.
 */
class TransientStatusesIT {

  @Test
  void waitersSeeTablesThroughTheirTransientStatuses() {
    try (TributaryServer server =
            TributaryServer.start(
                ServerConfig.inMemory().withTransientStatusDelay(Duration.ofMillis(1500)));
        DynamoDbClient client = Endpoint.client(server.endpoint())) {
      // The SDK's default waiter polls every 20 seconds; a user's test would poll faster too.
      DynamoDbWaiter waiter =
          DynamoDbWaiter.builder()
              .client(client)
              .overrideConfiguration(
                  o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(200))))
              .build();
      var created = client.createTable(TablesIT.users("slow").build()).tableDescription();
      assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
      assertThatThrownBy(() -> client.deleteTable(b -> b.tableName("slow")))
          .isInstanceOf(ResourceInUseException.class)
          .hasMessageStartingWith(
              "Attempt to change a resource which is still in use: Table is being created: slow");

      waiter.waitUntilTableExists(b -> b.tableName("slow"));
      assertThat(client.describeTable(b -> b.tableName("slow")).table().tableStatus())
          .isEqualTo(TableStatus.ACTIVE);

      assertThat(client.deleteTable(b -> b.tableName("slow")).tableDescription().tableStatus())
          .isEqualTo(TableStatus.DELETING);
      assertThat(client.describeTable(b -> b.tableName("slow")).table().tableStatus())
          .isEqualTo(TableStatus.DELETING);
      waiter.waitUntilTableNotExists(b -> b.tableName("slow"));
    }
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;

/**
 * A table with 5 write units through SDK clients as users build them: one with the SDK's default
 * retries backs off and gets every write through, at no more than the table's rate once its 300
 * seconds of burst are spent; one without retries sees the error itself.
 */
class ThrottlingIT {
  private static final String TABLE = Endpoint.uniqueTableName("throttled");
  private static final int WRITE_UNITS = 5;
  private static final double BURST = 300.0 * WRITE_UNITS;
  private static DynamoDbClient admin;

  @BeforeAll
  static void createTable() {
    Assumptions.assumeFalse(Endpoint.external(), "needs a server that throttles from a fresh burst");
    admin = Endpoint.client();
    admin.createTable(TablesIT.users(TABLE)
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits((long) WRITE_UNITS)).build());
  }

  @AfterAll
  static void close() {
    if (admin != null) {
      admin.deleteTable(b -> b.tableName(TABLE));
      admin.close();
    }
  }

  /** Counts the attempts the SDK saw throttled, from its own metrics. */
  private static final class ThrottledAttempts implements MetricPublisher {
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();

    @Override
    public void publish(MetricCollection call) {
      call.metricValues(CoreMetric.RETRY_COUNT).forEach(retries::addAndGet);
      for (MetricCollection attempt : call.children()) {
        if (attempt.metricValues(CoreMetric.ERROR_TYPE).contains("Throttling")) {
          throttled.incrementAndGet();
        }
      }
    }

    @Override
    public void close() {}
  }

  private static DynamoDbClient client(MetricPublisher metrics) {
    return Endpoint.configure(DynamoDbClient.builder(), Endpoint.uri())
        .overrideConfiguration(o -> o.addMetricPublisher(metrics))
        .build();
  }

  private static Map<String, AttributeValue> item(String user, int bytes) {
    return Map.of(
        "username", AttributeValue.fromS(user),
        "last_name", AttributeValue.fromS("x"),
        "payload", AttributeValue.fromS("p".repeat(bytes)));
  }

  @Test
  void aClientWithDefaultRetriesBacksOffAndWritesEverythingAtTheTablesRate() {
    ThrottledAttempts metrics = new ThrottledAttempts();
    try (DynamoDbClient client = client(metrics)) {
      // Writes of 10 units until the burst is spent and the SDK has met the throttle (about 150
      // of them, more if the writes are slow enough for the rate to top the bucket up), then 20
      // more of one unit at the table's rate.
      long started = System.nanoTime();
      double units = 0;
      int written = 0;
      while (metrics.throttled.get() == 0 && written < 1000) {
        String user = "big" + written;
        client.putItem(b -> b.tableName(TABLE).item(item(user, 9 * 1024)));
        units += 10;
        written++;
      }
      for (int i = 0; i < 20; i++) {
        String user = "small" + i;
        client.putItem(b -> b.tableName(TABLE).item(item(user, 10)));
        units += 1;
        written++;
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(metrics.throttled.get()).isPositive();
      assertThat(metrics.retries.get()).isGreaterThanOrEqualTo(metrics.throttled.get());
      // Never more than the burst plus what the rate earned (and one write let in on credit).
      assertThat(units).isLessThanOrEqualTo(BURST + WRITE_UNITS * seconds + 10);
      assertThat(seconds).isGreaterThan((units - BURST - 10) / WRITE_UNITS);
      assertThat(admin.scanPaginator(b -> b.tableName(TABLE).select("COUNT")).stream()
              .mapToInt(page -> page.count()).sum())
          .isEqualTo(written);
    }
  }

  @Test
  void aClientWithoutRetriesSeesTheErrorItself() {
    try (DynamoDbClient client = Endpoint.clientWithoutRetries(Endpoint.uri())) {
      String table = Endpoint.uniqueTableName("oneunit");
      admin.createTable(TablesIT.users(table)
          .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build());
      // A 380 KB item costs 380 units of the 300 a 1-unit table saves.
      client.putItem(b -> b.tableName(table).item(item("big", 380 * 1024)));
      assertThatThrownBy(() -> client.putItem(b -> b.tableName(table).item(item("next", 1))))
          .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "The level of configured provisioned throughput for the table was exceeded."
                    + " Consider increasing your provisioning level with the UpdateTable API.");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.isThrottlingException()).isTrue();
            assertThat(e.throttlingReasons()).containsExactly(ThrottlingReason.builder()
                .reason("TableWriteProvisionedThroughputExceeded")
                .resource("arn:aws:dynamodb:us-east-1:000000000000:table/" + table)
                .build());
          });
      assertThat(admin.getItem(b -> b.tableName(table).key(Map.of(
          "username", AttributeValue.fromS("next"), "last_name", AttributeValue.fromS("x")))).hasItem())
          .isFalse();
      // UpdateTable raises the rate at once: at 1000 units a second the debt is paid at once.
      admin.updateTable(b -> b.tableName(table).provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1000L)));
      sleep(200);
      client.putItem(b -> b.tableName(table).item(item("next", 1)));
      admin.deleteTable(b -> b.tableName(table));
    }
  }

  @Test
  void anOnDemandMaximumIsHeldToAndTheSdkSeesAThrottle() {
    try (DynamoDbClient client = Endpoint.clientWithoutRetries(Endpoint.uri())) {
      String table = Endpoint.uniqueTableName("capped");
      admin.createTable(TablesIT.users(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .provisionedThroughput((ProvisionedThroughput) null)
          .onDemandThroughput(o -> o.maxReadRequestUnits(1L)).build());
      assertThat(admin.describeTable(b -> b.tableName(table)).table().onDemandThroughput().maxReadRequestUnits())
          .isEqualTo(1L);
      client.putItem(b -> b.tableName(table).item(item("big", 8 * 1024)));
      // A strongly consistent read of 8 KB costs 2 of the one unit a second saved.
      client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
          "username", AttributeValue.fromS("big"), "last_name", AttributeValue.fromS("x"))));
      assertThatThrownBy(() -> client.getItem(b -> b.tableName(table).key(Map.of(
              "username", AttributeValue.fromS("big"), "last_name", AttributeValue.fromS("x")))))
          .isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.isThrottlingException()).isTrue();
          });
      admin.deleteTable(b -> b.tableName(table));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}

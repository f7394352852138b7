package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * Nothing acknowledged is lost: writers put items concurrently, the server is killed with SIGKILL
 * in the middle, and after a restart on the same data directory every acknowledged write is
 * there, with the value acknowledged.
 */
class CrashRecoveryIT {
  private static final int WRITERS = 4;

  @TempDir Path data;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString())) {
      try (DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
        // On demand, so that the writers are never throttled before the kill.
        c.createTable(TablesIT.users("crash").billingMode(BillingMode.PAY_PER_REQUEST)
            .provisionedThroughput((ProvisionedThroughput) null).build());
      }
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch warmedUp = new CountDownLatch(WRITERS);
      Thread[] writers = new Thread[WRITERS];
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers[w] = Thread.ofPlatform().start(() -> {
          try (DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
            for (int i = 0; !stop.get(); i++) {
              String user = "w" + writer + "-" + i;
              String value = "v" + i;
              try {
                c.putItem(b -> b.tableName("crash").item(Map.of(
                    "username", AttributeValue.fromS(user),
                    "last_name", AttributeValue.fromS("x"),
                    "value", AttributeValue.fromS(value))));
                acknowledged.put(user, value);
                if (i == 50) {
                  warmedUp.countDown();
                }
              } catch (RuntimeException e) {
                return; // the server is gone
              }
            }
          }
        });
      }
      warmedUp.await();
      Thread.sleep(300);
      server.kill();
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(WRITERS * 50);

    try (ServerProcess restarted = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient c = Endpoint.clientWithoutRetries(restarted.endpoint())) {
      for (Map.Entry<String, String> e : acknowledged.entrySet()) {
        Map<String, AttributeValue> item = c.getItem(b -> b.tableName("crash").key(Map.of(
            "username", AttributeValue.fromS(e.getKey()),
            "last_name", AttributeValue.fromS("x")))).item();
        assertThat(item).as("acknowledged write %s", e.getKey()).isNotEmpty();
        assertThat(item.get("value").s()).isEqualTo(e.getValue());
      }
      assertThat(c.describeTable(b -> b.tableName("crash")).table().itemCount())
          .isGreaterThanOrEqualTo(acknowledged.size());
    }
  }

  @Test
  void stateSurvivesACleanRestart() throws Exception {
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
      c.createTable(TablesIT.users("kept").deletionProtectionEnabled(true).build());
      c.putItem(b -> b.tableName("kept").item(Map.of(
          "username", AttributeValue.fromS("jdoe"), "last_name", AttributeValue.fromS("Doe"))));
    }
    try (ServerProcess server = ServerProcess.start("--data-dir", data.toString());
        DynamoDbClient c = Endpoint.clientWithoutRetries(server.endpoint())) {
      var table = c.describeTable(b -> b.tableName("kept")).table();
      assertThat(table.itemCount()).isEqualTo(1);
      assertThat(table.deletionProtectionEnabled()).isTrue();
      assertThat(c.getItem(b -> b.tableName("kept").key(Map.of(
          "username", AttributeValue.fromS("jdoe"), "last_name", AttributeValue.fromS("Doe")))).item())
          .containsEntry("last_name", AttributeValue.fromS("Doe"));
    }
  }
}

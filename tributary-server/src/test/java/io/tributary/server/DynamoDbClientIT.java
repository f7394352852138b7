package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The AWS SDK for Java v2 against an in-memory server. The SDK's DynamoDB client checks
 * x-amz-crc32 on every answer, so these also check the CRC from the client's side.
 *
 * <p>These need the engine's ListTables and DescribeTable actions; the HTTP surface without
 * actions is {@link HttpSurfaceIT}'s.
 */
class DynamoDbClientIT {
  private static TributaryServer server;
  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    server = TributaryServer.start(ServerConfig.inMemory());
    client =
        DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void listTables() {
    ListTablesResponse response = client.listTables();
    assertThat(response.tableNames()).isEmpty();
    assertThat(response.responseMetadata().requestId()).matches("[0-9A-Z]{52}");
  }

  @Test
  void errorsReachTheSdkAsDynamoDbErrors() {
    assertThatThrownBy(() -> client.describeTable(b -> b.tableName("no_such_table")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Requested resource not found: Table: no_such_table not found");
              assertThat(e.requestId()).matches("[0-9A-Z]{52}");
            });
  }
}

package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Table actions through the AWS SDK for Java v2, as a user calls them. */
class TablesIT {
  private static final DynamoDbClient client = Endpoint.client();

  @AfterAll
  static void close() {
    client.close();
  }

  static CreateTableRequest.Builder users(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .keySchema(
            KeySchemaElement.builder().attributeName("username").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("last_name").keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName("username")
                .attributeType(ScalarAttributeType.S)
                .build(),
            AttributeDefinition.builder()
                .attributeName("last_name")
                .attributeType(ScalarAttributeType.S)
                .build())
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L));
  }

  @Test
  void createDescribeDelete() {
    String name = Endpoint.uniqueTableName("users");
    TableDescription created = client.createTable(users(name).build()).tableDescription();
    assertThat(created.tableName()).isEqualTo(name);
    assertThat(created.tableArn()).matches("arn:aws:dynamodb:us-east-1:\\d{12}:table/" + name);
    assertThat(created.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.keySchema()).extracting(KeySchemaElement::keyType)
        .containsExactly(KeyType.HASH, KeyType.RANGE);

    client.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription described = client.describeTable(b -> b.tableName(name)).table();
    assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(described.itemCount()).isZero();
    assertThat(described.tableSizeBytes()).isZero();
    assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(described.creationDateTime()).isNotNull();
    assertThat(described.deletionProtectionEnabled()).isFalse();

    assertThat(client.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus())
        .isEqualTo(TableStatus.DELETING);
    client.waiter().waitUntilTableNotExists(b -> b.tableName(name));
    assertThatThrownBy(() -> client.describeTable(b -> b.tableName(name)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Table: " + name + " not found");
  }

  @Test
  void duplicateCreateIsResourceInUse() {
    String name = Endpoint.uniqueTableName("dup");
    client.createTable(users(name).build());
    assertThatThrownBy(() -> client.createTable(users(name).build()))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageStartingWith("Table already exists: " + name);
  }

  @Test
  void listTablesPaginates() {
    String prefix = Endpoint.uniqueTableName("list");
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(prefix + "-" + i);
      client.createTable(users(prefix + "-" + i).build());
    }
    List<String> seen = new ArrayList<>();
    client.listTablesPaginator(b -> b.limit(2)).tableNames().forEach(seen::add);
    assertThat(seen).containsSubsequence(mine);
    assertThat(seen).isSorted();
  }

  @Test
  void updateBillingModeAndDeletionProtection() {
    String name = Endpoint.uniqueTableName("upd");
    client.createTable(users(name).deletionProtectionEnabled(true).build());
    assertThatThrownBy(() -> client.deleteTable(b -> b.tableName(name)))
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
              "Resource cannot be deleted as it is currently protected against deletion."
                  + " Disable deletion protection first.");
        });
    TableDescription onDemand =
        client.updateTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST))
            .tableDescription();
    assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
    client.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
    client.deleteTable(b -> b.tableName(name));
  }

  @Test
  void validationErrorsHaveDynamoDbsMessages() {
    assertValidation(
        () -> client.createTable(users("ab").build()),
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 3");
    assertValidation(
        () -> client.createTable(users(Endpoint.uniqueTableName("ppr"))
            .billingMode(BillingMode.PAY_PER_REQUEST).build()),
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
            + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    assertValidation(
        () -> client.createTable(users(Endpoint.uniqueTableName("nopt"))
            .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
            .build()),
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
            + " must both be specified when BillingMode is PROVISIONED");
  }

  @Test
  void tablesLiveInTheRegionOfTheCredentialScope() {
    String name = Endpoint.uniqueTableName("region");
    try (DynamoDbClient ireland =
        DynamoDbClient.builder()
            .endpointOverride(Endpoint.uri())
            .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "OTHERKEY", "other")))
            .build()) {
      TableDescription created = ireland.createTable(users(name).build()).tableDescription();
      assertThat(created.tableArn()).startsWith("arn:aws:dynamodb:eu-west-1:");
      assertThatThrownBy(() -> client.describeTable(b -> b.tableName(name)))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(ireland.describeTable(b -> b.tableName(name)).table().tableName()).isEqualTo(name);
      ireland.deleteTable(b -> b.tableName(name));
    }
  }

  @Test
  void featuresStillToComeAreRefusedNotIgnored() {
    // Streams came; global tables are still to come.
    String name = Endpoint.uniqueTableName("replicas");
    client.createTable(users(name).build());
    assertThatThrownBy(
            () ->
                client.updateTable(b -> b.tableName(name)
                    .replicaUpdates(r -> r.create(c -> c.regionName("eu-west-1")))))
        .isInstanceOfSatisfying(DynamoDbException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).contains("ReplicaUpdates"));
    client.deleteTable(b -> b.tableName(name));
  }

  static void assertValidation(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
  }
}

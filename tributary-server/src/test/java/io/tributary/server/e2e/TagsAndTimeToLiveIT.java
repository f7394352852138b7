package io.tributary.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tags, time-to-live settings and DescribeLimits through the AWS SDK for Java v2. */
class TagsAndTimeToLiveIT {
  private static final DynamoDbClient client = Endpoint.client();

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void tagsFollowTheTable() {
    String name = Endpoint.uniqueTableName("tags");
    String arn = client.createTable(TablesIT.users(name).tags(Tag.builder().key("team").value("core").build()).build())
        .tableDescription().tableArn();
    client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build()));
    assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .extracting(Tag::key).containsExactly("team", "env");
    client.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
    assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
    assertThatThrownBy(() -> client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("aws:x").value("v").build())))
        .isInstanceOfSatisfying(DynamoDbException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:x"));
    client.deleteTable(b -> b.tableName(name));
    assertThatThrownBy(() -> client.listTagsOfResource(b -> b.resourceArn(arn)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: ResourcArn: " + arn + " not found");
  }

  @Test
  void timeToLiveSettings() {
    String name = Endpoint.uniqueTableName("ttl");
    client.createTable(TablesIT.users(name).build());
    assertThat(client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    var described = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    assertThat(described.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(described.attributeName()).isEqualTo("expires");
    assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName(name)
            .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))))
        .isInstanceOfSatisfying(DynamoDbException.class, e ->
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("TimeToLive is already enabled"));
    client.deleteTable(b -> b.tableName(name));
  }

  @Test
  void describeEndpointsNamesThisServerSoEndpointDiscoveryStaysHere() {
    var endpoints = client.describeEndpoints(b -> {}).endpoints();
    assertThat(endpoints).hasSize(1);
    assertThat(endpoints.get(0).cachePeriodInMinutes()).isEqualTo(1440L);
    if (!Endpoint.external()) {
      assertThat(endpoints.get(0).address()).isEqualTo(Endpoint.uri().getAuthority());
    }
    // A client that discovers its endpoint asks DescribeEndpoints, then sends its calls there.
    try (DynamoDbClient discovering = Endpoint.configure(DynamoDbClient.builder(), Endpoint.uri())
        .endpointDiscoveryEnabled(true)
        .build()) {
      assertThat(discovering.listTables().tableNames()).isNotNull();
    }
  }

  @Test
  void limits() {
    var limits = client.describeLimits();
    assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000L);
    assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000L);
  }
}

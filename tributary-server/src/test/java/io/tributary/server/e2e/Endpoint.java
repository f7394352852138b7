package io.tributary.server.e2e;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The endpoint the end-to-end tests talk to: a Tributary started in-process on a free port, or
 * any DynamoDB-compatible endpoint given with {@code -Dtributary.endpoint=URL}, so the same tests
 * can be checked against another server.
 */
final class Endpoint {
  private static TributaryServer server;
  private static URI uri;

  private Endpoint() {}

  static synchronized URI uri() {
    if (uri == null) {
      String given = System.getProperty("tributary.endpoint");
      if (given != null && !given.isBlank()) {
        uri = URI.create(given);
      } else {
        server = TributaryServer.start(ServerConfig.inMemory());
        uri = server.endpoint();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      }
    }
    return uri;
  }

  /** Whether the tests run against an endpoint given with -Dtributary.endpoint. */
  static boolean external() {
    String given = System.getProperty("tributary.endpoint");
    return given != null && !given.isBlank();
  }

  /** A client as a user would build one, with dummy credentials. */
  static DynamoDbClient client() {
    return client(uri());
  }

  /** A client of another server, such as one a test starts with settings of its own. */
  static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
  }

  /** A DynamoDB Streams client as a user would build one: same endpoint, dummy credentials. */
  static DynamoDbStreamsClient streamsClient() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
  }

  /** A table name no other test uses. */
  static String uniqueTableName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

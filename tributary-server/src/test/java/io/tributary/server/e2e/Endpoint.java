package io.tributary.server.e2e;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

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

  /**
   * Points an SDK client builder at {@code endpoint} in us-east-1 with dummy credentials, as a
   * user would; the caller adds what its test needs (no retries, an interceptor) and builds.
   */
  static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
  }

  /** A client as a user would build one, with dummy credentials. */
  static DynamoDbClient client() {
    return client(uri());
  }

  /** A client of another server, such as one a test starts with settings of its own. */
  static DynamoDbClient client(URI endpoint) {
    return configure(DynamoDbClient.builder(), endpoint).build();
  }

  /**
   * A client that sends every call once: what a test counts is what the server said, and a write
   * a server never answered is not retried into the server restarted after it.
   */
  static DynamoDbClient clientWithoutRetries(URI endpoint) {
    return configure(DynamoDbClient.builder(), endpoint)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A DynamoDB Streams client as a user would build one: same endpoint, dummy credentials. */
  static DynamoDbStreamsClient streamsClient() {
    return streamsClient(uri());
  }

  static DynamoDbStreamsClient streamsClient(URI endpoint) {
    return configure(DynamoDbStreamsClient.builder(), endpoint).build();
  }

  /** A Lambda client; Tributary serves Lambda's API on the same endpoint as DynamoDB's. */
  static LambdaClient lambdaClient(URI endpoint) {
    return configure(LambdaClient.builder(), endpoint).build();
  }

  /** A table name no other test uses. */
  static String uniqueTableName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

package io.tributary.bench.ycsb;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one SDK client all of a YCSB run's threads share (YCSB makes one binding per thread; one
 * connection pool keeps the connection count at the thread count). Closed when the last binding
 * is cleaned up.
 */
final class SharedClient {
  private static DynamoDbClient client;
  private static int users;

  private SharedClient() {}

  static synchronized DynamoDbClient acquire(BindingSettings settings) {
    if (client == null) {
      client =
          DynamoDbClient.builder()
              .endpointOverride(URI.create(settings.endpoint()))
              .region(Region.of(settings.region()))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
              .httpClientBuilder(
                  ApacheHttpClient.builder()
                      .maxConnections(settings.maxConnections())
                      .tcpKeepAlive(true)
                      .connectionTimeout(Duration.ofSeconds(10))
                      .socketTimeout(Duration.ofSeconds(60)))
              // A benchmark shows failures; retries would hide them in the latency.
              .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
              .build();
    }
    users++;
    return client;
  }

  static synchronized void release() {
    if (--users == 0) {
      client.close();
      client = null;
    }
  }
}

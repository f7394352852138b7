package io.tributary.server.http;

import io.tributary.triggers.rest.LambdaApi;

/**
 * The services one endpoint serves: DynamoDB ({@code DynamoDB_20120810.*}), DynamoDB Streams
 * ({@code DynamoDBStreams_20120810.*}), CloudWatch Logs ({@code Logs_20140328.*}) and the Lambda
 * REST API ({@code /2015-03-31/...}).
 */
public record Services(
    Operations dynamoDb, Operations streams, Operations logs, LambdaApi lambda) {

  /** DynamoDB's actions only. */
  public static Services dynamoDb(Operations dynamoDb) {
    return new Services(
        dynamoDb,
        Operations.NONE,
        Operations.NONE,
        request -> {
          throw io.tributary.triggers.rest.LambdaException.resourceNotFound(
              "No Lambda API here: " + request.path());
        });
  }
}

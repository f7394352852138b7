package io.tributary.triggers.logs;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;

/**
 * CloudWatch Logs' errors, with its texts. The not-found texts end with a full stop and the
 * already-exists texts do not, as the service words them.
 */
final class LogErrors {
  private LogErrors() {}

  static DynamoDbException groupNotFound() {
    return DynamoDbException.of(
        ErrorType.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
  }

  static DynamoDbException streamNotFound() {
    return DynamoDbException.of(
        ErrorType.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
  }

  static DynamoDbException groupExists() {
    return DynamoDbException.of(
        ErrorType.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log group already exists");
  }

  static DynamoDbException streamExists() {
    return DynamoDbException.of(
        ErrorType.LOGS_RESOURCE_ALREADY_EXISTS, "The specified log stream already exists");
  }

  static DynamoDbException invalidParameter(String message) {
    return DynamoDbException.of(ErrorType.LOGS_INVALID_PARAMETER, message);
  }

  static DynamoDbException invalidToken() {
    return invalidParameter("The specified nextToken is invalid.");
  }
}

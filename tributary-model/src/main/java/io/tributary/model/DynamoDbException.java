package io.tributary.model;

import java.util.Map;

/**
 * An error a client caused (or, for {@link ErrorType#INTERNAL_SERVER_ERROR}, one it did not):
 * rendered as DynamoDB renders it. Throwing one must leave nothing changed.
 */
public final class DynamoDbException extends RuntimeException {
  private final ErrorType type;
  private final Map<String, AttributeValue> item;

  private DynamoDbException(ErrorType type, String message, Map<String, AttributeValue> item) {
    super(message, null, false, false);
    this.type = type;
    this.item = item;
  }

  public static DynamoDbException of(ErrorType type, String message) {
    return new DynamoDbException(type, message, null);
  }

  public static DynamoDbException validation(String message) {
    return of(ErrorType.VALIDATION, message);
  }

  public static DynamoDbException serialization(String message) {
    return of(ErrorType.SERIALIZATION, message);
  }

  public static DynamoDbException resourceNotFound(String message) {
    return of(ErrorType.RESOURCE_NOT_FOUND, message);
  }

  public static DynamoDbException resourceInUse(String message) {
    return of(ErrorType.RESOURCE_IN_USE, message);
  }

  /** The condition failed; {@code item} is the current item when the client asked for it. */
  public static DynamoDbException conditionalCheckFailed(
      String message, Map<String, AttributeValue> item) {
    return new DynamoDbException(ErrorType.CONDITIONAL_CHECK_FAILED, message, item);
  }

  public ErrorType type() {
    return type;
  }

  /** The item returned with a ConditionalCheckFailedException, or null. */
  public Map<String, AttributeValue> item() {
    return item;
  }
}

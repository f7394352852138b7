package io.tributary.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An error a client caused (or, for {@link ErrorType#INTERNAL_SERVER_ERROR}, one it did not):
 * rendered as DynamoDB renders it. Throwing one must leave nothing changed.
 */
public final class DynamoDbException extends RuntimeException {
  private final ErrorType type;
  private final Map<String, AttributeValue> item;
  private final List<CancellationReason> cancellationReasons;
  private final List<ThrottlingReason> throttlingReasons;

  private DynamoDbException(
      ErrorType type,
      String message,
      Map<String, AttributeValue> item,
      List<CancellationReason> cancellationReasons,
      List<ThrottlingReason> throttlingReasons) {
    super(message, null, false, false);
    this.type = type;
    this.item = item;
    this.cancellationReasons = cancellationReasons;
    this.throttlingReasons = throttlingReasons;
  }

  public static DynamoDbException of(ErrorType type, String message) {
    return new DynamoDbException(type, message, null, null, null);
  }

  /**
   * A request refused for throughput (ProvisionedThroughputExceededException or
   * ThrottlingException), with the reasons DynamoDB lists.
   */
  public static DynamoDbException throttled(
      ErrorType type, String message, List<ThrottlingReason> reasons) {
    return new DynamoDbException(type, message, null, null, List.copyOf(reasons));
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
    return new DynamoDbException(ErrorType.CONDITIONAL_CHECK_FAILED, message, item, null, null);
  }

  /** A transaction was cancelled; one reason per action, in request order. */
  public static DynamoDbException transactionCanceled(List<CancellationReason> reasons) {
    String codes = reasons.stream().map(CancellationReason::code).collect(Collectors.joining(", "));
    return new DynamoDbException(
        ErrorType.TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons ["
            + codes
            + "]",
        null,
        List.copyOf(reasons),
        null);
  }

  public ErrorType type() {
    return type;
  }

  /** The item returned with a ConditionalCheckFailedException, or null. */
  public Map<String, AttributeValue> item() {
    return item;
  }

  /** The reasons of a TransactionCanceledException, or null. */
  public List<CancellationReason> cancellationReasons() {
    return cancellationReasons;
  }

  /** The reasons of a throttling error, or null. */
  public List<ThrottlingReason> throttlingReasons() {
    return throttlingReasons;
  }
}

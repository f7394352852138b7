package io.tributary.model;

/**
 * The DynamoDB error types a client can see: the exact {@code __type} with its namespace, the
 * HTTP status, and whether the SDKs retry it. The same endpoint also serves CloudWatch Logs,
 * whose errors are here too ({@code LOGS_*}).
 */
public enum ErrorType {
  VALIDATION("com.amazon.coral.validate#ValidationException", 400, false),
  SERIALIZATION("com.amazon.coral.service#SerializationException", 400, false),
  UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400, false),
  ACCESS_DENIED("com.amazon.coral.service#AccessDeniedException", 400, false),
  UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", 400, false),
  MISSING_AUTHENTICATION_TOKEN(
      "com.amazon.coral.service#MissingAuthenticationTokenException", 400, false),
  INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException", 400, false),
  INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException", 400, false),
  REQUEST_ENTITY_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413, false),
  THROTTLING("com.amazon.coral.availability#ThrottlingException", 400, true),
  RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400, false),
  RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400, false),
  CONDITIONAL_CHECK_FAILED(
      "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400, false),
  LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", 400, false),
  PROVISIONED_THROUGHPUT_EXCEEDED(
      "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400, true),
  REQUEST_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#RequestLimitExceeded", 400, true),
  ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(
      "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400, false),
  TRANSACTION_CANCELED(
      "com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400, false),
  TRANSACTION_CONFLICT(
      "com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400, false),
  TRANSACTION_IN_PROGRESS(
      "com.amazonaws.dynamodb.v20120810#TransactionInProgressException", 400, false),
  IDEMPOTENT_PARAMETER_MISMATCH(
      "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400, false),
  // DynamoDB Streams' own errors; the Streams API shares DynamoDB's namespace.
  EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400, false),
  TRIMMED_DATA_ACCESS(
      "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400, false),
  INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500, true),
  // CloudWatch Logs' errors (X-Amz-Target Logs_20140328.*). Its __type carries no namespace, as
  // the service's answers show: {"__type":"InvalidParameterException","message":"..."}. It also
  // reports a request that breaks its model's constraints as InvalidParameterException.
  LOGS_INVALID_PARAMETER("InvalidParameterException", 400, false),
  LOGS_RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, false),
  LOGS_RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400, false);

  private final String wireType;
  private final int httpStatus;
  private final boolean retryable;

  ErrorType(String wireType, int httpStatus, boolean retryable) {
    this.wireType = wireType;
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The {@code __type} value, with its namespace. */
  public String wireType() {
    return wireType;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean retryable() {
    return retryable;
  }
}

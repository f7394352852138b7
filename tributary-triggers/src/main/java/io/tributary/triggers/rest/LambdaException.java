package io.tributary.triggers.rest;

/**
 * An error a client of the Lambda API caused, rendered as Lambda does: header {@code
 * x-amzn-ErrorType: <type>} and body {@code {"Type":"User","message":"..."}} (or {@code
 * "Message"}, as each error shape of Lambda's model spells it). Throwing one changes nothing.
 */
public final class LambdaException extends RuntimeException {
  private final String type;
  private final int status;
  private final boolean capitalMessage;

  public LambdaException(String type, int status, boolean capitalMessage, String message) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
    this.capitalMessage = capitalMessage;
  }

  public static LambdaException resourceNotFound(String message) {
    return new LambdaException("ResourceNotFoundException", 404, true, message);
  }

  public static LambdaException conflict(String message) {
    return new LambdaException("ResourceConflictException", 409, false, message);
  }

  public static LambdaException invalidParameter(String message) {
    return new LambdaException("InvalidParameterValueException", 400, false, message);
  }

  public static LambdaException validation(String message) {
    return new LambdaException("ValidationException", 400, false, message);
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  /** Whether the body spells the member {@code Message} rather than {@code message}. */
  public boolean capitalMessage() {
    return capitalMessage;
  }
}

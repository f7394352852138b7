package io.tributary.engine.shape;

import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.List;

/**
 * Checks a request against its operation's input shape before the action runs, as DynamoDB's
 * front end does, with DynamoDB's exact errors. Two passes, in DynamoDB's order:
 *
 * <ol>
 *   <li>{@link #checkTypes}: each member's JSON type; the first mismatch in document order is a
 *       SerializationException.
 *   <li>{@link #checkConstraints}: required members, lengths, value ranges, patterns and enums;
 *       all violations (at most ten) in one ValidationException, e.g. {@code 1 validation error
 *       detected: Value null at 'tableName' failed to satisfy constraint: Member must not be
 *       null}.
 * </ol>
 *
 * <p>Members the model does not know are ignored, as DynamoDB ignores them, and a JSON null is an
 * absent member. AttributeValue positions (item values, keys, expression values) are only checked
 * to be JSON objects: their contents have DynamoDB's own messages and belong to the item model,
 * whose type checks must run between the two passes here to keep DynamoDB's order. Thread-safe.
 */
public final class ShapeValidator {
  private final ServiceModel model;

  public ShapeValidator(ServiceModel model) {
    this.model = model;
  }

  /** The validator for DynamoDB's operations. */
  public static ShapeValidator dynamoDb() {
    return DynamoDbHolder.VALIDATOR;
  }

  /** The validator for DynamoDB Streams' operations. */
  public static ShapeValidator dynamoDbStreams() {
    return StreamsHolder.VALIDATOR;
  }

  public ServiceModel model() {
    return model;
  }

  public boolean hasOperation(String operation) {
    return model.hasOperation(operation);
  }

  /**
   * Both passes: {@link #checkTypes} then {@link #checkConstraints}. Does nothing for an
   * operation the model lacks; the caller answers that with UnknownOperationException.
   *
   * @throws DynamoDbException SerializationException or ValidationException
   */
  public void validate(String operation, Json.Obj request) {
    checkTypes(operation, request);
    checkConstraints(operation, request);
  }

  /**
   * Throws DynamoDB's SerializationException for the first member, in document order, whose JSON
   * type its shape cannot take.
   */
  public void checkTypes(String operation, Json.Obj request) {
    Shape.Structure input = model.input(operation);
    if (input != null) {
      new TypeCheck(model).check(input, request);
    }
  }

  /**
   * Throws DynamoDB's ValidationException listing the request's constraint violations. Expects a
   * request that {@link #checkTypes} accepted.
   */
  public void checkConstraints(String operation, Json.Obj request) {
    Shape.Structure input = model.input(operation);
    if (input == null) {
      return;
    }
    List<String> errors = new ConstraintCheck(model).check(input, request);
    if (!errors.isEmpty()) {
      throw DynamoDbException.validation(message(errors));
    }
  }

  /** DynamoDB's aggregate: "N validation error(s) detected: " and the violations joined by "; ". */
  static String message(List<String> errors) {
    return errors.size()
        + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ")
        + String.join("; ", errors);
  }

  /** A member's name in DynamoDB's paths: the wire name with its first letter in lower case. */
  static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static final class DynamoDbHolder {
    static final ShapeValidator VALIDATOR = new ShapeValidator(ServiceModel.dynamoDb());
  }

  private static final class StreamsHolder {
    static final ShapeValidator VALIDATOR = new ShapeValidator(ServiceModel.dynamoDbStreams());
  }
}

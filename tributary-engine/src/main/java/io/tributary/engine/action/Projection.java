package io.tributary.engine.action;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which attributes of an item a read returns: all of them, or those named by AttributesToGet
 * (ProjectionExpression comes with the expression language).
 */
final class Projection {
  static final Projection ALL = new Projection(null);

  private final List<String> names;

  private Projection(List<String> names) {
    this.names = names;
  }

  /** The projection a read request (GetItem, a BatchGetItem table, Query, Scan) asks for. */
  static Projection of(Request request) {
    if (request.has("ProjectionExpression")) {
      if (request.has("AttributesToGet")) {
        throw DynamoDbException.validation(
            "Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {AttributesToGet} Expression parameters:"
                + " {ProjectionExpression}");
      }
      throw Unsupported.feature("ProjectionExpression");
    }
    if (request.has("ExpressionAttributeNames")) {
      throw DynamoDbException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    List<Json> given = request.list("AttributesToGet");
    if (given == null) {
      return ALL;
    }
    List<String> names = given.stream().map(n -> ((Json.Str) n).value()).toList();
    for (int i = 0; i < names.size(); i++) {
      if (names.indexOf(names.get(i)) != i) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Duplicate value in attribute name: "
                + names.get(i));
      }
    }
    return new Projection(names);
  }

  Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    if (names == null) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (String name : names) {
      AttributeValue v = item.get(name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }
}

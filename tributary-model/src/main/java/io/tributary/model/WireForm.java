package io.tributary.model;

import io.tributary.model.json.Json;
import java.util.Map;

/**
 * The first of DynamoDB's two passes over attribute values: Coral deserializes the whole request
 * before anything validates it, so a JSON value of the wrong kind anywhere is a
 * SerializationException even when a validation error comes earlier in the document. JSON null
 * members count as absent here, as they do for Coral.
 */
final class WireForm {
  static final String UNEXPECTED_VALUE = "Unexpected value type in payload";
  static final String VALUE_COLLECTION =
      "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue";
  static final String MAP_COLLECTION =
      "Unrecognized collection type java.util.Map<java.lang.String,"
          + " com.amazonaws.dynamodb.v20120810.AttributeValue>";
  static final String UNEXPECTED_FIELD = "Unexpected field type";
  static final String STRUCTURE = "Start of structure or map found where not expected";
  static final String NOT_BYTES = "only base-64-encoded strings are convertible to bytes";
  static final String NOT_BOOLEAN_TOKEN = "Unexpected token received from parser";

  private WireForm() {}

  /** An AttributeValue position: an Item member, an L element, an M value. */
  static void value(Json json) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Obj obj -> {
        for (Map.Entry<String, Json> member : obj.members().entrySet()) {
          Json v = member.getValue();
          switch (member.getKey()) {
            case "S", "N" -> string(v);
            case "B" -> blob(v);
            case "BOOL", "NULL" -> bool(v);
            case "SS", "NS" -> list(v, WireForm::string);
            case "BS" -> list(v, WireForm::blob);
            case "L" -> list(v, WireForm::value);
            case "M" -> map(v);
            default -> {} // Coral skips members it does not know.
          }
        }
      }
      case Json.Arr arr -> throw serialization(VALUE_COLLECTION);
      default -> throw serialization(UNEXPECTED_VALUE);
    }
  }

  /** A map of attribute names to values: Item, Key, ExpressionAttributeValues, an M value. */
  static void map(Json json) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Obj obj -> obj.members().values().forEach(WireForm::value);
      case Json.Arr arr -> throw serialization(MAP_COLLECTION);
      default -> throw serialization(UNEXPECTED_FIELD);
    }
  }

  static void string(Json json) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Str s -> {}
      case Json.Bool b -> throw serialization(token(b) + " cannot be converted to String");
      case Json.Num num -> throw serialization(token(num) + " cannot be converted to String");
      case Json.Arr arr ->
          throw serialization("Unrecognized collection type class java.lang.String");
      case Json.Obj obj -> throw serialization(STRUCTURE);
      case Json.Raw raw -> throw notARequest();
    }
  }

  static void blob(Json json) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Str s -> Base64Text.decode(s.value(), false);
      case Json.Bool b -> throw serialization(NOT_BYTES);
      case Json.Num num -> throw serialization(NOT_BYTES);
      case Json.Arr arr ->
          throw serialization("Unrecognized collection type class java.nio.ByteBuffer");
      case Json.Obj obj -> throw serialization(STRUCTURE);
      case Json.Raw raw -> throw notARequest();
    }
  }

  static void bool(Json json) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Bool b -> {}
      case Json.Str s -> throw serialization(NOT_BOOLEAN_TOKEN);
      case Json.Num num -> throw serialization(token(num) + " cannot be converted to Boolean");
      case Json.Arr arr ->
          throw serialization("Unrecognized collection type class java.lang.Boolean");
      case Json.Obj obj -> throw serialization(STRUCTURE);
      case Json.Raw raw -> throw notARequest();
    }
  }

  private static void list(Json json, java.util.function.Consumer<Json> element) {
    switch (json) {
      case Json.Null n -> {}
      case Json.Arr arr -> arr.elements().forEach(element);
      case Json.Obj obj -> throw serialization(STRUCTURE);
      default -> throw serialization(UNEXPECTED_FIELD);
    }
  }

  /** A pre-written answer value inside a request: a bug of the caller, never a client's doing. */
  private static IllegalArgumentException notARequest() {
    return new IllegalArgumentException("pre-written JSON is not a request value");
  }

  /** Coral's name for the JSON token it could not convert. */
  private static String token(Json json) {
    if (json instanceof Json.Bool b) {
      return b.value() ? "TRUE_VALUE" : "FALSE_VALUE";
    }
    String text = ((Json.Num) json).text();
    boolean decimal = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    return decimal ? "DECIMAL_VALUE" : "NUMBER_VALUE";
  }

  private static DynamoDbException serialization(String message) {
    return DynamoDbException.serialization(message);
  }
}

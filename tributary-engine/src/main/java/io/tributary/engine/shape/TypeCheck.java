package io.tributary.engine.shape;

import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import java.util.Base64;
import java.util.Map;

/**
 * The first of DynamoDB's two request checks: does each member have the JSON type its shape
 * needs? DynamoDB finds this while it deserializes the body, so it reports the first mismatch in
 * document order, as a SerializationException whose text comes from its Java deserializer and
 * names no member. A JSON null counts as an absent member; a member the model does not know is
 * ignored.
 */
final class TypeCheck {
  /**
   * A Java ClassCastException's text, which DynamoDB lets through for a scalar where a list or map
   * inside a list or map belongs.
   */
  static final String PARAMETERIZED_CAST =
      "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class"
          + " java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and"
          + " java.lang.Class are in module java.base of loader 'bootstrap')";

  static final String OBJECT_NOT_EXPECTED = "Start of structure or map found where not expected";

  /** Where a value sits decides some messages: as a structure's member, or inside a list or map. */
  private enum Position {
    FIELD,
    ELEMENT
  }

  private final ServiceModel model;

  TypeCheck(ServiceModel model) {
    this.model = model;
  }

  void check(Shape.Structure input, Json.Obj request) {
    members(input, request);
  }

  private void members(Shape.Structure structure, Json.Obj object) {
    for (Map.Entry<String, Json> entry : object.members().entrySet()) {
      Shape.Member member = structure.member(entry.getKey());
      if (member != null) {
        value(model.shape(member.shape()), entry.getValue(), Position.FIELD);
      }
    }
  }

  private void value(Shape shape, Json value, Position position) {
    if (value == null || value instanceof Json.Null) {
      return;
    }
    switch (shape) {
      case Shape.Structure s -> structure(s, value, position);
      case Shape.ListShape l -> list(l, value, position);
      case Shape.MapShape m -> map(m, value, position);
      default -> scalar(shape, value);
    }
  }

  private void structure(Shape.Structure shape, Json value, Position position) {
    switch (value) {
      case Json.Obj o -> {
        if (shape.isAttributeValue()) {
          // The value's own wire-form checks, so every SerializationException comes first.
          AttributeValues.requireWellFormed(o);
        } else {
          members(shape, o);
        }
      }
      case Json.Arr a -> throw unrecognized("class " + javaType(shape));
      default ->
          throw DynamoDbException.serialization(
              position == Position.FIELD
                  ? "Unexpected field type"
                  : "Unexpected value type in payload");
    }
  }

  private void list(Shape.ListShape shape, Json value, Position position) {
    switch (value) {
      case Json.Arr a -> {
        Shape member = model.shape(shape.member());
        for (Json element : a.elements()) {
          value(member, element, Position.ELEMENT);
        }
      }
      case Json.Obj o -> throw DynamoDbException.serialization(OBJECT_NOT_EXPECTED);
      default -> throw scalarForContainer(position);
    }
  }

  private void map(Shape.MapShape shape, Json value, Position position) {
    switch (value) {
      case Json.Obj o -> {
        Shape member = model.shape(shape.value());
        for (Json element : o.members().values()) {
          value(member, element, Position.ELEMENT);
        }
      }
      case Json.Arr a -> throw unrecognized(javaType(shape));
      default -> throw scalarForContainer(position);
    }
  }

  private static DynamoDbException scalarForContainer(Position position) {
    return DynamoDbException.serialization(
        position == Position.FIELD ? "Unexpected field type" : PARAMETERIZED_CAST);
  }

  private void scalar(Shape shape, Json value) {
    if (value instanceof Json.Obj) {
      throw DynamoDbException.serialization(OBJECT_NOT_EXPECTED);
    }
    if (value instanceof Json.Arr) {
      throw unrecognized("class " + javaType(shape));
    }
    switch (shape) {
      case Shape.StringShape s -> require(value instanceof Json.Str, value, "String");
      case Shape.NumberShape n -> require(value instanceof Json.Num, value, n.kind().javaName());
      case Shape.TimestampShape t -> require(value instanceof Json.Num, value, "Date");
      case Shape.BooleanShape b -> booleanValue(value);
      case Shape.BlobShape b -> blob(value);
      default -> throw new IllegalStateException("not a scalar shape: " + shape.name());
    }
  }

  private static void booleanValue(Json value) {
    if (value instanceof Json.Str s) {
      // DynamoDB's reader takes the words true and false in any case for a boolean.
      if (!s.value().equalsIgnoreCase("true") && !s.value().equalsIgnoreCase("false")) {
        throw DynamoDbException.serialization("Unexpected token received from parser");
      }
      return;
    }
    require(value instanceof Json.Bool, value, "Boolean");
  }

  private static void blob(Json value) {
    if (!(value instanceof Json.Str s)) {
      throw DynamoDbException.serialization(
          "only base-64-encoded strings are convertible to bytes");
    }
    String text = s.value();
    if (text.length() % 4 != 0) {
      throw DynamoDbException.serialization(
          "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
    }
    try {
      Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // Sic: DynamoDB's text has this typo.
      throw DynamoDbException.serialization("Invalid last non-pad Base64 character dectected");
    }
  }

  private static void require(boolean accepted, Json value, String javaName) {
    if (!accepted) {
      throw DynamoDbException.serialization(token(value) + " cannot be converted to " + javaName);
    }
  }

  /** The name of the parser token DynamoDB's deserializer met, as its messages print it. */
  static String token(Json value) {
    return switch (value) {
      case Json.Str s -> "STRING_VALUE";
      case Json.Num n -> isIntegral(n.text()) ? "NUMBER_VALUE" : "DECIMAL_VALUE";
      case Json.Bool b -> b.value() ? "TRUE_VALUE" : "FALSE_VALUE";
      default -> throw new IllegalArgumentException("not a scalar: " + value);
    };
  }

  static boolean isIntegral(String numberText) {
    return numberText.indexOf('.') < 0
        && numberText.indexOf('e') < 0
        && numberText.indexOf('E') < 0;
  }

  private static DynamoDbException unrecognized(String javaType) {
    return DynamoDbException.serialization("Unrecognized collection type " + javaType);
  }

  /** The Java type DynamoDB deserializes a shape into, as its messages spell it. */
  String javaType(Shape shape) {
    return switch (shape) {
      case Shape.Structure s -> model.namespace() + "." + s.name();
      case Shape.ListShape l -> "java.util.List<" + javaType(model.shape(l.member())) + ">";
      case Shape.MapShape m ->
          "java.util.Map<java.lang.String, " + javaType(model.shape(m.value())) + ">";
      case Shape.StringShape s -> "java.lang.String";
      case Shape.NumberShape n -> "java.lang." + n.kind().javaName();
      case Shape.BooleanShape b -> "java.lang.Boolean";
      case Shape.BlobShape b -> "java.nio.ByteBuffer";
      case Shape.TimestampShape t -> "java.util.Date";
    };
  }
}

package io.tributary.model;

import io.tributary.model.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the JSON wire form and {@link AttributeValue}, with every check DynamoDB makes
 * and its exact message. Wrong JSON kinds are SerializationExceptions and are found over the whole
 * value first; everything else is a ValidationException, reported in document order. Checks that
 * depend on where a value sits (key attributes, the "1 validation error detected: " envelope, the
 * ExpressionAttributeValues wrapper) belong to the engine.
 */
public final class AttributeValues {
  public static final String EMPTY =
      "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  public static final String MORE_THAN_ONE_TYPE =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the"
          + " supported datatypes";
  public static final String NULL_NOT_TRUE =
      "One or more parameter values were invalid: Null attribute value types must have the value"
          + " of true";
  public static final String EMPTY_STRING_SET =
      "One or more parameter values were invalid: An string set  may not be empty";
  public static final String EMPTY_NUMBER_SET =
      "One or more parameter values were invalid: An number set  may not be empty";
  public static final String EMPTY_BINARY_SET =
      "One or more parameter values were invalid: Binary sets should not be empty";
  public static final String TOO_DEEP =
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels"
          + " beyond supported limit";

  /** The deepest level a value may sit at; an item's attribute is level 1. */
  public static final int MAX_NESTING_LEVEL = 32;

  // Null set members have no captured answer; these reuse DynamoDB's wording for empty members.
  static final String NULL_STRING_MEMBER =
      "One or more parameter values were invalid: An string set may not have a null string as a"
          + " member";
  static final String NULL_BINARY_MEMBER =
      "One or more parameter values were invalid: Binary sets may not contain null or empty values";

  private AttributeValues() {}

  public static AttributeValue fromJson(Json json) {
    return fromJson(json, Wording.CURRENT);
  }

  /** One AttributeValue, such as an ExpressionAttributeValues member (level 1). */
  public static AttributeValue fromJson(Json json, Wording wording) {
    WireForm.value(json);
    return value(json, 1, wording);
  }

  public static Map<String, AttributeValue> mapFromJson(Json json) {
    return mapFromJson(json, Wording.CURRENT);
  }

  /**
   * An attribute map (Item, Key, ExclusiveStartKey), in the order given; null for an absent or
   * JSON-null member, so the caller can tell "missing" from "empty".
   */
  public static Map<String, AttributeValue> mapFromJson(Json json, Wording wording) {
    WireForm.map(json);
    return json instanceof Json.Obj obj ? map(obj, 1, wording) : null;
  }

  /**
   * Runs only the SerializationException checks on a value, so a server can check a whole request
   * first.
   */
  public static void requireWellFormed(Json json) {
    WireForm.value(json);
  }

  /** Runs only the SerializationException checks on an attribute map. */
  public static void requireWellFormedMap(Json json) {
    WireForm.map(json);
  }

  public static Json toJson(AttributeValue value) {
    return switch (value) {
      case AttributeValue.S s -> typed("S", new Json.Str(s.value()));
      case AttributeValue.N n -> typed("N", new Json.Str(Numbers.toText(n.value())));
      case AttributeValue.B b -> typed("B", new Json.Str(Base64Text.encode(b.value())));
      case AttributeValue.Bool b -> typed("BOOL", b.value() ? Json.Bool.TRUE : Json.Bool.FALSE);
      case AttributeValue.Null n -> typed("NULL", Json.Bool.TRUE);
      case AttributeValue.L l -> {
        List<Json> elements = new ArrayList<>(l.values().size());
        l.values().forEach(v -> elements.add(toJson(v)));
        yield typed("L", new Json.Arr(elements));
      }
      case AttributeValue.M m -> typed("M", mapToJson(m.values()));
      case AttributeValue.SS ss -> typed("SS", strings(ss.values()));
      case AttributeValue.NS ns ->
          typed("NS", strings(ns.values().stream().map(Numbers::toText).toList()));
      case AttributeValue.BS bs ->
          typed("BS", strings(bs.values().stream().map(Base64Text::encode).toList()));
    };
  }

  public static Json.Obj mapToJson(Map<String, AttributeValue> attributes) {
    Map<String, Json> members = new LinkedHashMap<>();
    attributes.forEach((name, value) -> members.put(name, toJson(value)));
    return new Json.Obj(members);
  }

  private static Json typed(String type, Json value) {
    return new Json.Obj(Map.of(type, value));
  }

  private static Json.Arr strings(List<String> values) {
    List<Json> elements = new ArrayList<>(values.size());
    values.forEach(v -> elements.add(new Json.Str(v)));
    return new Json.Arr(elements);
  }

  private static Map<String, AttributeValue> map(Json.Obj obj, int level, Wording wording) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    obj.members().forEach((name, v) -> out.put(name, value(v, level, wording)));
    return Collections.unmodifiableMap(out);
  }

  private static AttributeValue value(Json json, int level, Wording wording) {
    if (level > MAX_NESTING_LEVEL) {
      throw DynamoDbException.validation(TOO_DEEP);
    }
    if (!(json instanceof Json.Obj obj)) {
      return throwEmpty(); // JSON null: WireForm let nothing else through
    }
    AttributeValue result = null;
    int types = 0;
    for (Map.Entry<String, Json> member : obj.members().entrySet()) {
      Json v = member.getValue();
      if (v instanceof Json.Null) {
        continue;
      }
      AttributeValue converted = typed(member.getKey(), v, level, wording);
      if (converted != null) {
        types++;
        result = result == null ? converted : result;
      }
    }
    if (types == 0) {
      return throwEmpty();
    }
    if (types > 1) {
      throw DynamoDbException.validation(MORE_THAN_ONE_TYPE);
    }
    return result;
  }

  /** One typed member, already known to have the right JSON kind; null for an unknown type. */
  private static AttributeValue typed(String type, Json v, int level, Wording wording) {
    return switch (type) {
      case "S" -> new AttributeValue.S(text(v));
      case "N" -> new AttributeValue.N(Numbers.parse(text(v), wording));
      case "B" -> new AttributeValue.B(Base64Text.decode(text(v), true));
      case "BOOL" -> ((Json.Bool) v).value() ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
      case "NULL" -> {
        if (!((Json.Bool) v).value()) {
          throw DynamoDbException.validation(NULL_NOT_TRUE);
        }
        yield AttributeValue.Null.INSTANCE;
      }
      case "SS" -> stringSet(((Json.Arr) v).elements(), wording);
      case "NS" -> numberSet(((Json.Arr) v).elements(), wording);
      case "BS" -> binarySet(((Json.Arr) v).elements(), wording);
      case "L" -> {
        List<Json> elements = ((Json.Arr) v).elements();
        List<AttributeValue> values = new ArrayList<>(elements.size());
        elements.forEach(e -> values.add(value(e, level + 1, wording)));
        yield new AttributeValue.L(Collections.unmodifiableList(values));
      }
      case "M" -> new AttributeValue.M(map((Json.Obj) v, level + 1, wording));
      default -> null;
    };
  }

  private static AttributeValue stringSet(List<Json> elements, Wording wording) {
    if (elements.isEmpty()) {
      throw DynamoDbException.validation(EMPTY_STRING_SET);
    }
    List<String> members = new ArrayList<>(elements.size());
    for (Json e : elements) {
      if (e instanceof Json.Null) {
        throw DynamoDbException.validation(NULL_STRING_MEMBER);
      }
      members.add(text(e));
    }
    DuplicateMembers.checkStrings(members, wording);
    return new AttributeValue.SS(Collections.unmodifiableList(members));
  }

  private static AttributeValue numberSet(List<Json> elements, Wording wording) {
    if (elements.isEmpty()) {
      throw DynamoDbException.validation(EMPTY_NUMBER_SET);
    }
    List<BigDecimal> members = new ArrayList<>(elements.size());
    for (Json e : elements) {
      members.add(Numbers.parse(e instanceof Json.Str s ? s.value() : "", wording));
    }
    DuplicateMembers.checkNumbers(members, wording);
    return new AttributeValue.NS(Collections.unmodifiableList(members));
  }

  private static AttributeValue binarySet(List<Json> elements, Wording wording) {
    if (elements.isEmpty()) {
      throw DynamoDbException.validation(EMPTY_BINARY_SET);
    }
    List<byte[]> members = new ArrayList<>(elements.size());
    List<String> sent = new ArrayList<>(elements.size());
    for (Json e : elements) {
      if (e instanceof Json.Null) {
        throw DynamoDbException.validation(NULL_BINARY_MEMBER);
      }
      sent.add(text(e));
      members.add(Base64Text.decode(text(e), true));
    }
    DuplicateMembers.checkBinaries(members, sent, wording);
    return new AttributeValue.BS(Collections.unmodifiableList(members));
  }

  private static String text(Json json) {
    return ((Json.Str) json).value();
  }

  private static AttributeValue throwEmpty() {
    throw DynamoDbException.validation(EMPTY);
  }
}

package io.tributary.expressions;

import io.tributary.expressions.tree.Placeholders;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request's ExpressionAttributeNames and ExpressionAttributeValues, checked as DynamoDB checks
 * them, and a record of which of them the request's expressions used. Create one per request,
 * parse every expression of the request with it, then call {@link #checkAllUsed()}.
 */
public final class ExpressionAttributes implements Placeholders {
  static final int MAX_KEY_LENGTH = 255;
  static final int MAX_NAME_BYTES = 65535;
  // DynamoDB parses each key with its expression lexer, which skips surrounding whitespace.
  private static final Pattern NAME_KEY = Pattern.compile("[ \t\r\n]*#[A-Za-z0-9_]+[ \t\r\n]*");
  private static final Pattern VALUE_KEY = Pattern.compile("[ \t\r\n]*:[A-Za-z0-9_]+[ \t\r\n]*");

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  private ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
  }

  /** For a request with neither map. */
  public static ExpressionAttributes none() {
    return new ExpressionAttributes(Map.of(), Map.of());
  }

  /**
   * From maps already decoded (either may be null: the member was absent). Checks, in DynamoDB's
   * order: names not empty, each name key; values not empty, each value key; each name's value.
   */
  public static ExpressionAttributes of(
      Map<String, String> names, Map<String, AttributeValue> values) {
    checkNameKeys(names);
    checkValueKeys(values == null ? null : values.keySet());
    checkNameValues(names);
    return new ExpressionAttributes(
        names == null ? Map.of() : new LinkedHashMap<>(names),
        values == null ? Map.of() : new LinkedHashMap<>(values));
  }

  /**
   * From the request's JSON members (absent or JSON null: not given), decoding each value with
   * {@code wording} after the keys are checked, as DynamoDB does; a bad value is reported as
   * "ExpressionAttributeValues contains invalid value: &lt;reason&gt; for key :v". The JSON kinds
   * must already have passed the request's serialization checks.
   */
  public static ExpressionAttributes fromJson(Json names, Json values, Wording wording) {
    Map<String, String> nameMap = null;
    if (names instanceof Json.Obj obj) {
      nameMap = new LinkedHashMap<>();
      for (Map.Entry<String, Json> e : obj.members().entrySet()) {
        nameMap.put(e.getKey(), e.getValue() instanceof Json.Str s ? s.value() : null);
      }
    }
    checkNameKeys(nameMap);
    Map<String, AttributeValue> valueMap = null;
    if (values instanceof Json.Obj obj) {
      checkValueKeys(obj.members().keySet());
      valueMap = new LinkedHashMap<>();
      for (Map.Entry<String, Json> e : obj.members().entrySet()) {
        try {
          valueMap.put(e.getKey(), AttributeValues.fromJson(e.getValue(), wording));
        } catch (DynamoDbException ex) {
          if (ex.type() != io.tributary.model.ErrorType.VALIDATION) {
            throw ex;
          }
          throw DynamoDbException.validation(
              "ExpressionAttributeValues contains invalid value: "
                  + ex.getMessage()
                  + " for key "
                  + e.getKey());
        }
      }
    }
    checkNameValues(nameMap);
    return new ExpressionAttributes(
        nameMap == null ? Map.of() : nameMap, valueMap == null ? Map.of() : valueMap);
  }

  /** The ExpressionAttributeValues given, by placeholder (empty when none). */
  public Map<String, AttributeValue> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  @Override
  public String name(String placeholder) {
    usedNames.add(placeholder);
    return names.get(placeholder);
  }

  @Override
  public AttributeValue value(String placeholder) {
    usedValues.add(placeholder);
    return values.get(placeholder);
  }

  /**
   * Refuses placeholders no expression of the request used, names first. The keys are listed as
   * DynamoDB lists them, in Java hash-set order.
   */
  public void checkAllUsed() {
    unused("ExpressionAttributeNames", names.keySet(), usedNames);
    unused("ExpressionAttributeValues", values.keySet(), usedValues);
  }

  private static void unused(String member, Set<String> defined, Set<String> used) {
    Set<String> unused = new HashSet<>(defined);
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw DynamoDbException.validation(
          "Value provided in " + member + " unused in expressions: keys: {"
              + String.join(", ", unused)
              + "}");
    }
  }

  private static void checkNameKeys(Map<String, String> names) {
    if (names == null) {
      return;
    }
    if (names.isEmpty()) {
      throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
    }
    for (String key : names.keySet()) {
      String problem = keyProblem(key, NAME_KEY, true);
      if (problem != null) {
        throw DynamoDbException.validation("ExpressionAttributeNames contains invalid key: " + problem);
      }
    }
  }

  private static void checkValueKeys(Set<String> keys) {
    if (keys == null) {
      return;
    }
    if (keys.isEmpty()) {
      throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
    }
    for (String key : keys) {
      String problem = keyProblem(key, VALUE_KEY, false);
      if (problem != null) {
        throw DynamoDbException.validation(
            "ExpressionAttributeValues contains invalid key: " + problem);
      }
    }
  }

  /** Empty, then too long (only names give the size), then syntax, as DynamoDB checks. */
  private static String keyProblem(String key, Pattern syntax, boolean showSize) {
    if (key.isEmpty()) {
      return "The expression attribute map contains an empty key;";
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return "The expression attribute map contains a key that is too long;"
          + (showSize ? " size of key: " + key.length() : "");
    }
    if (!syntax.matcher(key).matches()) {
      return "Syntax error; key: \"" + key + "\"";
    }
    return null;
  }

  private static void checkNameValues(Map<String, String> names) {
    if (names == null) {
      return;
    }
    for (Map.Entry<String, String> e : names.entrySet()) {
      String name = e.getValue();
      String problem =
          name == null
              ? "null"
              : name.isEmpty()
                  ? "Empty attribute name"
                  : name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                      ? "Attribute name is too large, must be less than 65536 bytes"
                      : null;
      if (problem != null) {
        throw DynamoDbException.validation(
            "ExpressionAttributeNames contains invalid value: " + problem + " for key " + e.getKey());
      }
    }
  }

  /** The names map as given (for tests and diagnostics). */
  Map<String, String> names() {
    return Collections.unmodifiableMap(names);
  }
}

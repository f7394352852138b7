package io.tributary.expressions;

import io.tributary.expressions.syntax.Comparator;
import io.tributary.expressions.tree.AttributePath;
import io.tributary.expressions.tree.Operand;
import io.tributary.expressions.tree.Predicate;
import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Wording;
import io.tributary.model.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy condition parameters translated onto expression trees: Expected (with Exists, Value,
 * ComparisonOperator, AttributeValueList), QueryFilter and ScanFilter (joined by
 * ConditionalOperator), and KeyConditions, with DynamoDB's messages for each misuse. Members are
 * given as request JSON that already passed the shape checks; absent or JSON null means not given.
 */
public final class LegacyConditions {
  private static final String PREFIX = ComparisonOperator.PREFIX;

  private LegacyConditions() {}

  /** Expected and ConditionalOperator as a condition, or null when Expected is not given. */
  public static Condition expected(Json expected, Json conditionalOperator, Wording wording) {
    Map<String, Json> entries = members(expected);
    requireOperatorHasConditions(conditionalOperator, entries);
    List<Predicate> predicates = new ArrayList<>();
    for (Map.Entry<String, Json> entry : entries.entrySet()) {
      predicates.add(expectedEntry(entry.getKey(), entry.getValue(), wording));
    }
    return combine(predicates, conditionalOperator, entries);
  }

  /** QueryFilter or ScanFilter and ConditionalOperator as a condition, or null when not given. */
  public static Condition filter(Json filter, Json conditionalOperator, Wording wording) {
    Map<String, Json> entries = members(filter);
    requireOperatorHasConditions(conditionalOperator, entries);
    List<Predicate> predicates = new ArrayList<>();
    for (Map.Entry<String, Json> entry : entries.entrySet()) {
      if (!present(entry.getValue())) {
        throw DynamoDbException.validation(
            "The filter condition for an attribute cannot be null: " + entry.getKey());
      }
      Json.Obj condition = (Json.Obj) entry.getValue();
      ComparisonOperator op = operator(condition.get("ComparisonOperator"));
      List<AttributeValue> values = values(condition.get("AttributeValueList"), wording);
      op.checkArguments(values);
      predicates.add(predicate(AttributePath.of(entry.getKey()), op, values));
    }
    return combine(predicates, conditionalOperator, entries);
  }

  /** KeyConditions, checked as far as possible without the table (see {@link KeyConditions}). */
  public static KeyConditions keyConditions(Json keyConditions, Wording wording) {
    Map<String, KeyConditions.Term> terms = new LinkedHashMap<>();
    for (Map.Entry<String, Json> entry : members(keyConditions).entrySet()) {
      if (!present(entry.getValue())) {
        throw DynamoDbException.validation(
            "The filter condition for an attribute cannot be null: " + entry.getKey());
      }
      Json.Obj condition = (Json.Obj) entry.getValue();
      ComparisonOperator op = operator(condition.get("ComparisonOperator"));
      List<AttributeValue> values = values(condition.get("AttributeValueList"), wording);
      op.checkArguments(values);
      terms.put(entry.getKey(), new KeyConditions.Term(op, values));
    }
    if (terms.isEmpty() || terms.size() > 2) {
      throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
    }
    return new KeyConditions(terms, false);
  }

  private static Predicate expectedEntry(String name, Json json, Wording wording) {
    if (!present(json)) {
      throw invalid("ExpectedAttributeValue must not be null for Attribute: " + name);
    }
    Json.Obj condition = (Json.Obj) json;
    Json existsJson = condition.get("Exists");
    Boolean exists = present(existsJson) ? ((Json.Bool) existsJson).value() : null;
    Json opJson = condition.get("ComparisonOperator");
    String op = present(opJson) ? ((Json.Str) opJson).value() : null;
    Json valueJson = condition.get("Value");
    Json listJson = condition.get("AttributeValueList");
    boolean hasValue = present(valueJson);
    boolean hasList = present(listJson);
    if (exists != null && op != null) {
      throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + name);
    }
    if (hasValue && hasList) {
      throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + name);
    }
    if (op == null && hasList) {
      throw invalid(
          "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
    }
    if (Boolean.FALSE.equals(exists) && hasValue) {
      throw invalid("Value cannot be used when Exists is false for Attribute: " + name);
    }
    if (!hasValue && !hasList) {
      if (op != null) {
        if (!op.equals("NULL") && !op.equals("NOT_NULL")) {
          throw invalid(
              "Value or AttributeValueList must be used with ComparisonOperator: "
                  + op
                  + " for Attribute: "
                  + name);
        }
      } else if (exists == null || exists) {
        throw invalid(
            "Value must be provided when Exists is " + exists + " for Attribute: " + name);
      }
    }
    AttributeValue value = hasValue ? AttributeValues.fromJson(valueJson, wording) : null;
    List<AttributeValue> list = hasList ? values(listJson, wording) : List.of();
    AttributePath path = AttributePath.of(name);
    if (op != null) {
      ComparisonOperator operator = operator(opJson);
      List<AttributeValue> args = hasValue ? List.of(value) : list;
      operator.checkArguments(args);
      return predicate(path, operator, args);
    }
    if (Boolean.FALSE.equals(exists)) {
      return new Predicate.NotExists(path);
    }
    return new Predicate.Compare(
        Comparator.EQ, new Operand.PathRef(path), new Operand.Constant(value));
  }

  /** One legacy comparison as the expression that means the same. */
  private static Predicate predicate(
      AttributePath path, ComparisonOperator op, List<AttributeValue> values) {
    Operand attribute = new Operand.PathRef(path);
    return switch (op) {
      case EQ -> compare(Comparator.EQ, attribute, values);
      case NE -> compare(Comparator.NE, attribute, values);
      case LT -> compare(Comparator.LT, attribute, values);
      case LE -> compare(Comparator.LE, attribute, values);
      case GT -> compare(Comparator.GT, attribute, values);
      case GE -> compare(Comparator.GE, attribute, values);
      case IN ->
          new Predicate.In(
              attribute, values.stream().map(v -> (Operand) new Operand.Constant(v)).toList());
      case BETWEEN ->
          new Predicate.Between(
              attribute, new Operand.Constant(values.get(0)), new Operand.Constant(values.get(1)));
      case NULL -> new Predicate.NotExists(path);
      case NOT_NULL -> new Predicate.Exists(path);
      case CONTAINS -> new Predicate.Contains(attribute, new Operand.Constant(values.get(0)));
      // NOT_CONTAINS is false for a missing attribute, unlike NOT contains(...).
      case NOT_CONTAINS ->
          new Predicate.And(
              new Predicate.Exists(path),
              new Predicate.Not(
                  new Predicate.Contains(attribute, new Operand.Constant(values.get(0)))));
      case BEGINS_WITH -> new Predicate.BeginsWith(attribute, new Operand.Constant(values.get(0)));
    };
  }

  private static Predicate compare(Comparator c, Operand attribute, List<AttributeValue> values) {
    return new Predicate.Compare(c, attribute, new Operand.Constant(values.get(0)));
  }

  private static Condition combine(
      List<Predicate> predicates, Json conditionalOperator, Map<String, Json> entries) {
    if (predicates.isEmpty()) {
      return null;
    }
    if (present(conditionalOperator) && predicates.size() == 1) {
      throw DynamoDbException.validation(
          "ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
    boolean or =
        present(conditionalOperator) && ((Json.Str) conditionalOperator).value().equals("OR");
    Predicate result = predicates.get(predicates.size() - 1);
    for (int i = predicates.size() - 2; i >= 0; i--) {
      result =
          or
              ? new Predicate.Or(predicates.get(i), result)
              : new Predicate.And(predicates.get(i), result);
    }
    Set<String> names = new LinkedHashSet<>(entries.keySet());
    return new Condition(result, names, Set.of());
  }

  private static void requireOperatorHasConditions(
      Json conditionalOperator, Map<String, Json> entries) {
    if (present(conditionalOperator) && entries.isEmpty()) {
      throw DynamoDbException.validation(
          "ConditionalOperator cannot be used without Filter or Expected");
    }
  }

  private static ComparisonOperator operator(Json json) {
    if (json instanceof Json.Str s) {
      for (ComparisonOperator op : ComparisonOperator.values()) {
        if (op.name().equals(s.value())) {
          return op;
        }
      }
    }
    throw DynamoDbException.validation("Comparison type does not exist in DynamoDB");
  }

  private static List<AttributeValue> values(Json list, Wording wording) {
    List<AttributeValue> values = new ArrayList<>();
    if (list instanceof Json.Arr arr) {
      for (Json element : arr.elements()) {
        values.add(AttributeValues.fromJson(element, wording));
      }
    }
    return List.copyOf(values);
  }

  static Map<String, Json> members(Json json) {
    return json instanceof Json.Obj obj ? obj.members() : Map.of();
  }

  static boolean present(Json json) {
    return json != null && !(json instanceof Json.Null);
  }

  private static DynamoDbException invalid(String detail) {
    return DynamoDbException.validation(PREFIX + detail);
  }
}

package io.tributary.expressions;

import io.tributary.expressions.tree.Operand;
import io.tributary.expressions.tree.Predicate;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditions a KeyConditionExpression (or KeyConditions) puts on each attribute, before they
 * are matched against the key schema, which needs the table: {@link #resolve} does that.
 */
public final class KeyConditions {
  private static final String INVALID = "Invalid KeyConditionExpression: ";

  /** One attribute's condition. */
  record Term(ComparisonOperator operator, List<AttributeValue> values) {}

  private final Map<String, Term> terms;
  private final boolean fromExpression;

  KeyConditions(Map<String, Term> terms, boolean fromExpression) {
    this.terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    this.fromExpression = fromExpression;
  }

  /** The attributes the conditions name, in the order written. */
  public Set<String> attributeNames() {
    return terms.keySet();
  }

  /**
   * Splits a bound KeyConditionExpression into per-attribute conditions, with DynamoDB's errors
   * for everything a key condition cannot say.
   */
  static KeyConditions of(Predicate predicate) {
    Map<String, Term> terms = new LinkedHashMap<>();
    extract(predicate, terms);
    return new KeyConditions(terms, true);
  }

  private static void extract(Predicate predicate, Map<String, Term> terms) {
    if (predicate instanceof Predicate.And and) {
      extract(and.left(), terms);
      extract(and.right(), terms);
      return;
    }
    ComparisonOperator op;
    List<Operand> operands;
    switch (predicate) {
      case Predicate.Compare c -> {
        op =
            switch (c.comparator()) {
              case EQ -> ComparisonOperator.EQ;
              case LT -> ComparisonOperator.LT;
              case LE -> ComparisonOperator.LE;
              case GT -> ComparisonOperator.GT;
              case GE -> ComparisonOperator.GE;
              case NE -> throw invalidOperator("<>");
            };
        operands = List.of(c.left(), c.right());
      }
      case Predicate.Between b -> {
        op = ComparisonOperator.BETWEEN;
        operands = List.of(b.value(), b.low(), b.high());
      }
      case Predicate.BeginsWith b -> {
        op = ComparisonOperator.BEGINS_WITH;
        operands = List.of(b.value(), b.prefix());
      }
      case Predicate.Or o -> throw invalidOperator("OR");
      case Predicate.Not n -> throw invalidOperator("NOT");
      case Predicate.In i -> throw invalidOperator("IN");
      case Predicate.Exists e -> throw invalidOperator("attribute_exists");
      case Predicate.NotExists e -> throw invalidOperator("attribute_not_exists");
      case Predicate.TypeIs t -> throw invalidOperator("attribute_type");
      case Predicate.Contains c -> throw invalidOperator("contains");
      case Predicate.And a -> throw new IllegalStateException("handled above");
    }
    String attribute = null;
    List<AttributeValue> values = new ArrayList<>();
    for (Operand operand : operands) {
      switch (operand) {
        case Operand.PathRef p -> {
          if (attribute != null) {
            throw invalidCondition("Multiple attribute names used in one condition");
          }
          if (p.path().steps().size() > 1) {
            throw DynamoDbException.validation(
                INVALID + "KeyConditionExpressions cannot have conditions on nested attributes");
          }
          attribute = p.path().attribute();
        }
        case Operand.Constant c -> {
          if (attribute == null) {
            if (op == ComparisonOperator.BETWEEN || op == ComparisonOperator.BEGINS_WITH) {
              String name = op == ComparisonOperator.BETWEEN ? "BETWEEN" : "begins_with";
              throw invalidCondition(
                  name + " operator must have the key attribute as its first operand");
            }
            op = inverse(op);
          }
          values.add(c.value());
        }
        default ->
            throw DynamoDbException.validation(
                INVALID + "KeyConditionExpressions cannot contain nested operations");
      }
    }
    if (attribute == null) {
      throw invalidCondition("No key attribute specified");
    }
    if (terms.containsKey(attribute)) {
      throw DynamoDbException.validation(
          INVALID + "KeyConditionExpressions must only contain one condition per key");
    }
    op.checkArguments(values);
    terms.put(attribute, new Term(op, List.copyOf(values)));
  }

  private static ComparisonOperator inverse(ComparisonOperator op) {
    return switch (op) {
      case LT -> ComparisonOperator.GT;
      case GT -> ComparisonOperator.LT;
      case LE -> ComparisonOperator.GE;
      case GE -> ComparisonOperator.LE;
      default -> op;
    };
  }

  private static DynamoDbException invalidOperator(String name) {
    return DynamoDbException.validation(
        INVALID + "Invalid operator used in KeyConditionExpression: " + name);
  }

  private static DynamoDbException invalidCondition(String detail) {
    return DynamoDbException.validation(
        INVALID + "Invalid condition in KeyConditionExpression: " + detail);
  }

  /**
   * Matches the conditions to the key schema, in its order (partition key, then sort key): the
   * partition key needs an EQ condition, values must have the key's type, and a condition on an
   * attribute outside the key is reported as the key element it displaced.
   */
  public KeyCondition resolve(KeyAttributes keys) {
    if (fromExpression && terms.size() > keys.count()) {
      throw DynamoDbException.validation(
          "The number of query conditions ("
              + terms.size()
              + ") exceeds the number of key attributes defined in the schema ("
              + keys.count()
              + ")");
    }
    if (!fromExpression && keys.count() == 1 && terms.size() > 1) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
    Term partition = terms.get(keys.partitionKey());
    if (partition == null) {
      throw missed(keys.partitionKey());
    }
    check(partition, keys.partitionKeyType(), true);
    SortKeyCondition sort = null;
    if (keys.sortKey() != null) {
      Term term = terms.get(keys.sortKey());
      if (term == null && terms.size() > 1) {
        throw missed(keys.sortKey());
      }
      if (term != null) {
        check(term, keys.sortKeyType(), false);
        sort = new SortKeyCondition(keys.sortKey(), term.operator(), term.values());
      }
    }
    return new KeyCondition(keys.partitionKey(), partition.values().get(0), sort);
  }

  /**
   * Matches the conditions to a multi-attribute key (DynamoDB's composite GSI keys): every HASH
   * attribute needs an equality; the RANGE attributes may be constrained left to right, each by
   * an equality except the last one constrained, which may have any sort-key condition.
   *
   * @param hash the HASH attributes in key-schema order, name to type
   * @param range the RANGE attributes in key-schema order, name to type
   */
  public CompositeKeyCondition resolve(
      java.util.SequencedMap<String, String> hash, java.util.SequencedMap<String, String> range) {
    int keys = hash.size() + range.size();
    if (terms.size() > keys) {
      throw DynamoDbException.validation(
          "The number of query conditions ("
              + terms.size()
              + ") exceeds the number of key attributes defined in the schema ("
              + keys
              + ")");
    }
    List<AttributeValue> hashValues = new ArrayList<>();
    for (Map.Entry<String, String> k : hash.entrySet()) {
      Term term = terms.get(k.getKey());
      if (term == null) {
        throw missed(k.getKey());
      }
      check(term, k.getValue(), true);
      hashValues.add(term.values().get(0));
    }
    List<AttributeValue> equalities = new ArrayList<>();
    SortKeyCondition last = null;
    int used = hash.size();
    for (Map.Entry<String, String> k : range.entrySet()) {
      if (used == terms.size()) {
        break;
      }
      Term term = terms.get(k.getKey());
      if (term == null) {
        throw missed(k.getKey());
      }
      used++;
      boolean lastOne = used == terms.size();
      check(term, k.getValue(), !lastOne);
      if (lastOne && term.operator() != ComparisonOperator.EQ) {
        last = new SortKeyCondition(k.getKey(), term.operator(), term.values());
      } else {
        equalities.add(term.values().get(0));
      }
    }
    return new CompositeKeyCondition(hashValues, equalities, last);
  }

  private static void check(Term term, String type, boolean partition) {
    if (!term.operator().indexable()) {
      throw DynamoDbException.validation(
          "Attempted conditional constraint is not an indexable operation");
    }
    for (AttributeValue value : term.values()) {
      if (!value.type().equals(type)) {
        throw DynamoDbException.validation(
            ComparisonOperator.PREFIX + "Condition parameter type does not match schema type");
      }
    }
    if (partition && term.operator() != ComparisonOperator.EQ) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
  }

  private static DynamoDbException missed(String attribute) {
    return DynamoDbException.validation("Query condition missed key schema element: " + attribute);
  }
}

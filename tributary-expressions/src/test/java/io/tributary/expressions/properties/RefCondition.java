package io.tributary.expressions.properties;

import io.tributary.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A small condition language for property tests, independent of the module's trees: it prints
 * itself as expression text (constants become placeholders) and evaluates itself by a reference
 * reading of DynamoDB's rules ({@link Reference}).
 */
sealed interface RefCondition {
  /** A document path: a top-level name followed by map keys (String) and list indexes (Integer). */
  record Path(List<Object> steps) {
    String text() {
      StringBuilder out = new StringBuilder((String) steps.get(0));
      for (Object step : steps.subList(1, steps.size())) {
        if (step instanceof Integer i) {
          out.append('[').append(i).append(']');
        } else {
          out.append('.').append(step);
        }
      }
      return out.toString();
    }
  }

  /** An operand: a path, a constant or size(path). */
  sealed interface Operand {}

  record PathOperand(Path path) implements Operand {}

  record Constant(AttributeValue value) implements Operand {}

  record Size(Path path) implements Operand {}

  record Compare(Operand left, String comparator, Operand right) implements RefCondition {}

  record Between(Operand value, Constant low, Constant high) implements RefCondition {}

  record In(Operand value, List<Constant> candidates) implements RefCondition {}

  record Exists(Path path) implements RefCondition {}

  record NotExists(Path path) implements RefCondition {}

  record TypeIs(Path path, String type) implements RefCondition {}

  record BeginsWith(Path path, Constant prefix) implements RefCondition {}

  record Contains(Path path, Constant member) implements RefCondition {}

  record And(RefCondition left, RefCondition right) implements RefCondition {}

  record Or(RefCondition left, RefCondition right) implements RefCondition {}

  record Not(RefCondition inner) implements RefCondition {}

  record Group(RefCondition inner) implements RefCondition {}

  /** The expression text, registering each constant under a fresh ":vN" placeholder. */
  static String print(RefCondition c, Map<String, AttributeValue> values) {
    return switch (c) {
      case Compare x ->
          operand(x.left(), values) + " " + x.comparator() + " " + operand(x.right(), values);
      case Between x ->
          operand(x.value(), values)
              + " BETWEEN "
              + operand(x.low(), values)
              + " AND "
              + operand(x.high(), values);
      case In x -> {
        StringBuilder out = new StringBuilder(operand(x.value(), values)).append(" IN (");
        for (int i = 0; i < x.candidates().size(); i++) {
          out.append(i == 0 ? "" : ", ").append(operand(x.candidates().get(i), values));
        }
        yield out.append(')').toString();
      }
      case Exists x -> "attribute_exists(" + x.path().text() + ")";
      case NotExists x -> "attribute_not_exists(" + x.path().text() + ")";
      case TypeIs x ->
          "attribute_type("
              + x.path().text()
              + ", "
              + operand(new Constant(new AttributeValue.S(x.type())), values)
              + ")";
      case BeginsWith x ->
          "begins_with(" + x.path().text() + ", " + operand(x.prefix(), values) + ")";
      case Contains x -> "contains(" + x.path().text() + ", " + operand(x.member(), values) + ")";
      case And x -> print(x.left(), values) + " AND " + print(x.right(), values);
      case Or x -> print(x.left(), values) + " OR " + print(x.right(), values);
      case Not x -> "NOT " + print(x.inner(), values);
      case Group x -> "(" + print(x.inner(), values) + ")";
    };
  }

  private static String operand(Operand o, Map<String, AttributeValue> values) {
    return switch (o) {
      case PathOperand p -> p.path().text();
      case Size s -> "size(" + s.path().text() + ")";
      case Constant k -> {
        String name = ":v" + values.size();
        values.put(name, k.value());
        yield name;
      }
    };
  }
}

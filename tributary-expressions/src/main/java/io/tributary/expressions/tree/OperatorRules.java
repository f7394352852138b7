package io.tributary.expressions.tree;

import io.tributary.expressions.syntax.ExpressionException;
import io.tributary.model.AttributeValue;
import io.tributary.model.KeyEncoding;
import java.util.List;
import java.util.Set;

/**
 * The checks DynamoDB makes on each operator once its operands are bound, in its order: operand
 * count, operand types, a first operand repeated among the others, then the operator's own rules.
 */
final class OperatorRules {
  static final int MAX_IN_OPERANDS = 100;
  private static final Set<String> TYPE_NAMES =
      Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

  private OperatorRules() {}

  /** @param operands bound {@link Operand}s, or {@link Predicate}s for AND, OR and NOT */
  static void check(Operator op, List<?> operands) {
    int count = operands.size();
    if (!op.operandCountOk(count)) {
      throw ExpressionException.of(
          "Incorrect number of operands for operator or function",
          "operator or function",
          op.symbol(),
          "number of operands",
          count);
    }
    for (Object operand : operands) {
      Set<String> types = possibleTypes(operand);
      if (op.operandTypes() != null && types != null && !intersects(op.operandTypes(), types)) {
        throw wrongType(op, operand);
      }
    }
    if (op.distinctFirst() && count > 1 && operands.get(0) instanceof Operand.PathRef first) {
      for (Object later : operands.subList(1, count)) {
        if (later instanceof Operand.PathRef p && p.path().equals(first.path())) {
          throw ExpressionException.of(
              "The first operand must be distinct from the remaining operands for this operator or"
                  + " function",
              "operator",
              op.symbol(),
              "first operand",
              first.path());
        }
      }
    }
    switch (op) {
      case ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS, IF_NOT_EXISTS -> {
        if (!(operands.get(0) instanceof Operand.PathRef)) {
          throw ExpressionException.of(
              "Operator or function requires a document path", "operator or function", op.symbol());
        }
      }
      case ATTRIBUTE_TYPE -> attributeType(op, operands.get(1));
      case BETWEEN -> between(operands.get(1), operands.get(2));
      case IN -> {
        if (count - 1 > MAX_IN_OPERANDS) {
          throw ExpressionException.of(
              "The IN operator is provided with too many operands", "number of operands", count - 1);
        }
      }
      default -> {}
    }
  }

  private static void attributeType(Operator op, Object typeOperand) {
    if (!(typeOperand instanceof Operand.Constant c)
        || !(c.value() instanceof AttributeValue.S s)) {
      throw wrongType(op, typeOperand);
    }
    if (!TYPE_NAMES.contains(s.value())) {
      throw ExpressionException.of(
          "Invalid attribute type name found",
          "type",
          s.value(),
          "valid types",
          TypeNames.ATTRIBUTE_TYPES);
    }
  }

  /** Bounds given as constants must share a type and be in order. */
  private static void between(Object low, Object high) {
    if (!(low instanceof Operand.Constant lo) || !(high instanceof Operand.Constant hi)) {
      return;
    }
    if (!lo.value().type().equals(hi.value().type())) {
      throw bounds("The BETWEEN operator requires same data type for lower and upper bounds", lo, hi);
    }
    if (KeyEncoding.compare(lo.value(), hi.value()) > 0) {
      throw bounds(
          "The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
          lo,
          hi);
    }
  }

  private static ExpressionException bounds(
      String message, Operand.Constant low, Operand.Constant high) {
    return ExpressionException.of(
        message,
        "lower bound operand",
        TypeNames.shown(low.value()),
        "upper bound operand",
        TypeNames.shown(high.value()));
  }

  private static ExpressionException wrongType(Operator op, Object operand) {
    Set<String> types = possibleTypes(operand);
    return ExpressionException.of(
        "Incorrect operand type for operator or function",
        "operator or function",
        op.symbol(),
        "operand type",
        types == null ? TypeNames.ANY_TYPE : types.iterator().next());
  }

  /** What an operand can evaluate to, when known without an item; null when it may be anything. */
  private static Set<String> possibleTypes(Object operand) {
    return switch (operand) {
      case Operand.Constant c -> Set.of(c.value().type());
      case Operand.Size s -> Set.of("N");
      case Operand.Arithmetic a -> Set.of("N");
      case Operand.ListAppend l -> Set.of("L");
      case Predicate p -> Set.of("BOOL");
      default -> null;
    };
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String type : b) {
      if (a.contains(type)) {
        return true;
      }
    }
    return false;
  }
}

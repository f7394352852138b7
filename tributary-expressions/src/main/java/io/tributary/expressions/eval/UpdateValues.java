package io.tributary.expressions.eval;

import io.tributary.expressions.tree.Operand;
import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import io.tributary.model.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the right-hand side of SET against the item as it was before the update, with
 * DynamoDB's runtime errors: a missing attribute where a value is needed, an operand of the wrong
 * type for + - or list_append, and arithmetic whose result no DynamoDB number can hold.
 */
public final class UpdateValues {
  public static final String MISSING =
      "The provided expression refers to an attribute that does not exist in the item";
  public static final String WRONG_TYPE =
      "An operand in the update expression has an incorrect data type";

  private UpdateValues() {}

  /** The value to set; never null. */
  public static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> old) {
    AttributeValue value = value(operand, old);
    if (value == null) {
      throw DynamoDbException.validation(MISSING);
    }
    return value;
  }

  private static AttributeValue value(Operand operand, Map<String, AttributeValue> old) {
    return switch (operand) {
      case Operand.PathRef p -> DocumentPaths.get(old, p.path());
      case Operand.Constant c -> c.value();
      case Operand.Arithmetic a -> {
        // Both operands are evaluated before either is checked, as DynamoDB does.
        AttributeValue left = value(a.left(), old);
        AttributeValue right = value(a.right(), old);
        BigDecimal l = number(left);
        BigDecimal r = number(right);
        yield new AttributeValue.N(storable(a.plus() ? l.add(r) : l.subtract(r)));
      }
      case Operand.ListAppend l -> {
        AttributeValue first = value(l.first(), old);
        AttributeValue second = value(l.second(), old);
        List<AttributeValue> a = list(first);
        List<AttributeValue> b = list(second);
        List<AttributeValue> joined = new ArrayList<>(a.size() + b.size());
        joined.addAll(a);
        joined.addAll(b);
        yield new AttributeValue.L(List.copyOf(joined));
      }
      case Operand.IfNotExists i -> {
        AttributeValue existing = DocumentPaths.get(old, i.path());
        AttributeValue fallback = value(i.fallback(), old);
        if (fallback == null) {
          throw DynamoDbException.validation(MISSING);
        }
        yield existing != null ? existing : fallback;
      }
      case Operand.Size s -> throw new IllegalStateException("size() in an update: " + s);
    };
  }

  private static BigDecimal number(AttributeValue value) {
    if (value == null) {
      throw DynamoDbException.validation(MISSING);
    }
    if (!(value instanceof AttributeValue.N n)) {
      throw DynamoDbException.validation(WRONG_TYPE);
    }
    return n.value();
  }

  private static List<AttributeValue> list(AttributeValue value) {
    if (value == null) {
      throw DynamoDbException.validation(MISSING);
    }
    if (!(value instanceof AttributeValue.L l)) {
      throw DynamoDbException.validation(WRONG_TYPE);
    }
    return l.values();
  }

  /**
   * The result of + or - (or ADD) if a DynamoDB number can hold it. DynamoDB reports a result that
   * needs more than 38 digits as an overflow too (1E50 + 1 gives "Number overflow"), and only a
   * result too small in magnitude as an underflow.
   */
  static BigDecimal storable(BigDecimal result) {
    if (Numbers.isStorable(result)) {
      return result.signum() == 0 ? BigDecimal.ZERO : result.stripTrailingZeros();
    }
    BigDecimal stripped = result.stripTrailingZeros();
    long adjusted = (long) stripped.precision() - stripped.scale() - 1;
    throw DynamoDbException.validation(
        adjusted < Numbers.MIN_EXPONENT ? Numbers.UNDERFLOW : Numbers.OVERFLOW);
  }
}

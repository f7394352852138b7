package io.tributary.expressions.properties;

import io.tributary.expressions.properties.RefCondition.Constant;
import io.tributary.expressions.properties.RefCondition.Operand;
import io.tributary.expressions.properties.RefCondition.Path;
import io.tributary.expressions.properties.RefCondition.PathOperand;
import io.tributary.expressions.properties.RefCondition.Size;
import io.tributary.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deliberately plain reading of DynamoDB's condition semantics, written apart from the module:
 * values are compared through a canonical text form, orders exist only between two strings, two
 * numbers or two binaries, and anything missing or mistyped makes a comparison false.
 */
final class Reference {
  private Reference() {}

  static boolean test(RefCondition c, Map<String, AttributeValue> item) {
    return switch (c) {
      case RefCondition.Compare x -> compare(value(x.left(), item), x.comparator(), value(x.right(), item));
      case RefCondition.Between x -> {
        AttributeValue v = value(x.value(), item);
        yield compare(v, ">=", x.low().value()) && compare(v, "<=", x.high().value());
      }
      case RefCondition.In x -> {
        AttributeValue v = value(x.value(), item);
        yield x.candidates().stream().anyMatch(k -> compare(v, "=", k.value()));
      }
      case RefCondition.Exists x -> get(item, x.path()) != null;
      case RefCondition.NotExists x -> get(item, x.path()) == null;
      case RefCondition.TypeIs x -> {
        AttributeValue v = get(item, x.path());
        yield v != null && v.type().equals(x.type());
      }
      case RefCondition.BeginsWith x -> {
        AttributeValue v = get(item, x.path());
        AttributeValue p = x.prefix().value();
        yield v != null
            && v.type().equals(p.type())
            && (v.type().equals("S") || v.type().equals("B"))
            && text(v).startsWith(text(p));
      }
      case RefCondition.Contains x -> contains(get(item, x.path()), x.member().value());
      case RefCondition.And x -> test(x.left(), item) && test(x.right(), item);
      case RefCondition.Or x -> test(x.left(), item) || test(x.right(), item);
      case RefCondition.Not x -> !test(x.inner(), item);
      case RefCondition.Group x -> test(x.inner(), item);
    };
  }

  private static boolean compare(AttributeValue a, String op, AttributeValue b) {
    if (a == null || b == null) {
      return op.equals("<>");
    }
    if (op.equals("=") || op.equals("<>")) {
      return canonical(a).equals(canonical(b)) == op.equals("=");
    }
    if (!a.type().equals(b.type()) || !List.of("S", "N", "B").contains(a.type())) {
      return false;
    }
    int order =
        a instanceof AttributeValue.N x && b instanceof AttributeValue.N y
            ? x.value().compareTo(y.value())
            : Integer.signum(text(a).compareTo(text(b)));
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean contains(AttributeValue container, AttributeValue member) {
    if (container == null) {
      return false;
    }
    return switch (container) {
      case AttributeValue.S s -> member instanceof AttributeValue.S m && s.value().contains(m.value());
      case AttributeValue.B b -> member instanceof AttributeValue.B m && text(b).contains(text(m));
      case AttributeValue.SS s -> member instanceof AttributeValue.S m && s.values().contains(m.value());
      case AttributeValue.NS s ->
          member instanceof AttributeValue.N m
              && s.values().stream().anyMatch(v -> v.compareTo(m.value()) == 0);
      case AttributeValue.L l ->
          l.values().stream().anyMatch(e -> canonical(e).equals(canonical(member)));
      default -> false;
    };
  }

  private static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
    return switch (o) {
      case PathOperand p -> get(item, p.path());
      case Constant k -> k.value();
      case Size s -> {
        AttributeValue v = get(item, s.path());
        Integer size =
            switch (v) {
              case null -> null;
              case AttributeValue.S x -> x.value().length();
              case AttributeValue.B x -> x.value().length;
              case AttributeValue.SS x -> x.values().size();
              case AttributeValue.NS x -> x.values().size();
              case AttributeValue.BS x -> x.values().size();
              case AttributeValue.L x -> x.values().size();
              case AttributeValue.M x -> x.values().size();
              default -> null;
            };
        yield size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
      }
    };
  }

  static AttributeValue get(Map<String, AttributeValue> item, Path path) {
    AttributeValue current = item.get((String) path.steps().get(0));
    for (Object step : path.steps().subList(1, path.steps().size())) {
      if (current == null) {
        return null;
      }
      if (step instanceof Integer i) {
        current =
            current instanceof AttributeValue.L l && i < l.values().size() ? l.values().get(i) : null;
      } else {
        current = current instanceof AttributeValue.M m ? m.values().get((String) step) : null;
      }
    }
    return current;
  }

  /** Binary values in these tests are ASCII, so text comparison orders them as bytes. */
  private static String text(AttributeValue v) {
    return switch (v) {
      case AttributeValue.S s -> s.value();
      case AttributeValue.B b -> new String(b.value(), StandardCharsets.ISO_8859_1);
      default -> throw new IllegalArgumentException(v.type());
    };
  }

  /** A text form equal for equal values: sets sorted, numbers normalised. */
  static String canonical(AttributeValue v) {
    return switch (v) {
      case AttributeValue.S s -> "S:" + s.value();
      case AttributeValue.N n -> "N:" + normal(n.value());
      case AttributeValue.B b -> "B:" + text(b);
      case AttributeValue.Bool b -> "BOOL:" + b.value();
      case AttributeValue.Null n -> "NULL";
      case AttributeValue.SS s -> "SS:" + new TreeSet<>(s.values());
      case AttributeValue.NS s -> {
        TreeSet<String> out = new TreeSet<>();
        s.values().forEach(x -> out.add(normal(x)));
        yield "NS:" + out;
      }
      case AttributeValue.BS s -> {
        TreeSet<String> out = new TreeSet<>();
        s.values().forEach(x -> out.add(new String(x, StandardCharsets.ISO_8859_1)));
        yield "BS:" + out;
      }
      case AttributeValue.L l -> {
        List<String> out = new ArrayList<>();
        l.values().forEach(x -> out.add(canonical(x)));
        yield "L:" + out;
      }
      case AttributeValue.M m -> {
        TreeSet<String> out = new TreeSet<>();
        m.values().forEach((k, x) -> out.add(k + "=" + canonical(x)));
        yield "M:" + out;
      }
    };
  }

  private static String normal(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}

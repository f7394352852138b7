package io.tributary.engine.shape;

import io.tributary.model.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The second of DynamoDB's request checks: the model's constraints (required members, lengths,
 * value ranges, patterns, enums). Collects violations the way DynamoDB's validator does, in its
 * reporting order, and stops collecting at {@link #LIMIT}.
 *
 * <p>A member's own constraints are reported at its path. The constraints of a list's elements
 * and of a map's keys and values are reported at the list's or map's path, listing every
 * constraint of the element shape in brackets; a structure inside a list or map is then walked
 * at {@code list.<n>.member} (1-based) or {@code map.<key>.member}. DynamoDB walks map entries
 * in the reverse of their order in the request.
 */
final class ConstraintCheck {
  /** DynamoDB reports at most ten violations; its "N validation errors" counts those only. */
  static final int LIMIT = 10;

  private final ServiceModel model;
  private final ValueText text;
  private final List<String> errors = new ArrayList<>();

  ConstraintCheck(ServiceModel model) {
    this.model = model;
    this.text = new ValueText(model);
  }

  List<String> check(Shape.Structure input, Json.Obj request) {
    structure(input, request, "");
    return errors;
  }

  private void structure(Shape.Structure shape, Json.Obj object, String prefix) {
    if (shape.isAttributeValue()) {
      return;
    }
    for (Shape.Member member : shape.reportOrder()) {
      Json value = present(object.get(member.name()));
      String path = prefix + ShapeValidator.lowerFirst(member.name());
      Shape memberShape = model.shape(member.shape());
      if (value == null) {
        if (member.required()) {
          add(memberShape, null, path, "Member must not be null");
        }
        continue;
      }
      for (String violation : violations(memberShape, value)) {
        add(memberShape, value, path, violation);
      }
      contents(memberShape, value, path);
    }
  }

  /** Checks what is inside a value whose own constraints have been checked already. */
  private void contents(Shape shape, Json value, String path) {
    switch (shape) {
      case Shape.Structure s -> structure(s, (Json.Obj) value, path + ".");
      case Shape.ListShape l -> list(l, (Json.Arr) value, path);
      case Shape.MapShape m -> map(m, (Json.Obj) value, path);
      default -> {}
    }
  }

  private void list(Shape.ListShape shape, Json.Arr value, String path) {
    Shape member = model.shape(shape.member());
    List<String> allOfMember = constraints(member);
    if (!allOfMember.isEmpty()) {
      for (Json element : value.elements()) {
        Json present = present(element);
        if (present != null && !violations(member, present).isEmpty()) {
          add(shape, value, path, "Member must satisfy constraint: " + bracket(allOfMember));
        }
      }
    }
    List<Json> elements = value.elements();
    for (int i = 0; i < elements.size(); i++) {
      Json element = present(elements.get(i));
      if (element != null) {
        contents(member, element, path + "." + (i + 1) + ".member");
      }
    }
  }

  private void map(Shape.MapShape shape, Json.Obj value, String path) {
    List<Map.Entry<String, Json>> entries = new ArrayList<>(value.members().entrySet());
    Collections.reverse(entries);
    Shape key = model.shape(shape.key());
    List<String> allOfKey = constraints(key);
    if (!allOfKey.isEmpty()) {
      for (Map.Entry<String, Json> entry : entries) {
        if (!violations(key, new Json.Str(entry.getKey())).isEmpty()) {
          add(shape, value, path, "Map keys must satisfy constraint: " + bracket(allOfKey));
        }
      }
    }
    Shape member = model.shape(shape.value());
    List<String> allOfValue = constraints(member);
    if (!allOfValue.isEmpty()) {
      for (Map.Entry<String, Json> entry : entries) {
        Json present = present(entry.getValue());
        if (present != null && !violations(member, present).isEmpty()) {
          add(shape, value, path, "Map value must satisfy constraint: " + bracket(allOfValue));
        }
      }
    }
    for (Map.Entry<String, Json> entry : entries) {
      Json present = present(entry.getValue());
      if (present != null) {
        contents(member, present, path + "." + entry.getKey() + ".member");
      }
    }
  }

  /** The constraints {@code value} breaks, in the order DynamoDB reports them for one member. */
  private static List<String> violations(Shape shape, Json value) {
    List<String> out = new ArrayList<>();
    switch (shape) {
      case Shape.StringShape s -> {
        String string = ((Json.Str) value).value();
        if (s.pattern() != null && !s.pattern().matcher(string).matches()) {
          out.add(patternText(s));
        }
        length(string.length(), s.min(), s.max(), out);
        if (!s.enumValues().isEmpty() && !s.enumValues().contains(string)) {
          out.add(enumText(s));
        }
      }
      case Shape.NumberShape n -> {
        BigDecimal number = new BigDecimal(ValueText.number(n, ((Json.Num) value).text()));
        if (n.min() != null && number.compareTo(BigDecimal.valueOf(n.min())) < 0) {
          out.add("Member must have value greater than or equal to " + n.min());
        }
        if (n.max() != null && number.compareTo(BigDecimal.valueOf(n.max())) > 0) {
          out.add("Member must have value less than or equal to " + n.max());
        }
      }
      case Shape.ListShape l -> length(((Json.Arr) value).elements().size(), l.min(), l.max(), out);
      case Shape.MapShape m -> length(((Json.Obj) value).members().size(), m.min(), m.max(), out);
      case Shape.BlobShape b -> length(blobLength(value), b.min(), b.max(), out);
      default -> {}
    }
    return out;
  }

  /** Every constraint of a shape, as DynamoDB lists them in "must satisfy constraint: [...]". */
  private static List<String> constraints(Shape shape) {
    List<String> out = new ArrayList<>();
    switch (shape) {
      case Shape.StringShape s -> {
        lengthBounds(s.min(), s.max(), out);
        if (s.pattern() != null) {
          out.add(patternText(s));
        }
        if (!s.enumValues().isEmpty()) {
          out.add(enumText(s));
        }
      }
      case Shape.NumberShape n -> {
        if (n.max() != null) {
          out.add("Member must have value less than or equal to " + n.max());
        }
        if (n.min() != null) {
          out.add("Member must have value greater than or equal to " + n.min());
        }
      }
      case Shape.ListShape l -> lengthBounds(l.min(), l.max(), out);
      case Shape.MapShape m -> lengthBounds(m.min(), m.max(), out);
      case Shape.BlobShape b -> lengthBounds(b.min(), b.max(), out);
      default -> {}
    }
    return out;
  }

  private static void length(long length, Long min, Long max, List<String> out) {
    if (min != null && length < min) {
      out.add("Member must have length greater than or equal to " + min);
    }
    if (max != null && length > max) {
      out.add("Member must have length less than or equal to " + max);
    }
  }

  private static void lengthBounds(Long min, Long max, List<String> out) {
    if (max != null) {
      out.add("Member must have length less than or equal to " + max);
    }
    if (min != null) {
      out.add("Member must have length greater than or equal to " + min);
    }
  }

  private static String patternText(Shape.StringShape shape) {
    return "Member must satisfy regular expression pattern: " + shape.pattern().pattern();
  }

  private static String enumText(Shape.StringShape shape) {
    return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
  }

  private static String bracket(List<String> constraints) {
    return "[" + String.join(", ", constraints) + "]";
  }

  private static long blobLength(Json value) {
    return Base64.getDecoder().decode(((Json.Str) value).value()).length;
  }

  private static Json present(Json value) {
    return value instanceof Json.Null ? null : value;
  }

  private void add(Shape shape, Json value, String path, String constraint) {
    if (errors.size() >= LIMIT) {
      return;
    }
    String shown = value == null ? "null" : "'" + text.of(shape, value) + "'";
    errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
  }
}

package io.tributary.triggers.mapping;

import io.tributary.model.DynamoDbException;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import io.tributary.triggers.mapping.FilterPattern.Member;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a filter pattern and refuses what EventBridge's rule compiler refuses. Lambda answers
 * every refusal with the same {@code Invalid filter pattern definition.}; the reasons kept here
 * (EventBridge's own wording where it is known) are for tests and for whoever reads the code.
 */
final class PatternParser {

  /** A pattern Lambda would refuse, with EventBridge's reason. */
  static final class InvalidPattern extends RuntimeException {
    InvalidPattern(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Names that cannot be field names inside {@code $or}, where they would be mistaken for
   * operators (EventBridge's reserved names).
   */
  private static final Set<String> OPERATORS =
      Set.of(
          "prefix",
          "suffix",
          "equals-ignore-case",
          "anything-but",
          "numeric",
          "exists",
          "cidr",
          "wildcard");

  private static final String NOT_A_MATCH_VALUE =
      "Match value must be String, number, true, false, or null";

  private PatternParser() {}

  static List<Member> parse(String text) {
    Json root;
    try {
      root = JsonReader.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (DynamoDbException e) {
      throw new InvalidPattern("Filter is not valid JSON");
    }
    if (!(root instanceof Json.Obj o)) {
      throw new InvalidPattern("Filter is not an object");
    }
    return members(o, List.of(), false);
  }

  private static List<Member> members(Json.Obj object, List<String> path, boolean insideOr) {
    if (object.members().isEmpty()) {
      throw new InvalidPattern("Empty objects are not allowed");
    }
    List<Member> out = new ArrayList<>();
    for (Map.Entry<String, Json> e : object.members().entrySet()) {
      String name = e.getKey();
      Json value = e.getValue();
      if (name.equals("$or")) {
        out.add(anyOf(value, path));
        continue;
      }
      if (insideOr && OPERATORS.contains(name)) {
        throw new InvalidPattern(
            name + " is Ruler reserved fieldName which cannot be used inside $or.");
      }
      List<String> childPath = append(path, name);
      switch (value) {
        case Json.Obj nested ->
            out.add(new Member.Nested(name, members(nested, childPath, insideOr)));
        case Json.Arr list -> out.add(new Member.Leaf(name, childPath, matchers(list)));
        default -> throw new InvalidPattern("\"" + name + "\" must be an object or an array");
      }
    }
    return List.copyOf(out);
  }

  private static Member anyOf(Json value, List<String> path) {
    if (!(value instanceof Json.Arr(List<Json> elements))) {
      throw new InvalidPattern("It must be an Array followed with $or.");
    }
    List<List<Member>> branches = new ArrayList<>();
    for (Json element : elements) {
      if (!(element instanceof Json.Obj branch)) {
        throw new InvalidPattern("Only JSON object is allowed in array of $or relationship.");
      }
      branches.add(members(branch, path, true));
    }
    if (branches.size() < 2) {
      throw new InvalidPattern("There must have at least 2 Objects in $or relationship.");
    }
    return new Member.AnyOf(List.copyOf(branches));
  }

  private static List<ValueMatcher> matchers(Json.Arr list) {
    if (list.elements().isEmpty()) {
      throw new InvalidPattern("Empty arrays are not allowed");
    }
    List<ValueMatcher> out = new ArrayList<>();
    for (Json entry : list.elements()) {
      out.add(
          switch (entry) {
            case Json.Obj o -> operator(o);
            case Json.Arr a -> throw new InvalidPattern(NOT_A_MATCH_VALUE);
            default -> new ValueMatcher.Exact(entry);
          });
    }
    return List.copyOf(out);
  }

  private static ValueMatcher operator(Json.Obj expression) {
    if (expression.members().size() != 1) {
      throw new InvalidPattern(
          expression.members().isEmpty()
              ? "Match expression name not found"
              : "Only one key allowed in match expression");
    }
    Map.Entry<String, Json> only = expression.members().entrySet().iterator().next();
    String op = only.getKey();
    Json value = only.getValue();
    return switch (op) {
      case "prefix" -> new ValueMatcher.Prefix(affix(op, value), ignoresCase(value));
      case "suffix" -> new ValueMatcher.Suffix(affix(op, value), ignoresCase(value));
      case "equals-ignore-case" -> new ValueMatcher.EqualsIgnoreCase(string(op, value));
      case "anything-but" -> anythingBut(value);
      case "numeric" -> numeric(value);
      case "exists" -> {
        if (!(value instanceof Json.Bool(boolean present))) {
          throw new InvalidPattern("exists match pattern must be either true or false.");
        }
        yield new ValueMatcher.Exists(present);
      }
      case "cidr" -> {
        if (!(value instanceof Json.Str(String text))) {
          throw new InvalidPattern("prefix match pattern must be a string");
        }
        IpBlock block = IpBlock.parse(text);
        if (block == null) {
          throw new InvalidPattern("Malformed CIDR: " + text);
        }
        yield new ValueMatcher.Cidr(block);
      }
      // EventBridge's wildcard is not in Lambda's documented syntax (nor Pipes'), so it is refused
      // rather than half supported.
      default -> throw new InvalidPattern("Unrecognized match type " + op);
    };
  }

  /** A prefix or suffix: a string, or {@code {"equals-ignore-case": string}}. */
  private static String affix(String op, Json value) {
    if (value instanceof Json.Obj o) {
      if (o.members().size() != 1 || !(o.get("equals-ignore-case") instanceof Json.Str s)) {
        throw new InvalidPattern(op + " match pattern must be a string");
      }
      return s.value();
    }
    return string(op, value);
  }

  private static boolean ignoresCase(Json value) {
    return value instanceof Json.Obj;
  }

  private static String string(String op, Json value) {
    if (!(value instanceof Json.Str(String s))) {
      throw new InvalidPattern(op + " match pattern must be a string");
    }
    return s;
  }

  private static ValueMatcher anythingBut(Json value) {
    return switch (value) {
      case Json.Str s -> new ValueMatcher.AnythingBut(List.of(s));
      case Json.Num n -> new ValueMatcher.AnythingBut(List.of(n));
      case Json.Arr(List<Json> elements) -> {
        boolean strings =
            !elements.isEmpty() && elements.stream().allMatch(Json.Str.class::isInstance);
        boolean numbers =
            !elements.isEmpty() && elements.stream().allMatch(Json.Num.class::isInstance);
        if (!strings && !numbers) {
          throw new InvalidPattern(
              "Inside anything but list, either all values are number or string, mixed type is not"
                  + " supported");
        }
        yield new ValueMatcher.AnythingBut(List.copyOf(elements));
      }
      case Json.Obj o -> anythingButOperator(o);
      default ->
          throw new InvalidPattern(
              "Value of anything-but must be an array or single string/number value.");
    };
  }

  /** {@code anything-but} of a prefix, a suffix or equals-ignore-case: one string or a list. */
  private static ValueMatcher anythingButOperator(Json.Obj expression) {
    if (expression.members().size() != 1) {
      throw new InvalidPattern("Only one key allowed in match expression");
    }
    Map.Entry<String, Json> only = expression.members().entrySet().iterator().next();
    String op = only.getKey();
    if (!op.equals("prefix") && !op.equals("suffix") && !op.equals("equals-ignore-case")) {
      throw new InvalidPattern("Unsupported anything-but pattern: " + op);
    }
    List<Json> texts =
        only.getValue() instanceof Json.Arr(List<Json> elements)
            ? elements
            : List.of(only.getValue());
    if (texts.isEmpty()) {
      throw new InvalidPattern("Empty arrays are not allowed");
    }
    List<ValueMatcher> excluded = new ArrayList<>();
    for (Json t : texts) {
      if (!(t instanceof Json.Str(String s))) {
        throw new InvalidPattern(
            op.equals("equals-ignore-case")
                ? "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not"
                    + " supported."
                : "prefix/suffix match pattern must be a string");
      }
      excluded.add(
          switch (op) {
            case "prefix" -> {
              if (s.isEmpty()) {
                throw new InvalidPattern("Null prefix/suffix not allowed");
              }
              yield new ValueMatcher.Prefix(s, false);
            }
            case "suffix" -> {
              if (s.isEmpty()) {
                throw new InvalidPattern("Null prefix/suffix not allowed");
              }
              yield new ValueMatcher.Suffix(s, false);
            }
            default -> new ValueMatcher.EqualsIgnoreCase(s);
          });
    }
    return new ValueMatcher.AnythingButAny(List.copyOf(excluded));
  }

  /**
   * {@code numeric}: {@code [op, n]} with op one of = &lt; &lt;= &gt; &gt;=, or a range {@code [">"
   * or ">=", low, "<" or "<=", high]} with low below high.
   */
  private static ValueMatcher numeric(Json value) {
    if (!(value instanceof Json.Arr(List<Json> terms))) {
      throw new InvalidPattern("Value of numeric must be an array.");
    }
    if (terms.isEmpty() || !(terms.get(0) instanceof Json.Str(String op))) {
      throw new InvalidPattern("Invalid member in numeric match");
    }
    if (!Set.of("=", "<", "<=", ">", ">=").contains(op)) {
      throw new InvalidPattern("Unrecognized numeric range operator: " + op);
    }
    BigDecimal first = number(op, terms, 1);
    if (terms.size() == 2) {
      return switch (op) {
        case "=" -> new ValueMatcher.Numeric(first, true, first, true);
        case "<" -> new ValueMatcher.Numeric(null, false, first, false);
        case "<=" -> new ValueMatcher.Numeric(null, false, first, true);
        case ">" -> new ValueMatcher.Numeric(first, false, null, false);
        default -> new ValueMatcher.Numeric(first, true, null, false);
      };
    }
    if (!op.equals(">") && !op.equals(">=")) {
      throw new InvalidPattern("Too many elements in numeric expression");
    }
    if (!(terms.get(2) instanceof Json.Str(String op2))) {
      throw new InvalidPattern("Bad value in numeric range");
    }
    if (!op2.equals("<") && !op2.equals("<=")) {
      throw new InvalidPattern("Bad numeric range operator: " + op2);
    }
    BigDecimal second = number(op2, terms, 3);
    if (terms.size() > 4) {
      throw new InvalidPattern("Too many terms in numeric range expression");
    }
    if (first.compareTo(second) >= 0) {
      throw new InvalidPattern("Bottom must be less than top");
    }
    return new ValueMatcher.Numeric(first, op.equals(">="), second, op2.equals("<="));
  }

  private static BigDecimal number(String op, List<Json> terms, int index) {
    String notNumeric = "Value of " + (op.equals("=") ? "equals" : op) + " must be numeric";
    if (index >= terms.size() || !(terms.get(index) instanceof Json.Num(String text))) {
      throw new InvalidPattern(notNumeric);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      // A JSON number whose exponent does not fit an int (1e9999999999).
      throw new InvalidPattern(notNumeric);
    }
  }

  private static List<String> append(List<String> path, String name) {
    List<String> out = new ArrayList<>(path);
    out.add(name);
    return List.copyOf(out);
  }
}

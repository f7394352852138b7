package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.attrs;
import static io.tributary.expressions.Values.b;
import static io.tributary.expressions.Values.bool;
import static io.tributary.expressions.Values.bs;
import static io.tributary.expressions.Values.l;
import static io.tributary.expressions.Values.m;
import static io.tributary.expressions.Values.n;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.ns;
import static io.tributary.expressions.Values.nul;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.ss;
import static io.tributary.expressions.Values.values;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.AttributeValue;
import io.tributary.model.DynamoDbException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UpdateExpression messages found before any item is read, mostly as dynalite expects them. */
class UpdateMessagesTest {
  private static final String UPDATE = "Invalid UpdateExpression: ";

  private static void updateFails(String text, ExpressionAttributes attrs, String message) {
    assertValidation(() -> Expressions.parseUpdate(text, attrs), UPDATE + message);
  }

  private static ExpressionAttributes ab() {
    return attrs(names("#a", "a", "#b", "b"), ":a", s("a"), ":b", s("a"));
  }

  @Test
  void emptyAndTooLong() {
    updateFails("", ExpressionAttributes.none(), "The expression can not be empty;");
    updateFails(
        "SET a = " + "b".repeat(4089),
        ExpressionAttributes.none(),
        "Expression size has exceeded the maximum allowed size;");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "whatever",
        "set a",
        "add a",
        "delete a",
        "set a=set",
        "remove a = b",
        "add a = b",
        "delete a = b",
        "delete a b",
        "delete a if_not_exist(b)",
        "add abort b",
        "add a if_not_exist(b)",
        "remove a b",
        "set a b",
        "set :a = b",
        "add :a b",
        "delete :a b",
        "remove :a",
        "set a = b / c",
        "set a = b * c",
        "set a[1] = \"eight\"",
        "set a[1] = 1",
        "SET a = if_not_exist(a, 100)",
        "SET if_not_exist(a, b) = a",
        "set (a = (b + c))",
        "set a = (b.c).d + e",
        "set a = (b.c)[0] + e",
        "set a = b + c + d",
      })
  void syntaxErrors(String text) {
    assertThatThrownBy(() -> Expressions.parseUpdate(text, ExpressionAttributes.none()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith(UPDATE + "Syntax error; ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "set a = (b + c)",
        "set a = ((b.c.d)+(e))",
        "set a[1] = b",
        "set a.b = b",
        "SET a = if_not_exists(a, b) + b",
        "SET a = if_not_exists(a, if_not_exists(a, b))",
        "remove a, b.c[2], d",
        "SET a = list_append(b, c)",
      })
  void validUpdates(String text) {
    Expressions.parseUpdate(text, ExpressionAttributes.none());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {" set #c = :c set abOrt = true |abOrt", " remove Absolute |Absolute"})
  void reservedWords(String text, String word) {
    updateFails(text, ab(), "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @Test
  void invalidFunctionsComeBeforeRepeatedSections() {
    updateFails(
        "set #c = if_not_exist(:c) set c = d", ab(), "Invalid function name; function: if_not_exist");
    updateFails(
        "set a = size(b)",
        ExpressionAttributes.none(),
        "The function is not allowed in an update expression; function: size");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set a = #c set c = :d|SET",
        "remove #d set a = b remove e|REMOVE",
        "add #d :e set a = b add e :f|ADD",
        "delete #d :e set a = b delete #e :f|DELETE",
      })
  void repeatedSections(String text, String section) {
    updateFails(
        text,
        ab(),
        "The \"" + section + "\" section can only be used once in an update expression;");
  }

  @Test
  void undefinedPlaceholders() {
    updateFails(
        "SET #c = if_not_exists(:c)",
        ab(),
        "An expression attribute name used in the document path is not defined; attribute name:"
            + " #c");
    updateFails(
        "SET #a = if_not_exists(:c)",
        ab(),
        "An expression attribute value used in expression is not defined; attribute value: :c");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)|[c, [1], a]|[c]",
        "set #c[3].#d = a, #c[3] = a|[c, [3], [3]]|[c, [3]]",
        "set a = b, a = c|[a]|[a]",
        "SET info = :v, info.a = :v|[info]|[info, a]",
        "SET profile.nm = :v REMOVE profile|[profile, nm]|[profile]",
        // Regression: path two is found through the shared child, not the first attribute.
        "REMOVE c, c.d SET x = :v|[c]|[c, d]",
        "set c.b.#c = a, c = a, #d = a|[c, b, c]|[c]",
        "remove c, #c.a, #d|[c]|[c, a]",
      })
  void overlappingPaths(String text, String one, String two) {
    updateFails(
        text,
        attrs(names("#c", "c", "#d", "[3]"), ":v", s("x")),
        "Two document paths overlap with each other; must remove or rewrite one of these paths;"
            + " path one: "
            + one
            + ", path two: "
            + two);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set #c[3].#d = a, #c.#d[3] = if_not_exists(a)|[c, [3], [3]]|[c, [3], [3]]",
        "remove a.#c set a[1] = #d|[a, c]|[a, [1]]",
      })
  void conflictingPaths(String text, String one, String two) {
    updateFails(
        text,
        attrs(names("#b", "b", "#c", "c", "#d", "[3]")),
        "Two document paths conflict with each other; must remove or rewrite one of these paths;"
            + " path one: "
            + one
            + ", path two: "
            + two);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set b = list_append(:a, a), c = if_not_exists(a) add a.b :a|S|ADD|STRING",
        "delete a.b :a|S|DELETE|STRING",
        "add a.b :a|NULL|ADD|NULL",
        "delete a.b :a|NULL|DELETE|NULL",
        "add a.b :a|BOOL|ADD|BOOLEAN",
        "delete a.b :a|BOOL|DELETE|BOOLEAN",
        "add a.b :a|B|ADD|BINARY",
        "delete a.b :a|B|DELETE|BINARY",
        "add a.b :a|M|ADD|MAP",
        "delete a.b :a|M|DELETE|MAP",
        "add a.b :a|L|ADD|LIST",
        "delete a.b :a|L|DELETE|LIST",
        "delete a.b :a|N|DELETE|NUMBER",
      })
  void addAndDeleteOperandTypes(String text, String type, String action, String typeName) {
    AttributeValue value =
        switch (type) {
          case "M" -> m("a", l(n("1")));
          case "L" -> l(n("1"));
          default -> ConditionMessagesTest.ofType(type);
        };
    updateFails(
        text,
        attrs(null, ":a", value, ":b", s("a")),
        "Incorrect operand type for operator or function; operator: "
            + action
            + ", operand type: "
            + typeName
            + ", typeSet: ALLOWED_FOR_"
            + action
            + "_OPERAND");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"set a = if_not_exists(c)|if_not_exists|1", "set a = list_append(c)|list_append|1"})
  void functionOperandCounts(String text, String function, int count) {
    updateFails(
        text,
        ab(),
        "Incorrect number of operands for operator or function; operator or function: "
            + function
            + ", number of operands: "
            + count);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"set a = if_not_exists(:a, c)", "set a = if_not_exists(if_not_exists(a, b), c)"})
  void ifNotExistsNeedsAPath(String text) {
    updateFails(
        text, ab(), "Operator or function requires a document path; operator or function: if_not_exists");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "set a = list_append(:a, a)|list_append|S",
        "set a = list_append(a, :b)|list_append|N",
        "set a = list_append(:c, a)|list_append|B",
        "set a = list_append(:d, a)|list_append|BOOL",
        "set a = list_append(:e, a)|list_append|NULL",
        "set a = list_append(:f, a)|list_append|SS",
        "set a = list_append(:g, a)|list_append|NS",
        "set a = list_append(:h, a)|list_append|BS",
        "set a = list_append(:i, a)|list_append|M",
        "set a = a + :a|+|S",
        "set a = :a + :c|+|S",
        "set a = :c + a|+|B",
        "set a = a + :d|+|BOOL",
        "set a = a + :e|+|NULL",
        "set a = a + :f|+|SS",
        "set a = a + :g|+|NS",
        "set a = a + :h|+|BS",
        "set a = a + :i|+|M",
        "set a = a + :j|+|L",
        "set a = a - :a|-|S",
        "set a = :a - :c|-|S",
        "set a = :c - a|-|B",
        "set a = a - :d|-|BOOL",
        "set a = a - :e|-|NULL",
        "set a = a - :f|-|SS",
        "set a = a - :g|-|NS",
        "set a = a - :h|-|BS",
        "set a = a - :i|-|M",
        "set a = a - :j|-|L",
      })
  void functionAndArithmeticOperandTypes(String text, String function, String type) {
    ExpressionAttributes attributes =
        attrs(
            names("#a", "a", "#b", "b"),
            ":a", s("a"),
            ":b", n("1"),
            ":c", b("a"),
            ":d", bool(false),
            ":e", nul(),
            ":f", ss("a"),
            ":g", ns("1"),
            ":h", bs("a"),
            ":i", m(),
            ":j", l());
    assertValidation(
        () -> Expressions.parseUpdate(text, attributes),
        UPDATE
            + "Incorrect operand type for operator or function; operator or function: "
            + function
            + ", operand type: "
            + type);
  }

  @Test
  void listIndexRange() {
    updateFails(
        "REMOVE a[99999999999]",
        ExpressionAttributes.none(),
        "List index is not within the allowable range; index: [99999999999]");
  }

  @Test
  void keyAttributesCannotBeUpdated() {
    for (String text :
        List.of(
            "add a.b :n",
            "delete a :ns",
            "remove d set b = :n, a = :n",
            "delete b :ns remove a",
            "set a = a.b + a[1]")) {
      Update update =
          Expressions.parseUpdate(text, values(":n", n("1"), ":ns", ns("1")));
      assertValidation(
          () -> update.requireKeyNotUpdated(List.of("a")),
          "One or more parameter values were invalid: Cannot update attribute a. This attribute is"
              + " part of the key");
    }
  }
}

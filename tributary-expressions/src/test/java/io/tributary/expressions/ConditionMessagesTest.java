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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages for conditions and filters, most of them as dynalite's test suite (run against
 * DynamoDB) expects them for FilterExpression.
 */
class ConditionMessagesTest {
  private static final String FILTER = "Invalid FilterExpression: ";

  private static void filterFails(String text, ExpressionAttributes attrs, String message) {
    assertValidation(() -> Expressions.parseCondition("FilterExpression", text, attrs), FILTER + message);
  }

  static AttributeValue ofType(String type) {
    return switch (type) {
      case "S" -> s("1");
      case "N" -> n("1");
      case "B" -> b("a");
      case "BOOL" -> bool(true);
      case "NULL" -> nul();
      case "L" -> l();
      case "M" -> m();
      case "SS" -> ss("1");
      case "NS" -> ns("1");
      case "BS" -> bs("a");
      default -> throw new IllegalArgumentException(type);
    };
  }

  @Test
  void emptyAndTooLong() {
    filterFails("", ExpressionAttributes.none(), "The expression can not be empty;");
    String longText = "a = b AND " + "x".repeat(4087);
    filterFails(
        longText,
        ExpressionAttributes.none(),
        "Expression size has exceeded the maximum allowed size; expression size: 4097");
    assertValidation(
        () -> Expressions.parseCondition("ConditionExpression", longText, ExpressionAttributes.none()),
        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;"
            + " expression size: 4097");
  }

  @Test
  void exactlyMaximumLengthIsAccepted() {
    String text = "a = b AND " + "x".repeat(4080) + " = y";
    Expressions.parseCondition("FilterExpression", text, ExpressionAttributes.none());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "things are not gonna be ok",
        "a > 4",
        "attribute_exists(Pictures-RearView)",
        "attribute_exists(\"Pictures.RearView\")",
        "attribute_exists(Pictures..RearView)",
        "attribute_exists(Pi#ctures.RearView)",
        "attribute_exists(asdf[a])",
        "a in b, c",
        "a > between",
        "a in b",
        "a in (b,c,)",
        "(a)between(b.(c.d))and(c)",
        "(a)between(b.c.d)and((c)",
        "#$.b > a",
        "a > :things.stuff",
        "b[:a] > a",
        "b[#_] > a",
        "ü > a",
        "(a)between(b.c[4.5].#d)and(:a)",
        "size(a).b > a",
        "(size(a)).b > a",
        "size(a)[0] > a",
        "(size(a))[0] > a",
      })
  void syntaxErrors(String text) {
    assertThatThrownBy(
            () -> Expressions.parseCondition("FilterExpression", text, ExpressionAttributes.none()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith(FILTER + "Syntax error; ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=a and a > ((views))",
        "(a)between(((b.c)).d)and(c)",
        "a > whatever((:things), ((a)))",
        "a=a AND ((a=a AND a=a)) AND a=a",
        "a=a OR ((a=a OR a=a)) OR a=a",
        "a=a AND ((a=a AND (a=a AND a=a)))",
        "a=a OR ((a=a OR (a=a OR a=a)))",
      })
  void redundantParentheses(String text) {
    filterFails(text, ExpressionAttributes.none(), "The expression has redundant parentheses;");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=a and whatever((:things)) > a|whatever",
        "attRIbute_exIsts((views), #a)|attRIbute_exIsts",
        "if_not_exists(a, b) = c|if_not_exists",
        "list_append(a, b) = c|list_append",
      })
  void invalidFunctionNames(String text, String function) {
    String message =
        function.equals("if_not_exists") || function.equals("list_append")
            ? "The function is not allowed in a condition expression; function: " + function
            : "Invalid function name; function: " + function;
    filterFails(text, ExpressionAttributes.none(), message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=a and attribute_exists((views), (#a)) > b|attribute_exists",
        "attribute_not_exists(things) > b|attribute_not_exists",
        "attribute_type(things, :a) > b|attribute_type",
        "begins_with(things, a) > b|begins_with",
        "contains(:things, c) > b|contains",
        "size(contains(a, b)) > a|contains",
        "size(things)|size",
        "a between b and attribute_exists(things)|attribute_exists",
        "a in (b, attribute_exists(things))|attribute_exists",
      })
  void functionsUsedIncorrectly(String text, String function) {
    filterFails(
        text,
        ExpressionAttributes.none(),
        "The function is not allowed to be used this way in an expression; function: " + function);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"attribute_exists(views, #a)|views", ":a < abOrT|abOrT", "Status = :a|Status"})
  void reservedWords(String text, String word) {
    filterFails(
        text,
        ExpressionAttributes.none(),
        "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "attribute_exists(#Pictures.RearView, :a) and a=a|#Pictures",
        "begins_with(Pictures.#RearView)|#RearView",
        "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))|#P",
        "#4g > a|#4g",
        "#_ > a|#_",
        "(a)between(b.c[45].#d)and(:a)|#d",
      })
  void undefinedNames(String text, String name) {
    filterFails(
        text,
        ExpressionAttributes.none(),
        "An expression attribute name used in the document path is not defined; attribute name: "
            + name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"begins_with(:hello, #a, #b)|:hello", ":a < :b|:a", ":_ > a|:_"})
  void undefinedValues(String text, String value) {
    filterFails(
        text,
        ExpressionAttributes.none(),
        "An expression attribute value used in expression is not defined; attribute value: "
            + value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "attribute_exists(things, a) and a=a|attribute_exists|2",
        "attribute_not_exists(things, b)|attribute_not_exists|2",
        "attribute_type(things)|attribute_type|1",
        "begins_with(things)|begins_with|1",
        "begins_with(things, size(a), b)|begins_with|3",
        "contains(things)|contains|1",
        "size(things, a) > b|size|2",
      })
  void operandCounts(String text, String function, int count) {
    filterFails(
        text,
        ExpressionAttributes.none(),
        "Incorrect number of operands for operator or function; operator or function: "
            + function
            + ", number of operands: "
            + count);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "attribute_type(a, size(a)) and a=a and a=:a|attribute_type|N",
        "attribute_type(a, :a)|attribute_type|N",
        "attribute_type(a, :a)|attribute_type|B",
        "attribute_type(a, :a)|attribute_type|BOOL",
        "attribute_type(a, :a)|attribute_type|NULL",
        "attribute_type(a, :a)|attribute_type|L",
        "attribute_type(a, :a)|attribute_type|M",
        "attribute_type(a, :a)|attribute_type|SS",
        "attribute_type(a, :a)|attribute_type|NS",
        "attribute_type(a, :a)|attribute_type|BS",
        "begins_with(a, size(a)) and a=:a|begins_with|N",
        "begins_with(a, :a)|begins_with|N",
        "begins_with(a, :a)|begins_with|BOOL",
        "begins_with(a, :a)|begins_with|NULL",
        "begins_with(a, :a)|begins_with|L",
        "begins_with(a, :a)|begins_with|M",
        "begins_with(a, :a)|begins_with|SS",
        "begins_with(a, :a)|begins_with|NS",
        "begins_with(a, :a)|begins_with|BS",
        "begins_with(:a, a)|begins_with|N",
        "begins_with(:a, a)|begins_with|BOOL",
        "begins_with(:a, a)|begins_with|NULL",
        "begins_with(:a, a)|begins_with|L",
        "begins_with(:a, a)|begins_with|M",
        "begins_with(:a, a)|begins_with|SS",
        "begins_with(:a, a)|begins_with|NS",
        "begins_with(:a, a)|begins_with|BS",
        "size(size(a)) > :a|size|N",
        "attribute_not_exists(size(:a))|size|N",
        "size(:a) > a|size|BOOL",
        "size(:a) > a|size|NULL",
      })
  void operandTypes(String text, String function, String type) {
    filterFails(
        text,
        values(":a", ofType(type)),
        "Incorrect operand type for operator or function; operator or function: "
            + function
            + ", operand type: "
            + type);
  }

  @Test
  void attributeTypeNames() {
    filterFails(
        "attribute_type(a, :a)",
        values(":a", s("1")),
        "Invalid attribute type name found; type: 1, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
    Expressions.parseCondition("FilterExpression", "attribute_type(a, :a)", values(":a", s("SS")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"attribute_exists(:a) and a=a|attribute_exists", "attribute_not_exists(size(:a))|attribute_not_exists"})
  void functionsNeedPaths(String text, String function) {
    filterFails(
        text,
        values(":a", s("1")),
        "Operator or function requires a document path; operator or function: " + function);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a = a AND #a = b AND :views > a|=|[a]",
        "#a <> a|<>|[a]",
        "a > #a|>|[a]",
        "((a=a) OR (a=a))|=|[a]",
        "((a=a) AND (a=a))|=|[a]",
        "contains(ab.bc[1].a, ab.bc[1].#a)|contains|[ab, bc, [1], a]",
        "attribute_type(ab.bc[1].#a, ab.bc[1].a)|attribute_type|[ab, bc, [1], a]",
        "begins_with(ab.bc[1].a, ab.bc[1].#a)|begins_with|[ab, bc, [1], a]",
      })
  void operandsMustBeDistinct(String text, String operator, String path) {
    filterFails(
        text,
        attrs(names("#a", "a")),
        "The first operand must be distinct from the remaining operands for this operator or"
            + " function; operator: "
            + operator
            + ", first operand: "
            + path);
  }

  @Test
  void sameValueTwiceIsAllowed() {
    Expressions.parseCondition("FilterExpression", ":a > :a", values(":a", n("1")));
  }

  @Test
  void comparisonOperandTypes() {
    filterFails(
        "a < :a",
        values(":a", bool(true)),
        "Incorrect operand type for operator or function; operator or function: <, operand type:"
            + " BOOL");
    filterFails(
        "a BETWEEN :a AND :b",
        values(":a", n("1"), ":b", s("2")),
        "The BETWEEN operator requires same data type for lower and upper bounds; lower bound"
            + " operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:2}");
    filterFails(
        "a BETWEEN :a AND :b",
        values(":a", n("5"), ":b", n("2")),
        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
            + " lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue:"
            + " {N:2}");
  }

  @Test
  void inOperandLimit() {
    StringBuilder text = new StringBuilder("a IN (");
    for (int i = 0; i < 101; i++) {
      text.append(i == 0 ? "" : ",").append("b").append(i);
    }
    String tooMany = text + ")";
    filterFails(
        tooMany,
        ExpressionAttributes.none(),
        "The IN operator is provided with too many operands; number of operands: 101");
    String enough = tooMany.replace(",b100)", ")");
    Expressions.parseCondition("FilterExpression", enough, ExpressionAttributes.none());
  }

  @Test
  void operatorLimit() {
    StringBuilder ok = new StringBuilder("a0 = b");
    for (int i = 1; i < 150; i++) {
      ok.append(" AND a").append(i).append(" = b");
    }
    // 150 comparisons and 149 ANDs: 299 operators.
    Expressions.parseCondition("FilterExpression", ok.toString(), ExpressionAttributes.none());
    // The count is reported as soon as it passes 300.
    String tooMany = ok + " AND NOT x = b";
    filterFails(
        tooMany,
        ExpressionAttributes.none(),
        "The expression contains too many operators; operator count: 301");
  }

  @Test
  void documentPathNesting() {
    String path32 = "a" + ".b".repeat(31);
    Expressions.parseCondition(
        "FilterExpression", "attribute_exists(" + path32 + ")", ExpressionAttributes.none());
    filterFails(
        "attribute_exists(" + path32 + "[0])",
        ExpressionAttributes.none(),
        "The document path has too many nesting levels; nesting levels: 33");
  }

  @Test
  void memberNameIsUsedInThePrefix() {
    assertValidation(
        () -> Expressions.parseCondition("ConditionExpression", "a >", ExpressionAttributes.none()),
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \">\"");
  }
}

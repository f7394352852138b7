package io.tributary.expressions;

import static io.tributary.expressions.Values.assertValidation;
import static io.tributary.expressions.Values.names;
import static io.tributary.expressions.Values.s;
import static io.tributary.expressions.Values.values;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Syntax errors name the first token that cannot continue the expression and show the text from
 * the token before it to the token after it. Cases marked "captured" reproduce messages observed
 * from DynamoDB.
 */
class SyntaxErrorTest {
  private static String syntax(String member, String token, String near) {
    return "Invalid " + member + ": Syntax error; token: \"" + token + "\", near: \"" + near + "\"";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // captured: end of input shows the last token
        "SET|<EOF>|SET",
        // captured (moto): a literal number is not an operand
        "SET MyStr = myNum + 1|1|+ 1",
        // captured (moto): the whole neighbourhood, whitespace included
        "SET path = VALUE 1|1|VALUE 1",
        // captured (alternator): '_' cannot start a name; the next token is "123"
        "SET _123 = :v|_|SET _123",
        "SET a = b c|c|b c",
        "SET a =|<EOF>|=",
        "SET a = b + c + d|+|c + d",
        "set a = (b.c).d + e|.|).d",
        "REMOVE a = b|=|a = b",
        "ADD a|<EOF>|a",
        "DELETE a b|b|a b",
        "set a[1] = 1|1|= 1",
        "SET a = if_not_exist(a, 100)|100|, 100)",
        "set (a = (b + c))|(|set (a",
        "whatever|whatever|whatever",
        "SET a = :v extra|extra|:v extra",
        "SET # = :v|#|SET # =",
        "SET a = :|:|= :",
        "SET a = b SET |<EOF>|SET ",
        "  SET|<EOF>|  SET",
      })
  void updateSyntaxErrors(String text, String token, String near) {
    assertValidation(
        () -> Expressions.parseUpdate(text, values(":v", s("x"))),
        syntax("UpdateExpression", token, near));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // captured (LowVoltage, real DynamoDB)
        "foo|<EOF>|foo",
        // captured: an empty argument list
        "attribute_type()|)|()",
        "a = |<EOF>|= ",
        "a == :v|=|== :v",
        "a = :v AND|<EOF>|AND",
        "(a = :v|<EOF>|:v",
        "a = :v)|)|:v)",
        "(a) AND b = :v|AND|) AND b",
        "(a AND b)|AND|a AND b",
        "a IN :v|:v|IN :v",
        "a BETWEEN :v OR :v|OR|:v OR :v",
        "NOT a|<EOF>|a",
        "a > 4|4|> 4",
        "(size(a))[0] > a|[|)[0",
        "a <=> :v|>|<=> :v",
        "a.:v = :v|:v|.:v =",
        "a[-1] = :v|-|[-1",
        "a[01] = :v|1|01]",
        "a = \"b\"|\"|= \"b",
        "()|)|()",
        "a.b.|<EOF>|.",
      })
  void conditionSyntaxErrors(String text, String token, String near) {
    assertValidation(
        () -> Expressions.parseCondition("ConditionExpression", text, values(":v", s("x"))),
        syntax("ConditionExpression", token, near));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // captured (a DynamoDB emulator that reproduces it): a name where an index goes
        "l[a]|a|[a]",
        "l[]|]|[]",
        "(a)|(|(a",
        "a,|<EOF>|,",
        "a b|b|a b",
        "size(a)|(|size(a",
        ":v|:v|:v",
      })
  void projectionSyntaxErrors(String text, String token, String near) {
    assertValidation(
        () -> Expressions.parseProjection(text, ExpressionAttributes.none()),
        syntax("ProjectionExpression", token, near));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "((a = :v))|ConditionExpression",
        "((a)) = :v|ConditionExpression",
        "NOT ((a = :v))|ConditionExpression",
        "a IN (((:v)))|ConditionExpression",
        "((attribute_exists(a)))|ConditionExpression",
      })
  void redundantParentheses(String text, String member) {
    assertValidation(
        () -> Expressions.parseCondition(member, text, values(":v", s("x"))),
        "Invalid " + member + ": The expression has redundant parentheses;");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"SET a = ((b))", "SET a = ((b + c))", "SET a = list_append(((b)), c)"})
  void redundantParenthesesInUpdates(String text) {
    assertValidation(
        () -> Expressions.parseUpdate(text, ExpressionAttributes.none()),
        "Invalid UpdateExpression: The expression has redundant parentheses;");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"(a) = :v", "((a) = :v)", "SET a = (b)", "SET a = ((b) + (c))"})
  void singleParenthesesAreFine(String text) {
    if (text.startsWith("SET")) {
      Expressions.parseUpdate(text, ExpressionAttributes.none());
    } else {
      Expressions.parseCondition("ConditionExpression", text, values(":v", s("x")));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"#a = :v|#a", "#1 = :v|#1", "#_ = :v|#_"})
  void placeholdersMayStartWithAnyNameCharacter(String text, String placeholder) {
    Expressions.parseCondition(
        "FilterExpression", text, ExpressionAttributes.of(names(placeholder, "x"), Values.item(":v", s("1"))));
  }
}

package io.tributary.expressions.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.expressions.Condition;
import io.tributary.expressions.ExpressionAttributes;
import io.tributary.expressions.Expressions;
import io.tributary.expressions.syntax.Syntax;
import io.tributary.expressions.syntax.SyntaxCache;
import io.tributary.expressions.syntax.SyntaxPrinter;
import io.tributary.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConditionPropertiesTest {
  @Provide
  Arbitrary<Map<String, AttributeValue>> items() {
    return Generators.items();
  }

  @Provide
  Arbitrary<RefCondition> conditions() {
    return Generators.conditions(3);
  }

  @Property(tries = 2000)
  void evaluationMatchesTheReference(
      @ForAll("conditions") RefCondition condition, @ForAll("items") Map<String, AttributeValue> item) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    String text = RefCondition.print(condition, values);
    ExpressionAttributes attributes =
        ExpressionAttributes.of(null, values.isEmpty() ? null : values);
    Condition parsed = Expressions.parseCondition("FilterExpression", text, attributes);
    attributes.checkAllUsed();
    assertThat(parsed.test(item)).as(text + " with " + values + " on " + item).isEqualTo(Reference.test(condition, item));
  }

  @Property(tries = 1000)
  void printingAParsedTreeGivesTheSameTree(@ForAll("conditions") RefCondition condition) {
    String text = RefCondition.print(condition, new LinkedHashMap<>());
    Syntax.Cond tree = SyntaxCache.condition(text);
    String printed = SyntaxPrinter.print(tree);
    assertThat(SyntaxCache.condition(printed)).as(text).isEqualTo(tree);
  }
}

package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NumbersPropertiesTest {
  @Provide
  Arbitrary<BigDecimal> numbers() {
    return AttributeValueArbitraries.numbers();
  }

  @Property
  void parsingTheReturnedFormGivesTheSameNumber(@ForAll("numbers") BigDecimal x) {
    String text = Numbers.toText(x);
    assertThat(Numbers.parse(text)).isEqualByComparingTo(x);
    assertThat(Numbers.parse(text, Wording.LEGACY)).isEqualByComparingTo(x);
    assertThat(Numbers.toText(Numbers.parse(text))).isEqualTo(text);
  }

  @Property
  void theReturnedFormIsPlainAndMinimal(@ForAll("numbers") BigDecimal x) {
    String text = Numbers.toText(x);
    assertThat(text).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?|-?0\\.[0-9]*[1-9]");
    assertThat(text).isNotEqualTo("-0");
  }

  @Property
  void scientificFormsParseToTheSameNumber(@ForAll("numbers") BigDecimal x) {
    assertThat(Numbers.parse(x.toString())).isEqualByComparingTo(x);
    assertThat(Numbers.parse(x.toEngineeringString())).isEqualByComparingTo(x);
    assertThat(Numbers.parse(x.toString().replace("E", "e"), Wording.LEGACY))
        .isEqualByComparingTo(x);
  }

  @Property
  void everyGeneratedNumberIsStorable(@ForAll("numbers") BigDecimal x) {
    assertThat(Numbers.isStorable(x)).isTrue();
  }
}

package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumbersTest {
  private static final String NOT_NUMERIC = Numbers.NOT_NUMERIC;
  private static final String OVERFLOW = Numbers.OVERFLOW;
  private static final String UNDERFLOW = Numbers.UNDERFLOW;
  private static final String DIGITS = Numbers.TOO_MANY_DIGITS;

  @Test
  void messagesAreDynamoDbsWords() {
    assertThat(NOT_NUMERIC).isEqualTo("The parameter cannot be converted to a numeric value");
    assertThat(DIGITS).isEqualTo("Attempting to store more than 38 significant digits in a Number");
    assertThat(OVERFLOW)
        .isEqualTo(
            "Number overflow. Attempting to store a number with magnitude larger than supported"
                + " range");
    assertThat(UNDERFLOW)
        .isEqualTo(
            "Number underflow. Attempting to store a number with magnitude smaller than supported"
                + " range");
  }

  @ParameterizedTest(name = "{0} is returned as {1}")
  @CsvSource({
    "0001, 1",
    "+5, 5",
    "+1.5, 1.5",
    "+0, 0",
    "+1e2, 100",
    "1e+2, 100",
    "1.5E+3, 1500",
    "1.5E2, 150",
    "-7, -7",
    "1.0, 1",
    "1e2, 100",
    "-0, 0",
    "-0.000, 0",
    "0.10, 0.1",
    "0042.1200, 42.12",
    ".5, 0.5",
    "5., 5",
    "0e125, 0",
    "0e-130, 0",
    "-56.789, -56.789",
    "0000012345678901234567890123456789012345678, 12345678901234567890123456789012345678",
    "-00001.23456789012345678901234567890123456780000, -1.2345678901234567890123456789012345678",
  })
  void acceptsAndNormalizes(String text, String returned) {
    assertThat(Numbers.toText(Numbers.parse(text))).isEqualTo(returned);
    assertThat(Numbers.toText(Numbers.parse(text, Wording.LEGACY))).isEqualTo(returned);
  }

  @Test
  void extremesAreReturnedAsPlainDigits() {
    assertThat(Numbers.toText(Numbers.parse("0009.99999999999999999999999999999999999990000e125")))
        .isEqualTo("9".repeat(38) + "0".repeat(88));
    assertThat(Numbers.toText(Numbers.parse("-0009.99999999999999999999999999999999999990000e125")))
        .isEqualTo("-" + "9".repeat(38) + "0".repeat(88));
    assertThat(Numbers.toText(Numbers.parse("0001.000e-130")))
        .isEqualTo("0." + "0".repeat(129) + "1");
    assertThat(Numbers.toText(Numbers.parse("-1E-130"))).isEqualTo("-0." + "0".repeat(129) + "1");
    assertThat(Numbers.toText(Numbers.parse("1E125"))).isEqualTo("1" + "0".repeat(125));
  }

  @Test
  void trailingZerosOfAnIntegerAreNotSignificant() {
    assertThat(Numbers.parse("1" + "0".repeat(120))).isEqualByComparingTo("1E120");
    assertThat(Numbers.parse("1234567890123456789012345678901234567800000"))
        .isEqualByComparingTo("1.2345678901234567890123456789012345678E42");
    assertThat(Numbers.parse("0.000" + "1".repeat(38))).isNotNull();
  }

  static Stream<Arguments> refusedByTheCurrentLayer() {
    return Stream.of(
        Arguments.of("abc", NOT_NUMERIC + ": abc"),
        Arguments.of("1.2.3", NOT_NUMERIC + ": 1.2.3"),
        Arguments.of("", NOT_NUMERIC + ": "),
        Arguments.of(" 1", NOT_NUMERIC + ":  1"),
        Arguments.of("1 ", NOT_NUMERIC + ": 1 "),
        Arguments.of("0x10", NOT_NUMERIC + ": 0x10"),
        Arguments.of("1e", NOT_NUMERIC + ": 1e"),
        Arguments.of("1e+", NOT_NUMERIC + ": 1e+"),
        Arguments.of("e5", NOT_NUMERIC + ": e5"),
        Arguments.of("+", NOT_NUMERIC + ": +"),
        Arguments.of(".", NOT_NUMERIC + ": ."),
        Arguments.of("+e2", NOT_NUMERIC + ": +e2"),
        Arguments.of("1+2", NOT_NUMERIC + ": 1+2"),
        Arguments.of("--1", NOT_NUMERIC + ": --1"),
        Arguments.of("NaN", NOT_NUMERIC + ": NaN"),
        Arguments.of("Infinity", NOT_NUMERIC + ": Infinity"),
        Arguments.of("\u0661", NOT_NUMERIC + ": \u0661"),
        Arguments.of("1e9223372036854775808", NOT_NUMERIC + ": 1e9223372036854775808"),
        Arguments.of("1e126", OVERFLOW),
        Arguments.of("-1e126", OVERFLOW),
        Arguments.of("0e126", OVERFLOW),
        Arguments.of("10e125", OVERFLOW),
        Arguments.of("1" + "0".repeat(126), OVERFLOW),
        Arguments.of("1e99999999999", OVERFLOW),
        Arguments.of("-1e99999999999", OVERFLOW),
        Arguments.of("1e2147483648", OVERFLOW),
        Arguments.of("1e2147483647", OVERFLOW),
        Arguments.of("1e9223372036854775807", OVERFLOW),
        Arguments.of("1e-131", UNDERFLOW),
        Arguments.of("-1e-131", UNDERFLOW),
        Arguments.of("0e-131", UNDERFLOW),
        Arguments.of("0.1e-130", UNDERFLOW),
        Arguments.of("1e-99999999999", UNDERFLOW),
        Arguments.of("1e-2147483648", UNDERFLOW),
        Arguments.of("1e-9223372036854775808", UNDERFLOW),
        Arguments.of("123456789012345678901234567890123456789", DIGITS),
        Arguments.of("1234567890123456789012345678901234567890", DIGITS),
        Arguments.of("-1.23456789012345678901234567890123456789", DIGITS));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource
  void refusedByTheCurrentLayer(String text, String message) {
    assertThatThrownBy(() -> Numbers.parse(text, Wording.CURRENT))
        .isInstanceOfSatisfying(
            DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.VALIDATION))
        .hasMessage(message);
  }

  static Stream<Arguments> refusedByTheLegacyLayer() {
    return Stream.of(
        Arguments.of("abc", NOT_NUMERIC + ": abc"),
        Arguments.of("", NOT_NUMERIC),
        Arguments.of("1e126", OVERFLOW),
        Arguments.of("0e126", OVERFLOW),
        Arguments.of("1e-131", UNDERFLOW),
        // BigDecimal's 32-bit scale: an exponent past it cannot be converted, and
        // 1e2147483647 wraps to an underflow, as DynamoDB's older layer reports.
        Arguments.of("1e2147483647", UNDERFLOW),
        Arguments.of("1e2147483648", NOT_NUMERIC + ": 1e2147483648"),
        Arguments.of("1e-2147483648", NOT_NUMERIC + ": 1e-2147483648"),
        Arguments.of("1e99999999999", NOT_NUMERIC + ": 1e99999999999"),
        Arguments.of("-1e99999999999", NOT_NUMERIC + ": -1e99999999999"),
        Arguments.of("\u0661", NOT_NUMERIC + ": \u0661"),
        Arguments.of("123456789012345678901234567890123456789", DIGITS));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource
  void refusedByTheLegacyLayer(String text, String message) {
    assertThatThrownBy(() -> Numbers.parse(text, Wording.LEGACY))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage(message);
  }

  @Test
  void rangeIsCheckedBeforeDigits() {
    assertThatThrownBy(() -> Numbers.parse("1".repeat(39) + "e200")).hasMessage(OVERFLOW);
  }

  @Test
  void nullIsReadAsEmpty() {
    assertThatThrownBy(() -> Numbers.parse(null)).hasMessage(NOT_NUMERIC + ": ");
  }

  @Test
  void storableMeansInRangeAndAtMost38Digits() {
    assertThat(Numbers.isStorable(new BigDecimal("9.9999999999999999999999999999999999999E+125")))
        .isTrue();
    assertThat(Numbers.isStorable(new BigDecimal("1E+126"))).isFalse();
    assertThat(Numbers.isStorable(new BigDecimal("1E-130"))).isTrue();
    assertThat(Numbers.isStorable(new BigDecimal("1E-131"))).isFalse();
    assertThat(Numbers.isStorable(new BigDecimal("1" + "0".repeat(50)))).isTrue();
    assertThat(Numbers.isStorable(new BigDecimal("1".repeat(39)))).isFalse();
    assertThat(Numbers.isStorable(BigDecimal.ZERO)).isTrue();
  }
}

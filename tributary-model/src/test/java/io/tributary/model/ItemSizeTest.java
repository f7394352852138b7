package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemSizeTest {
  /** Number sizes measured against DynamoDB's 400 KB gate (paritysuite, eu-west-2, 2026-08). */
  @ParameterizedTest(name = "{0} costs {1}")
  @CsvSource({
    "0, 1",
    "1, 2",
    "12, 2",
    "123, 3",
    "1234, 3",
    "12345678901234567890123456789012345678, 20",
    "0042, 2",
    "100, 2",
    "1010, 3",
    "0.0000001, 2",
    "1E125, 2",
    "1E-100, 2",
    "1.5, 3",
    "15, 2",
    "1.2, 3",
    "1.200, 3",
    "1.234, 4",
    "3.14159, 5",
    "123456, 4",
    "100.5, 4",
    "0.15, 2",
    "-42, 3",
    "-0, 1",
  })
  void numberSizesMatchDynamoDb(String literal, long bytes) {
    assertThat(ItemSize.ofNumber(Numbers.parse(literal))).isEqualTo(bytes);
  }

  @Test
  void numberSizesFollowBase100PairsAlignedOnThePoint() {
    // Measured by dynalite's REMOTE tests: 126-digit integers with 1, 2, 5, 6, 7 and 38 leading
    // ones.
    assertThat(ItemSize.ofNumber(Numbers.parse("1" + "0".repeat(125)))).isEqualTo(2);
    assertThat(ItemSize.ofNumber(Numbers.parse("11" + "0".repeat(124)))).isEqualTo(2);
    assertThat(ItemSize.ofNumber(Numbers.parse("11111" + "0".repeat(121)))).isEqualTo(4);
    assertThat(ItemSize.ofNumber(Numbers.parse("111111" + "0".repeat(120)))).isEqualTo(4);
    assertThat(ItemSize.ofNumber(Numbers.parse("1111111" + "0".repeat(119)))).isEqualTo(5);
    assertThat(ItemSize.ofNumber(Numbers.parse("1".repeat(38) + "0".repeat(88)))).isEqualTo(20);
    // Pairs [1][10]: three bytes, where "1 + ceil(2 / 2)" would say two.
    assertThat(ItemSize.ofNumber(new BigDecimal("110"))).isEqualTo(3);
    assertThat(ItemSize.ofNumber(new BigDecimal("0.015"))).isEqualTo(3);
    assertThat(ItemSize.ofNumber(new BigDecimal("-1.2345678901234567890123456789012345678")))
        .isEqualTo(22);
    assertThat(ItemSize.ofNumber(new BigDecimal("1.0"))).isEqualTo(2);
  }

  @Test
  void scalarsAndSets() {
    assertThat(ItemSize.of(new AttributeValue.S("abc"))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.S("é"))).isEqualTo(2);
    assertThat(ItemSize.of(new AttributeValue.S("€"))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.S("\uD83D\uDE00"))).isEqualTo(4);
    assertThat(ItemSize.of(new AttributeValue.S(""))).isZero();
    assertThat(ItemSize.of(new AttributeValue.B(new byte[5]))).isEqualTo(5);
    assertThat(ItemSize.of(AttributeValue.Bool.TRUE)).isEqualTo(1);
    assertThat(ItemSize.of(AttributeValue.Null.INSTANCE)).isEqualTo(1);
    assertThat(ItemSize.of(new AttributeValue.SS(List.of("a", "bc", "")))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.NS(List.of(BigDecimal.ONE, new BigDecimal("123")))))
        .isEqualTo(5);
    assertThat(ItemSize.of(new AttributeValue.BS(List.of(new byte[2], new byte[3])))).isEqualTo(5);
  }

  @Test
  void listsAndMapsCostThreeBytesPlusOnePerElement() {
    assertThat(ItemSize.of(new AttributeValue.L(List.of()))).isEqualTo(3);
    assertThat(ItemSize.of(new AttributeValue.M(Map.of()))).isEqualTo(3);
    assertThat(
            ItemSize.of(
                new AttributeValue.L(
                    List.of(new AttributeValue.S("a"), AttributeValue.Null.INSTANCE))))
        .isEqualTo(3 + (1 + 1) + (1 + 1));
    assertThat(ItemSize.of(new AttributeValue.M(Map.of("ab", new AttributeValue.S("c")))))
        .isEqualTo(3 + 1 + 2 + 1);
    AttributeValue nested =
        new AttributeValue.M(
            Map.of("l", new AttributeValue.L(List.of(new AttributeValue.M(Map.of())))));
    assertThat(ItemSize.of(nested)).isEqualTo(3 + 1 + 1 + (3 + 1 + 3));
  }

  @Test
  void anItemCountsItsNames() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", new AttributeValue.S("abc"));
    item.put("n", new AttributeValue.N(new BigDecimal("12345")));
    item.put("flag", AttributeValue.Bool.TRUE);
    assertThat(ItemSize.of(item)).isEqualTo((2 + 3) + (1 + 4) + (4 + 1));
  }

  @Test
  void theLimitIsInclusive() {
    assertThat(ItemSize.MAX_ITEM_SIZE).isEqualTo(409_600);
    Map<String, AttributeValue> atLimit = Map.of("p", new AttributeValue.S("x".repeat(409_599)));
    ItemSize.requireWithinLimit(atLimit);
    Map<String, AttributeValue> over = Map.of("p", new AttributeValue.S("x".repeat(409_600)));
    assertThatThrownBy(() -> ItemSize.requireWithinLimit(over))
        .isInstanceOfSatisfying(
            DynamoDbException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.VALIDATION))
        .hasMessage("Item size has exceeded the maximum allowed size");
    assertThat(ItemSize.UPDATE_EXCEEDED)
        .isEqualTo("Item size to update has exceeded the maximum allowed size");
  }
}

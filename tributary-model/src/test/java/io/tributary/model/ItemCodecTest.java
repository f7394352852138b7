package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
  /** Tag codes are on disk: this test fails if anyone reorders or renumbers them. */
  @Test
  void tagCodesAreStable() {
    assertThat(ItemCodec.VERSION).isEqualTo(1);
    Map<ItemCodec.Tag, Integer> codes = new LinkedHashMap<>();
    for (ItemCodec.Tag tag : ItemCodec.Tag.values()) {
      codes.put(tag, tag.code);
    }
    assertThat(codes)
        .containsExactly(
            Map.entry(ItemCodec.Tag.S, 1),
            Map.entry(ItemCodec.Tag.N, 2),
            Map.entry(ItemCodec.Tag.B, 3),
            Map.entry(ItemCodec.Tag.BOOL_FALSE, 4),
            Map.entry(ItemCodec.Tag.BOOL_TRUE, 5),
            Map.entry(ItemCodec.Tag.NULL, 6),
            Map.entry(ItemCodec.Tag.L, 7),
            Map.entry(ItemCodec.Tag.M, 8),
            Map.entry(ItemCodec.Tag.SS, 9),
            Map.entry(ItemCodec.Tag.NS, 10),
            Map.entry(ItemCodec.Tag.BS, 11));
  }

  /** A stored item from version 1 must keep decoding the same way. */
  @Test
  void versionOneBytesAreStable() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", new AttributeValue.S("a"));
    item.put("n", new AttributeValue.N(new BigDecimal("-1.50")));
    item.put(
        "l", new AttributeValue.L(List.of(AttributeValue.Bool.TRUE, AttributeValue.Null.INSTANCE)));
    item.put("m", new AttributeValue.M(Map.of("b", new AttributeValue.B(new byte[] {7}))));
    item.put("ss", new AttributeValue.SS(List.of("x")));
    item.put("ns", new AttributeValue.NS(List.of(BigDecimal.TEN)));
    item.put("bs", new AttributeValue.BS(List.of(new byte[0])));
    item.put("f", AttributeValue.Bool.FALSE);
    String expected =
        "01"
            + "08"
            + "02 6964"
            + "01 01 61"
            + "01 6e"
            + "02 04 02 ff6a" // scale 2 (zigzag 4), unscaled -150 = 0xff6a
            + "01 6c"
            + "07 02 05 06"
            + "01 6d"
            + "08 01 01 62 03 01 07"
            + "02 7373"
            + "09 01 01 78"
            + "02 6e73"
            + "0a 01 00 01 0a"
            + "02 6273"
            + "0b 01 00"
            + "01 66"
            + "04";
    byte[] bytes = ItemCodec.encode(item);
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected.replace(" ", ""));
    assertThat(ItemCodec.decode(bytes)).isEqualTo(item);
  }

  @Test
  void keepsTheExactNumber() {
    Map<String, AttributeValue> item = Map.of("n", new AttributeValue.N(new BigDecimal("1.000")));
    BigDecimal back =
        ((AttributeValue.N) ItemCodec.decode(ItemCodec.encode(item)).get("n")).value();
    assertThat(back).isEqualTo(new BigDecimal("1.000"));
    assertThat(back.scale()).isEqualTo(3);
  }

  @Test
  void corruptInputFailsCleanly() {
    assertThatThrownBy(() -> ItemCodec.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ItemCodec.decode(new byte[] {2, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ItemCodec.decode(new byte[] {1, 1, 1, 'a', 99}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ItemCodec.decode(new byte[] {1, 1, 1, 'a', 1, 5, 'x'}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ItemCodec.decode(new byte[] {1, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

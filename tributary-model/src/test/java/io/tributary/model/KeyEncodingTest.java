package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyEncodingTest {
  private static String hex(AttributeValue v) {
    return HexFormat.of().formatHex(KeyEncoding.encode(v));
  }

  private static AttributeValue.N n(String text) {
    return new AttributeValue.N(new BigDecimal(text));
  }

  /** These bytes are on disk: a change here breaks every stored key. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "S, '', 0001",
    "S, a, 610001",
    "S, 'a\u0000b', 6100ff620001",
    "B, '', 0001",
    "N, 0, 80",
    "N, 1, c0820b00",
    "N, 1.5, c0821000",
    "N, 15, c0831000",
    "N, 123, c0840d1f00",
    "N, -1, 40 7d f4 ff",
    "N, 1E-130, c0000b00",
    "N, 9.9999999999999999999999999999999999999E+125, c0ff 64646464646464646464646464646464646464"
        + " 00",
  })
  void encodingsAreStable(String type, String value, String expected) {
    AttributeValue v =
        switch (type) {
          case "S" -> new AttributeValue.S(value);
          case "B" ->
              new AttributeValue.B(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
          default -> n(value);
        };
    assertThat(hex(v)).isEqualTo(expected.replace(" ", ""));
  }

  @Test
  void numericallyEqualNumbersEncodeAlike() {
    assertThat(hex(n("1.0"))).isEqualTo(hex(n("1")));
    assertThat(hex(n("-0.00"))).isEqualTo(hex(n("0")));
    assertThat(hex(n("1E+2"))).isEqualTo(hex(n("100")));
  }

  @Test
  void decodesAtAnOffsetAndReportsTheNextOne() {
    ByteWriter out = new ByteWriter();
    out.write(0x42);
    KeyEncoding.encode(new AttributeValue.S("pk"), out);
    KeyEncoding.encode(n("-12.5"), out);
    KeyEncoding.encode(new AttributeValue.B(new byte[] {0, 0, 1}), out);
    byte[] key = out.toByteArray();
    KeyEncoding.Decoded s = KeyEncoding.decode("S", key, 1);
    KeyEncoding.Decoded num = KeyEncoding.decode("N", key, s.next());
    KeyEncoding.Decoded b = KeyEncoding.decode("B", key, num.next());
    assertThat(s.value()).isEqualTo(new AttributeValue.S("pk"));
    assertThat(num.value()).isEqualTo(n("-12.5"));
    assertThat(b.value()).isEqualTo(new AttributeValue.B(new byte[] {0, 0, 1}));
    assertThat(b.next()).isEqualTo(key.length);
  }

  @Test
  void corruptInputFailsCleanly() {
    assertThatThrownBy(() -> KeyEncoding.decode("S", new byte[] {0x61}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncoding.decode("S", new byte[] {0x61, 0x00, 0x05}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncoding.decode("N", new byte[] {0x11}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncoding.decode("N", new byte[] {(byte) 0xC0, 0x00, 0x00}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KeyEncoding.decode("N", new byte[] {(byte) 0xC0, 0x00, (byte) 0x70, 0}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncoding.decode("BOOL", new byte[] {0}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesValuesThatCannotBeKeys() {
    assertThatThrownBy(() -> KeyEncoding.encode(AttributeValue.Bool.TRUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyEncoding.encode(n("1E+126")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The hash prefix is on disk and gives scan order: it must never change. */
  @Test
  void partitionHashIsStable() {
    assertThat(KeyEncoding.partitionHash(new AttributeValue.S("a"))).isEqualTo(0x224a7ec5607233efL);
    assertThat(KeyEncoding.partitionHash(n("1.0"))).isEqualTo(KeyEncoding.partitionHash(n("1")));
    assertThat(KeyEncoding.partitionHash(new AttributeValue.S("a")))
        .isNotEqualTo(KeyEncoding.partitionHash(new AttributeValue.S("b")));
  }

  @Test
  void stringsCompareByUtf8Bytes() {
    // U+FFFF sorts before U+1F600 in UTF-8 (and code points), though not in UTF-16 units.
    assertThat(KeyEncoding.compareStrings("\uffff", "\uD83D\uDE00")).isNegative();
    assertThat("\uffff".compareTo("\uD83D\uDE00")).isPositive();
    assertThat(KeyEncoding.compareStrings("a", "ab")).isNegative();
    assertThat(KeyEncoding.compareStrings("b", "ab")).isPositive();
    assertThat(KeyEncoding.compareStrings("", "")).isZero();
    assertThat(KeyEncoding.compare(n("-1"), n("0.5"))).isNegative();
    assertThat(
            KeyEncoding.compare(
                new AttributeValue.B(new byte[] {(byte) 0x80}),
                new AttributeValue.B(new byte[] {1})))
        .isPositive();
  }
}

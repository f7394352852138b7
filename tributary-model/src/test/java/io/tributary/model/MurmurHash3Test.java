package io.tributary.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MurmurHash3Test {
  /** Reference values from Guava's Hashing.murmur3_128(0), first eight bytes as a long. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({
    "'', 0x0000000000000000",
    "hello, 0xcbd8a7b341bd9b02",
    "The quick brown fox jumps over the lazy dog, 0xe34bbc7bbc071b6c",
    "0123456789abcdef, 0x4be06d94cf4ad1a7",
    "0123456789abcdefg, 0x8e32612daa45f9de",
    "0123456789abcdef01234567, 0x5563be523b289ed9",
  })
  void matchesTheReferenceImplementation(String input, String expected) {
    assertThat(MurmurHash3.hash64(input.getBytes(UTF_8), 0))
        .isEqualTo(Long.parseUnsignedLong(expected.substring(2), 16));
  }
}

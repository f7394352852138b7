package io.tributary.model;

import java.util.Base64;

/**
 * Base64 as DynamoDB reads it, with its SerializationException messages (typo included). Its
 * decoder reads '=' inside the data as zero bits, which is why "=+/=" fails on its last character
 * rather than on its first.
 */
final class Base64Text {
  static final String LAST_CHARACTER = "Invalid last non-pad Base64 character dectected";

  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
    VALUES['='] = 0;
  }

  private Base64Text() {}

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Decodes, or only checks when {@code keep} is false (no allocation). */
  static byte[] decode(String text, boolean keep) {
    int length = text.length();
    if (length % 4 != 0) {
      throw DynamoDbException.serialization(
          "Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
    }
    int pads = 0;
    while (pads < 2 && pads < length && text.charAt(length - 1 - pads) == '=') {
      pads++;
    }
    int outLength = length / 4 * 3 - pads;
    byte[] out = keep ? new byte[outLength] : null;
    int o = 0;
    int dataChars = length - pads;
    int bits = 0;
    int bitCount = 0;
    int last = 0;
    for (int i = 0; i < dataChars; i++) {
      last = value(text.charAt(i));
      bits = (bits << 6) | last;
      bitCount += 6;
      if (bitCount >= 8) {
        bitCount -= 8;
        if (keep) {
          out[o] = (byte) (bits >>> bitCount);
        }
        o++;
        bits &= (1 << bitCount) - 1;
      }
    }
    // The bits of the last character that fall outside the final byte must be zero.
    int droppedMask = pads == 1 ? 0x3 : pads == 2 ? 0xF : 0;
    if ((last & droppedMask) != 0) {
      throw DynamoDbException.serialization(LAST_CHARACTER);
    }
    return keep ? out : null;
  }

  private static int value(char c) {
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw DynamoDbException.serialization("Invalid Base64 character: '" + c + "'");
    }
    return v;
  }
}

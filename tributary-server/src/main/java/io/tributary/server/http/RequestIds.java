package io.tributary.server.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in DynamoDB's shape: 52 characters of {@code [0-9A-V]} (base32hex), as in {@code
 * KJ1SNL6K7RBLK8L8K5EGPTG7FFVV4KQNSO5AEMVJF66Q9ASUAAJG}. They name a request in logs; they are
 * not secrets, so a fast random source is enough.
 */
final class RequestIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUV".toCharArray();
  static final int LENGTH = 52;

  private RequestIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[LENGTH];
    long bits = 0;
    int available = 0;
    for (int i = 0; i < LENGTH; i++) {
      if (available < 5) {
        bits = random.nextLong();
        available = 64;
      }
      id[i] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
      available -= 5;
    }
    return new String(id);
  }
}

package io.tributary.model;

/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm), first 64 bits. Its output is
 * written to disk as the partition-hash prefix of every item key, so it must never change.
 */
final class MurmurHash3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private MurmurHash3() {}

  /** The first half (h1) of the 128-bit hash, the same as Guava's {@code murmur3_128(seed)}. */
  static long hash64(byte[] data, int seed) {
    long h1 = seed & 0xFFFFFFFFL;
    long h2 = seed & 0xFFFFFFFFL;
    int length = data.length;
    int blocks = length / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndian(data, i * 16, 8);
      long k2 = littleEndian(data, i * 16 + 8, 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    int rest = length - tail;
    if (rest > 8) {
      h2 ^= mixK2(littleEndian(data, tail + 8, rest - 8));
    }
    if (rest > 0) {
      h1 ^= mixK1(littleEndian(data, tail, Math.min(rest, 8)));
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    return h1;
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    return k1 * C2;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    return k2 * C1;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long littleEndian(byte[] data, int offset, int count) {
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = (value << 8) | (data[offset + i] & 0xFFL);
    }
    return value;
  }
}

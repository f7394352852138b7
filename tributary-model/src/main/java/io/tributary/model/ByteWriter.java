package io.tributary.model;

import java.util.Arrays;

/**
 * A growable byte buffer for the encoders in this package. Unlike {@code ByteArrayOutputStream} it
 * is not synchronized and lets a caller reuse one buffer across many keys.
 */
public final class ByteWriter {
  private byte[] buf;
  private int size;

  public ByteWriter() {
    this(64);
  }

  public ByteWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public ByteWriter write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  public ByteWriter write(byte[] bytes) {
    return write(bytes, 0, bytes.length);
  }

  public ByteWriter write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
    return this;
  }

  /** An unsigned LEB128 varint; {@code value} must not be negative. */
  public ByteWriter writeVarint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative varint " + value);
    }
    while (value >= 0x80) {
      write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    return write((int) value);
  }

  /** A signed value as a zigzag varint, so small negative numbers stay short. */
  public ByteWriter writeZigzag(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    while ((zigzag & ~0x7FL) != 0) {
      write((int) (zigzag & 0x7F) | 0x80);
      zigzag >>>= 7;
    }
    return write((int) zigzag);
  }

  /** Eight bytes, big-endian, so unsigned byte order is numeric order. */
  public ByteWriter writeLongBigEndian(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public int size() {
    return size;
  }

  /** Forgets the contents, keeping the capacity. */
  public void reset() {
    size = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}

package io.tributary.triggers.mapping;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block written {@code address/bits}, for the {@code cidr} operator.
 * Addresses are read as literals only: nothing here ever asks a name server.
 */
record IpBlock(byte[] network, int bits) {

  /** The block, or null when the text is not an address, one '/', and a mask length in range. */
  static IpBlock parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return null;
    }
    byte[] address = address(text.substring(0, slash));
    String mask = text.substring(slash + 1);
    if (address == null || mask.isEmpty() || mask.length() > 3 || !digits(mask)) {
      return null;
    }
    int bits = Integer.parseInt(mask);
    if (bits > address.length * 8) {
      return null;
    }
    return new IpBlock(masked(address, bits), bits);
  }

  boolean contains(String text) {
    byte[] address = address(text);
    return address != null
        && address.length == network.length
        && Arrays.equals(masked(address, bits), network);
  }

  /** The bytes of an IPv4 dotted quad or an IPv6 literal, or null. */
  static byte[] address(String text) {
    if (text.indexOf(':') >= 0) {
      // Only hex digits, colons and the dots of a trailing IPv4 part can make an IPv6 literal.
      // The brackets make InetAddress parse it as one and never ask a name server, which it
      // would do for a text it did not take for a literal.
      if (!ipv6Characters(text)) {
        return null;
      }
      try {
        InetAddress a = InetAddress.getByName("[" + text + "]");
        byte[] bytes = a.getAddress();
        if (a instanceof Inet6Address) {
          return bytes;
        }
        // InetAddress gives an IPv4-mapped literal (::ffff:a.b.c.d) as the IPv4 address; it was
        // written as IPv6, so it stays one.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
      } catch (UnknownHostException | SecurityException e) {
        return null;
      }
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !digits(p) || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] masked(byte[] address, int bits) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  private static boolean ipv6Characters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpBlock b && bits == b.bits && Arrays.equals(network, b.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + bits;
  }

  @Override
  public String toString() {
    return Arrays.toString(network) + "/" + bits;
  }
}

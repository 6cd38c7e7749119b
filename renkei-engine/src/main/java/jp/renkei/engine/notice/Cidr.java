package jp.renkei.engine.notice;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation whose host bits are zero ({@code 192.0.2.0/24}, {@code
 * 2001:db8::/32}); a single address is {@code /32} or {@code /128}. Parsed from literals only,
 * never from names (no DNS lookup). Immutable.
 */
public final class Cidr {

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code address[/prefix]}.
   *
   * @throws IllegalArgumentException saying what is wrong (not an address, prefix out of range,
   *     host bits set)
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty");
    }
    String s = text.strip();
    if (s.length() > 60) {
      throw new IllegalArgumentException("longer than 60 characters");
    }
    int slash = s.indexOf('/');
    byte[] bytes = address(slash < 0 ? s : s.substring(0, slash)).getAddress();
    int max = bytes.length * 8;
    int prefix;
    if (slash < 0) {
      prefix = max;
    } else {
      String p = s.substring(slash + 1);
      if (!p.matches("[0-9]{1,3}")) {
        throw new IllegalArgumentException("prefix is not a number: " + p);
      }
      prefix = Integer.parseInt(p);
    }
    if (prefix > max) {
      throw new IllegalArgumentException("prefix /" + prefix + " is longer than " + max);
    }
    byte[] masked = mask(bytes, prefix);
    if (!Arrays.equals(masked, bytes)) {
      throw new IllegalArgumentException(
          "host bits set: the network of /" + prefix + " is " + new Cidr(masked, prefix));
    }
    return new Cidr(bytes, prefix);
  }

  /**
   * A literal IPv4 or IPv6 address; never a name.
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static InetAddress address(String text) {
    String s = text == null ? "" : text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 45 || s.indexOf('%') >= 0) {
      throw new IllegalArgumentException("not an IP address: " + clip(text));
    }
    try {
      return InetAddresses.forString(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP address: " + clip(text));
    }
  }

  static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  public int prefix() {
    return prefix;
  }

  /** Address length in bytes: 4 or 16. */
  public int width() {
    return network.length;
  }

  byte[] network() {
    return network.clone();
  }

  public boolean contains(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == network.length && Arrays.equals(mask(b, prefix), network);
  }

  /** Whether every address of {@code other} is in this network. */
  public boolean covers(Cidr other) {
    return other.network.length == network.length
        && other.prefix >= prefix
        && Arrays.equals(mask(other.network, prefix), network);
  }

  /** Number of addresses, capped at {@code Long.MAX_VALUE}. */
  public long size() {
    int hostBits = network.length * 8 - prefix;
    return hostBits >= 63 ? Long.MAX_VALUE : 1L << hostBits;
  }

  /** The n-th address of the network (0 is the network address). */
  public InetAddress nth(long n) {
    byte[] b = network.clone();
    long carry = n;
    for (int i = b.length - 1; i >= 0 && carry != 0; i--) {
      long v = (b[i] & 0xff) + (carry & 0xff);
      b[i] = (byte) v;
      carry = (carry >>> 8) + (v >>> 8);
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddresses.toAddrString(InetAddress.getByAddress(network)) + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}

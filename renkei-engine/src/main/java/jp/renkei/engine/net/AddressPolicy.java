package jp.renkei.engine.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which network addresses the hub may connect to on a user's behalf (webhooks, TAXII feeds): not
 * loopback, link-local, private (RFC 1918, ULA), shared (CGNAT 100.64.0.0/10), multicast,
 * unspecified or reserved addresses, not the hub's own addresses, and none of these in IPv4-mapped,
 * IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) form — unless an allowed range holds
 * the address, which wins over every refusal. Immutable and thread-safe.
 */
public final class AddressPolicy {

  /** A CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address). */
  public record Range(byte[] network, int prefix) {

    public Range {
      network = network.clone();
    }

    /**
     * Parses {@code address[/prefix]}; only literal addresses, never names.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Range parse(String cidr) {
      String s = cidr.strip();
      int slash = s.indexOf('/');
      String host = slash < 0 ? s : s.substring(0, slash);
      byte[] bytes = literal(host);
      int max = bytes.length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR range: " + cidr);
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("prefix out of range in " + cidr);
      }
      return new Range(bytes, prefix);
    }

    public boolean contains(InetAddress a) {
      return contains(a.getAddress());
    }

    boolean contains(byte[] b) {
      if (b.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Range r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Refused(Range range, String why) {}

  private static final List<Refused> V4 =
      List.of(
          refused("0.0.0.0/8", "unspecified"),
          refused("127.0.0.0/8", "loopback"),
          refused("169.254.0.0/16", "link-local"),
          refused("10.0.0.0/8", "private"),
          refused("172.16.0.0/12", "private"),
          refused("192.168.0.0/16", "private"),
          refused("100.64.0.0/10", "shared (CGNAT)"),
          refused("192.0.0.0/24", "reserved"),
          refused("198.18.0.0/15", "reserved"),
          refused("224.0.0.0/4", "multicast"),
          refused("240.0.0.0/4", "reserved"));

  private static final List<Refused> V6 =
      List.of(
          refused("::/128", "unspecified"),
          refused("::1/128", "loopback"),
          refused("fe80::/10", "link-local"),
          refused("fec0::/10", "site-local"),
          refused("fc00::/7", "private (ULA)"),
          refused("ff00::/8", "multicast"),
          refused("100::/64", "reserved"));

  private static final Range MAPPED = Range.parse("::ffff:0:0/96");
  private static final Range COMPATIBLE = Range.parse("::/96");
  private static final Range NAT64 = Range.parse("64:ff9b::/96");
  private static final Range SIX_TO_FOUR = Range.parse("2002::/16");

  private final List<Range> allowed;
  private final Set<InetAddress> own;

  /**
   * @param allowed ranges the hub may connect to whatever they are (e.g. a partner on a private
   *     network, or {@code 127.0.0.1} in tests)
   * @param own the hub's own addresses (its network interfaces)
   */
  public AddressPolicy(Collection<Range> allowed, Collection<InetAddress> own) {
    this.allowed = List.copyOf(allowed);
    this.own = Set.copyOf(own);
  }

  /** Why the hub must not connect to {@code a}, or empty when it may. */
  public Optional<String> refusal(InetAddress a) {
    for (Range r : allowed) {
      if (r.contains(a)) {
        return Optional.empty();
      }
    }
    if (own.contains(a)) {
      return Optional.of("an address of this hub");
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return v4(b);
    }
    if (a instanceof Inet6Address) {
      for (Refused r : V6) {
        if (r.range().contains(b)) {
          return Optional.of(r.why());
        }
      }
      Optional<byte[]> embedded = embeddedV4(b);
      if (embedded.isPresent()) {
        return v4(embedded.get()).map(why -> why + " (in IPv6 form)");
      }
      return Optional.empty();
    }
    return Optional.of("an unknown kind of address");
  }

  private static Optional<String> v4(byte[] b) {
    for (Refused r : V4) {
      if (r.range().contains(b)) {
        return Optional.of(r.why());
      }
    }
    if ((b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255) {
      return Optional.of("broadcast");
    }
    return Optional.empty();
  }

  /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
  private static Optional<byte[]> embeddedV4(byte[] b) {
    if (MAPPED.contains(b) || COMPATIBLE.contains(b) || NAT64.contains(b)) {
      return Optional.of(Arrays.copyOfRange(b, 12, 16));
    }
    if (SIX_TO_FOUR.contains(b)) {
      return Optional.of(Arrays.copyOfRange(b, 2, 6));
    }
    return Optional.empty();
  }

  private static Refused refused(String cidr, String why) {
    return new Refused(Range.parse(cidr), why);
  }

  /** The bytes of a literal IPv4 or IPv6 address; never a DNS lookup. */
  static byte[] literal(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.isEmpty() || !(h.indexOf(':') >= 0 || h.matches("[0-9.]+"))) {
      throw new IllegalArgumentException("not an IP address: " + host);
    }
    if (h.indexOf(':') < 0 && !h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("not an IP address: " + host);
    }
    try {
      byte[] raw = InetAddress.getByName(h).getAddress();
      if (h.indexOf(':') >= 0 && raw.length == 4) {
        // Java turns ::ffff:a.b.c.d into an IPv4 address; keep the sixteen bytes written
        byte[] six = new byte[16];
        six[10] = (byte) 0xff;
        six[11] = (byte) 0xff;
        System.arraycopy(raw, 0, six, 12, 4);
        return six;
      }
      return raw;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + host);
    }
  }
}

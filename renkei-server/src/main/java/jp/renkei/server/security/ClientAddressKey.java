package jp.renkei.server.security;

/**
 * What the hub counts a client address under, wherever it counts clients (sign-in failures, bodies
 * awaited at once): an IPv6 address by its first 64 bits (one line or server is given a whole /64,
 * so a fresh address for every try would be a fresh count), an IPv4 address — IPv4-mapped IPv6
 * included — in dotted form, anything else (not an address) as it is. Never looks a name up.
 */
public final class ClientAddressKey {

  /** A literal IPv4 or IPv6 address (a zone after '%' allowed); never a name to look up. */
  private static final java.util.regex.Pattern LITERAL =
      java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");

  private ClientAddressKey() {}

  /** The key {@code address} is counted under. */
  public static String of(String address) {
    String a = address.strip();
    if (a.indexOf(':') < 0 || !LITERAL.matcher(a).matches()) {
      return a; // IPv4 as the server wrote it, or no address at all
    }
    try {
      // a text with ':' is parsed as an IPv6 literal or refused; the JDK never looks it up
      java.net.InetAddress ip = java.net.InetAddress.getByName(a);
      byte[] b = ip.getAddress();
      if (b.length == 4) {
        return ip.getHostAddress();
      }
      return String.format(
          "%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64",
          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
    } catch (java.net.UnknownHostException e) {
      return a;
    }
  }
}

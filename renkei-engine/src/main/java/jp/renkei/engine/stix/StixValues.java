package jp.renkei.engine.stix;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * Observable values in the form STIX 2.1 requires of what Renkei sends out: a {@code url}'s value
 * is an RFC 3986 URI, an {@code email-addr}'s value a bare address (no display name), a {@code
 * domain-name}'s value ASCII. What an analyst typed or a message carried is often not that: an
 * internationalised link ({@code https://例え.jp/パス}), a link with a space, a bare {@code |} or a
 * stray {@code %}, a sender that is only a display name. Peers' validators (the OASIS
 * stix2-validator, OpenCTI, MISP) refuse such objects, and a whole bundle with them; each value is
 * therefore either written as the URI a browser would request (IDN host as punycode, the other
 * characters percent-encoded as UTF-8) or, when it cannot be one, left out of the bundle by the
 * caller.
 */
public final class StixValues {

  private StixValues() {}

  /**
   * The RFC 3986 form of a link, or null when it is not an absolute URL with a host (no scheme, a
   * host that is not a name or an address, {@code {UNSUB}}). Tabs and line breaks are dropped and
   * white space around it trimmed, as browsers do; every other character outside RFC 3986's set is
   * percent-encoded as UTF-8, a {@code %} not followed by two hex digits as {@code %25}; a
   * non-ASCII host becomes its punycode ({@code IDN.toASCII}).
   */
  public static String uri(String link) {
    if (link == null) {
      return null;
    }
    String s = link.replaceAll("[\\t\\n\\r]", "").strip();
    int colon = s.indexOf(':');
    if (colon <= 0 || !s.startsWith("//", colon + 1)) {
      return null;
    }
    String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
      return null;
    }
    // WHATWG's special schemes, where a backslash is a slash
    boolean web = scheme.matches("https?|wss?|ftp");
    String rest = s.substring(colon + 3);
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#' || (c == '\\' && web)) {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    String host;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return null;
      }
      try {
        host =
            "["
                + Observables.parse(ObservableType.IPV6, hostPort.substring(1, close)).value()
                + "]";
      } catch (InvalidObservable e) {
        return null;
      }
      port = hostPort.substring(close + 1);
    } else {
      int c = hostPort.lastIndexOf(':');
      host = c < 0 ? hostPort : hostPort.substring(0, c);
      port = c < 0 ? "" : hostPort.substring(c);
      host = hostName(host);
      if (host == null) {
        return null;
      }
    }
    if (!port.isEmpty() && !port.matches(":[0-9]{0,5}")) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(scheme).append("://");
    if (userInfo != null) {
      encode(userInfo, ":", false, b);
      b.append('@');
    }
    b.append(host).append(port);
    String tail = rest.substring(end);
    int hash = tail.indexOf('#');
    if (hash < 0) {
      encode(tail, ":@/?", web, b);
    } else {
      encode(tail.substring(0, hash), ":@/?", web, b);
      b.append('#');
      encode(tail.substring(hash + 1), ":@/?", web, b);
    }
    return b.toString();
  }

  /**
   * A host name in ASCII: lower case, punycode for internationalised labels, or null when it is
   * neither a domain name nor an IPv4 address.
   */
  public static String hostName(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      return Observables.parse(ObservableType.IPV4, ascii).value();
    } catch (InvalidObservable notAnAddress) {
      try {
        return Observables.parse(ObservableType.DOMAIN, ascii).value();
      } catch (InvalidObservable e) {
        return null;
      }
    }
  }

  /**
   * The bare address of an e-mail sender or recipient, or null when it is not one an internet
   * mailer could deliver to: its domain must be a host name with a dot ({@code contato@correios}, a
   * forged sender's single label, is not; the OASIS validator refuses it).
   */
  public static String emailAddress(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String address;
    try {
      address = Observables.parse(ObservableType.EMAIL, value.strip()).value();
    } catch (InvalidObservable e) {
      return null;
    }
    String domain = address.substring(address.lastIndexOf('@') + 1);
    return MAIL_DOMAIN.matcher(domain).matches() ? address : null;
  }

  /** Letters, digits and hyphens, two labels or more (RFC 1123 host names, as mailers need). */
  private static final java.util.regex.Pattern MAIL_DOMAIN =
      java.util.regex.Pattern.compile(
          "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)++");

  /**
   * Appends {@code s} with every character outside RFC 3986's unreserved and sub-delims sets (and
   * {@code allowed}) percent-encoded as UTF-8; a valid escape ({@code %2F}) is kept, a lone {@code
   * %} becomes {@code %25}; in a web link a backslash is the slash a browser reads.
   */
  private static void encode(String s, String allowed, boolean web, StringBuilder b) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp == '%') {
        if (i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
          b.append('%')
              .append(Character.toUpperCase(s.charAt(i + 1)))
              .append(Character.toUpperCase(s.charAt(i + 2)));
          i += 3;
          continue;
        }
        b.append("%25");
      } else if (cp < 128 && (plain((char) cp) || allowed.indexOf(cp) >= 0)) {
        b.append((char) cp);
      } else if (cp == '\\' && web) {
        // browsers read a backslash in a web link as a slash
        b.append('/');
      } else {
        for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          b.append('%').append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
      }
      i += n;
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** RFC 3986 unreserved and sub-delims. */
  private static boolean plain(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=".indexOf(c) >= 0;
  }
}

package jp.renkei.engine.observable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Validation and normalisation of observables, by byte-level checks rather than DNS or regular
 * expressions (nothing here touches the network). Accepts the usual defanged forms — {@code
 * hxxp://}, {@code [.]}, {@code (.)}, {@code [@]}, {@code [:]} — and stores the refanged value.
 *
 * <p>Limits: values up to {@value #MAX_LENGTH} characters; domains up to 253 characters in labels
 * of 1–63 letters, digits and hyphens (IDN as punycode). Stateless and thread-safe.
 */
public final class Observables {

  public static final int MAX_LENGTH = 2048;

  private Observables() {}

  /** Parses {@code text} as {@code type}, or says why it is not one. */
  public static Observable parse(ObservableType type, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidObservable(type.code(), "", "empty");
    }
    String original = text.strip();
    if (original.length() > MAX_LENGTH) {
      throw new InvalidObservable(
          type.code(), original, "longer than " + MAX_LENGTH + " characters");
    }
    String v = refang(original);
    String normal =
        switch (type) {
          case IPV4 ->
              ipv4(v).orElseThrow(() -> invalid(type, original, "not a dotted-quad IPv4 address"));
          case IPV6 -> ipv6(v).orElseThrow(() -> invalid(type, original, "not an IPv6 address"));
          case CIDR -> cidr(type, original, v);
          case DOMAIN -> domain(v).orElseThrow(() -> invalid(type, original, domainProblem(v)));
          case URL -> url(type, original, v);
          case EMAIL -> email(type, original, v);
          case MD5 -> hash(type, original, v, 32);
          case SHA1 -> hash(type, original, v, 40);
          case SHA256 -> hash(type, original, v, 64);
          case SHA512 -> hash(type, original, v, 128);
        };
    return new Observable(type, normal, original);
  }

  /** The type {@code text} most plausibly is, if any (for pasted lists). */
  public static Optional<ObservableType> detect(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String v = refang(text.strip());
    if (ipv4(v).isPresent()) {
      return Optional.of(ObservableType.IPV4);
    }
    if (v.indexOf('/') > 0 && !v.contains("://") && tryParse(ObservableType.CIDR, v)) {
      return Optional.of(ObservableType.CIDR);
    }
    if (ipv6(v).isPresent()) {
      return Optional.of(ObservableType.IPV6);
    }
    if (v.contains("://") && tryParse(ObservableType.URL, v)) {
      return Optional.of(ObservableType.URL);
    }
    if (v.indexOf('@') > 0 && tryParse(ObservableType.EMAIL, v)) {
      return Optional.of(ObservableType.EMAIL);
    }
    if (isHex(v)) {
      switch (v.length()) {
        case 32:
          return Optional.of(ObservableType.MD5);
        case 40:
          return Optional.of(ObservableType.SHA1);
        case 64:
          return Optional.of(ObservableType.SHA256);
        case 128:
          return Optional.of(ObservableType.SHA512);
        default:
          break;
      }
    }
    return domain(v).isPresent() && v.indexOf('.') > 0
        ? Optional.of(ObservableType.DOMAIN)
        : Optional.empty();
  }

  private static boolean tryParse(ObservableType t, String v) {
    try {
      parse(t, v);
      return true;
    } catch (InvalidObservable e) {
      return false;
    }
  }

  /** Undoes the common defanging conventions. */
  static String refang(String s) {
    String r =
        s.replace("[.]", ".")
            .replace("(.)", ".")
            .replace("{.}", ".")
            .replace("[dot]", ".")
            .replace("[@]", "@")
            .replace("[at]", "@")
            .replace("[:]", ":")
            .replace("[://]", "://");
    String lower = r.toLowerCase(Locale.ROOT);
    if (lower.startsWith("hxxps://") || lower.startsWith("hxxp://")) {
      r = "http" + r.substring(4);
    } else if (lower.startsWith("fxp://")) {
      r = "ftp" + r.substring(3);
    }
    return r;
  }

  static Optional<String> ipv4(String v) {
    int[] parts = new int[4];
    int part = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (digits == 0 || part == 3) {
          return Optional.empty();
        }
        parts[part++] = value;
        digits = 0;
        value = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return Optional.empty(); // leading zero: ambiguous (octal in some tools)
        }
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    if (digits == 0 || part != 3) {
      return Optional.empty();
    }
    parts[3] = value;
    return Optional.of(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3]);
  }

  static Optional<String> ipv6(String v) {
    if (v.length() < 2 || v.length() > 45 || v.indexOf(':') < 0) {
      return Optional.empty();
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok =
          c == ':'
              || c == '.'
              || (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F');
      if (!ok) {
        return Optional.empty();
      }
    }
    try {
      // only hex digits, ':' and '.': the JDK parses it as a literal and never asks DNS
      byte[] bytes = InetAddress.getByName(v).getAddress();
      // the JDK turns an IPv4-mapped address into IPv4; keep it written as IPv6
      return Optional.of(bytes.length == 4 ? "::ffff:" + compress(bytes) : compress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** RFC 5952 text form of a 4- or 16-byte address. */
  static String compress(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      // lower-case hex without leading zeros, as Integer.toHexString, without a string per group
      int v = g[i];
      for (int shift = v >= 0x1000 ? 12 : v >= 0x100 ? 8 : v >= 0x10 ? 4 : 0;
          shift >= 0;
          shift -= 4) {
        sb.append(Character.forDigit((v >>> shift) & 15, 16));
      }
    }
    return sb.toString();
  }

  private static String cidr(ObservableType type, String original, String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      throw invalid(type, original, "missing '/prefix'");
    }
    String addr = v.substring(0, slash);
    String prefixText = v.substring(slash + 1);
    Optional<String> four = ipv4(addr);
    Optional<String> six = four.isPresent() ? Optional.empty() : ipv6(addr);
    if (four.isEmpty() && six.isEmpty()) {
      throw invalid(type, original, "the address before '/' is neither IPv4 nor IPv6");
    }
    int max = four.isPresent() ? 32 : 128;
    int prefix;
    try {
      prefix = Integer.parseInt(prefixText);
    } catch (NumberFormatException e) {
      throw invalid(type, original, "the prefix after '/' is not a number");
    }
    if (prefix < 0 || prefix > max || prefixText.length() > 3) {
      throw invalid(type, original, "the prefix must be 0 to " + max);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(four.orElseGet(six::get)).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(type, original, "unparsable address");
    }
    for (int bit = prefix; bit < bytes.length * 8; bit++) {
      bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return compress(bytes) + "/" + prefix;
  }

  static Optional<String> domain(String v) {
    String d = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    if (d.isEmpty() || d.length() > 253) {
      return Optional.empty();
    }
    int labelLength = 0;
    char prev = '.';
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c == '.') {
        if (labelLength == 0 || prev == '-') {
          return Optional.empty();
        }
        labelLength = 0;
      } else {
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
        if (!ok || (labelLength == 0 && c == '-') || ++labelLength > 63) {
          return Optional.empty();
        }
      }
      prev = c;
    }
    if (labelLength == 0 || prev == '-') {
      return Optional.empty();
    }
    if (ipv4(d).isPresent()) {
      return Optional.empty();
    }
    // a top-level label is never all digits (RFC 3696 §2): "999.1.1.1" is a bad address, not a name
    String tld = d.substring(d.lastIndexOf('.') + 1);
    if (tld.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(d.toLowerCase(Locale.ROOT));
  }

  private static String domainProblem(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) > 127) {
        return "non-ASCII characters: give an internationalised name as punycode (xn--...)";
      }
    }
    if (ipv4(v).isPresent()) {
      return "an IP address, not a domain name";
    }
    if (v.substring(v.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
      return "the last label is all digits (a mistyped IP address?)";
    }
    return v.length() > 253
        ? "longer than 253 characters"
        : "labels must be 1-63 letters, digits or hyphens, not starting or ending with a hyphen";
  }

  private static String url(ObservableType type, String original, String v) {
    int sep = v.indexOf("://");
    if (sep <= 0) {
      throw invalid(type, original, "no scheme (expected e.g. http://)");
    }
    String scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
    for (int i = 0; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        throw invalid(type, original, "invalid scheme");
      }
    }
    String rest = v.substring(sep + 3);
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == 127) {
        throw invalid(type, original, "contains spaces or control characters");
      }
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || ipv6(hostPort.substring(1, close)).isEmpty()) {
        throw invalid(type, original, "invalid IPv6 host");
      }
      host = "[" + ipv6(hostPort.substring(1, close)).get() + "]";
      port(type, original, hostPort.substring(close + 1));
      hostPort = host + hostPort.substring(close + 1);
    } else {
      int colon = hostPort.indexOf(':');
      String h = colon < 0 ? hostPort : hostPort.substring(0, colon);
      if (colon >= 0) {
        port(type, original, hostPort.substring(colon));
      }
      Optional<String> normal = ipv4(h).or(() -> domain(h));
      if (normal.isEmpty()) {
        throw invalid(type, original, "the host is neither a domain name nor an IP address");
      }
      hostPort = normal.get() + (colon < 0 ? "" : hostPort.substring(colon));
    }
    String userInfo =
        authority.contains("@") ? authority.substring(0, authority.lastIndexOf('@') + 1) : "";
    // the default port says nothing: http://a.example:80/ is http://a.example/
    if ((scheme.equals("http") && hostPort.endsWith(":80"))
        || (scheme.equals("https") && hostPort.endsWith(":443"))) {
      hostPort = hostPort.substring(0, hostPort.lastIndexOf(':'));
    }
    return scheme + "://" + userInfo + hostPort + percentEncoding(rest.substring(end));
  }

  /**
   * RFC 3986 §6.2.2: escapes of unreserved characters are decoded ({@code %7E} → {@code ~}), the
   * hex of the others is upper-cased ({@code %2f} → {@code %2F}); nothing else changes meaning.
   */
  static String percentEncoding(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        int v = hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2));
        char d = (char) v;
        if ((d >= 'A' && d <= 'Z')
            || (d >= 'a' && d <= 'z')
            || (d >= '0' && d <= '9')
            || d == '-'
            || d == '.'
            || d == '_'
            || d == '~') {
          b.append(d);
        } else {
          b.append('%')
              .append(Character.toUpperCase(s.charAt(i + 1)))
              .append(Character.toUpperCase(s.charAt(i + 2)));
        }
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static void port(ObservableType type, String original, String colonPort) {
    if (colonPort.isEmpty()) {
      return;
    }
    String p = colonPort.substring(1);
    try {
      int n = Integer.parseInt(p);
      if (n < 1 || n > 65535 || p.length() > 5) {
        throw invalid(type, original, "port out of range");
      }
    } catch (NumberFormatException e) {
      throw invalid(type, original, "port is not a number");
    }
  }

  private static String email(ObservableType type, String original, String v) {
    int at = v.lastIndexOf('@');
    if (at <= 0 || at == v.length() - 1) {
      throw invalid(type, original, "expected local-part@domain");
    }
    String local = v.substring(0, at);
    if (local.length() > 64) {
      throw invalid(type, original, "local part longer than 64 characters");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c <= ' ' || c > 126 || c == '@' || c == '<' || c == '>' || c == ',' || c == ';') {
        throw invalid(type, original, "invalid character in the local part");
      }
    }
    String d =
        domain(v.substring(at + 1))
            .orElseThrow(() -> invalid(type, original, "the part after '@' is not a domain name"));
    return local + "@" + d;
  }

  private static String hash(ObservableType type, String original, String v, int length) {
    if (v.length() != length || !isHex(v)) {
      throw invalid(type, original, "expected " + length + " hexadecimal characters");
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static InvalidObservable invalid(ObservableType type, String value, String reason) {
    return new InvalidObservable(type.code(), value, reason);
  }
}

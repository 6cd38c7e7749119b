package jp.renkei.engine.observable;

/**
 * A quick path through {@link Observables} for the forms that fill large indicator lists: plain
 * IPv4 addresses and ranges, domain names, {@code http}/{@code https} URLs without user, port or
 * IPv6 host, and hashes. One pass over the characters, no {@code Optional}, no refanging copies.
 *
 * <p>Either answer exactly what {@link Observables#detect} and {@link Observables#parse} answer
 * (same type, same normal form) or {@code null}: anything unusual (defanged, IPv6, e-mail, ports,
 * bad values) is left to {@link Observables}, which also gives the reasons for rejecting a line.
 * {@code QuickObservablesTest} checks the two agree.
 */
public final class QuickObservables {

  private QuickObservables() {}

  /**
   * {@code Observables.parse(Observables.detect(text).get(), text)} for the common forms of {@code
   * text} (already stripped), or {@code null} when this quick path does not decide.
   */
  public static Observable detectAndParse(String t) {
    int n = t.length();
    if (n == 0 || n > Observables.MAX_LENGTH) {
      return null;
    }
    boolean digitsAndDots = true;
    boolean hex = true;
    boolean domainChars = true;
    boolean ipv6Chars = t.indexOf(':') >= 0;
    int slash = -1;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!digit && c != '.') {
        digitsAndDots = false;
      }
      if (!digit && !((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        hex = false;
        if (c != ':') {
          ipv6Chars = false;
        }
      }
      if (!digit && !letter && c != '.' && c != '-' && c != '_') {
        domainChars = false;
        if (c == '/' && slash < 0) {
          slash = i;
        }
      }
    }
    if (digitsAndDots && ipv4Value(t, 0, n) >= 0) {
      return new Observable(ObservableType.IPV4, t, t);
    }
    if (domainChars) {
      if (hex) {
        ObservableType h = hashType(n);
        if (h != null) {
          return new Observable(h, toLower(t), t);
        }
      }
      String d = t.indexOf('.') > 0 ? domain(t) : null;
      return d == null ? null : new Observable(ObservableType.DOMAIN, d, t);
    }
    if (ipv6Chars) {
      String a = ipv6(t);
      return a == null ? null : new Observable(ObservableType.IPV6, a, t);
    }
    if (t.startsWith("http://") || t.startsWith("https://")) {
      String u = url(t);
      return u == null ? null : new Observable(ObservableType.URL, u, t);
    }
    if (slash > 0 && t.indexOf(':') < 0 && t.indexOf('@') < 0) {
      String c = cidr(t, slash);
      return c == null ? null : new Observable(ObservableType.CIDR, c, t);
    }
    return null;
  }

  /**
   * {@code Observables.parse(type, text).value()} for the common forms of {@code text} (already
   * stripped), or {@code null} when this quick path does not decide.
   */
  public static String parse(ObservableType type, String t) {
    int n = t.length();
    if (n == 0 || n > Observables.MAX_LENGTH) {
      return null;
    }
    return switch (type) {
      case IPV4 -> ipv4Value(t, 0, n) >= 0 ? t : null;
      case IPV6 -> ipv6(t);
      case DOMAIN -> domain(t);
      case URL -> t.startsWith("http://") || t.startsWith("https://") ? url(t) : null;
      case CIDR -> {
        int slash = t.indexOf('/');
        yield slash > 0 ? cidr(t, slash) : null;
      }
      case MD5, SHA1, SHA256, SHA512 -> hashType(n) == type && isHex(t) ? toLower(t) : null;
      default -> null;
    };
  }

  /** The longest dotted quad, {@code 255.255.255.255}. */
  private static final int MAX_DOTTED_QUAD = 15;

  /**
   * {@link #ipv4Value(byte[], int, int)} for the characters {@code s[from, to)}: copied into bytes
   * when they are at most 15 ASCII characters (no longer text is a dotted quad), so both forms are
   * read by the one reader below.
   */
  private static long ipv4Value(String s, int from, int to) {
    int n = to - from;
    if (n > MAX_DOTTED_QUAD) {
      return -1;
    }
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(from + i);
      if (c > 0x7f) {
        return -1; // a byte cast would make some other characters look like digits or dots
      }
      b[i] = (byte) c;
    }
    return ipv4Value(b, 0, n);
  }

  /**
   * The address of a dotted quad in the ASCII bytes {@code b[from, to)} as an unsigned value, or
   * -1: as {@code Observables.ipv4} (no leading zeros, four parts of 0–255). The one reader of
   * dotted quads for indicator text, whether read as a {@code String} here or as bytes by the
   * matcher's list reader ({@code jp.renkei.engine.match.QuickLine}).
   */
  public static long ipv4Value(byte[] b, int from, int to) {
    long value = 0;
    int part = 0;
    int digits = 0;
    int p = 0;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c == '.') {
        if (digits == 0 || part == 3) {
          return -1;
        }
        value = (value << 8) | p;
        part++;
        digits = 0;
        p = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && p == 0) {
          return -1;
        }
        p = p * 10 + (c - '0');
        if (++digits > 3 || p > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    if (digits == 0 || part != 3) {
      return -1;
    }
    return (value << 8) | p;
  }

  /**
   * An IPv6 address of hex groups (at most one {@code ::}, no dotted tail, no zone) in the RFC 5952
   * form of {@code Observables.ipv6}, or {@code null}; also for IPv4-mapped addresses, which the
   * JDK turns into IPv4.
   */
  private static String ipv6(String t) {
    int n = t.length();
    if (n < 2 || n > 45) {
      return null;
    }
    int gap = t.indexOf("::");
    if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = new int[8];
    int[] tail = new int[8];
    int heads = gap < 0 ? groups(t, 0, n, head) : gap == 0 ? 0 : groups(t, 0, gap, head);
    int tails = gap < 0 ? 0 : gap + 2 == n ? 0 : groups(t, gap + 2, n, tail);
    if (heads < 0 || tails < 0 || (gap < 0 ? heads != 8 : heads + tails > 7)) {
      return null;
    }
    byte[] b = new byte[16];
    for (int i = 0; i < heads; i++) {
      b[2 * i] = (byte) (head[i] >>> 8);
      b[2 * i + 1] = (byte) head[i];
    }
    for (int i = 0; i < tails; i++) {
      int g = 8 - tails + i;
      b[2 * g] = (byte) (tail[i] >>> 8);
      b[2 * g + 1] = (byte) tail[i];
    }
    boolean mapped = b[10] == (byte) 255 && b[11] == (byte) 255;
    for (int i = 0; i < 10 && mapped; i++) {
      mapped = b[i] == 0;
    }
    return mapped ? null : Observables.compress(b);
  }

  /** The colon-separated groups of 1–4 hex digits in {@code t[from, to)}, or -1. */
  private static int groups(String t, int from, int to, int[] into) {
    int count = 0;
    int digits = 0;
    int value = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? t.charAt(i) : ':';
      if (c == ':') {
        if (digits == 0 || count == 8) {
          return -1;
        }
        into[count++] = value;
        digits = 0;
        value = 0;
      } else {
        int h =
            c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0 || ++digits > 4) {
          return -1;
        }
        value = value * 16 + h;
      }
    }
    return count;
  }

  /** An IPv4 range {@code a.b.c.d/p} in its normal form (network address), or {@code null}. */
  private static String cidr(String t, int slash) {
    long address = ipv4Value(t, 0, slash);
    int digits = t.length() - slash - 1;
    if (address < 0 || digits < 1 || digits > 2) {
      return null;
    }
    int prefix = 0;
    for (int i = slash + 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      prefix = prefix * 10 + (c - '0');
    }
    if (prefix > 32 || (digits == 2 && t.charAt(slash + 1) == '0')) {
      return null;
    }
    long net = prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return (net >>> 24)
        + "."
        + ((net >>> 16) & 255)
        + "."
        + ((net >>> 8) & 255)
        + "."
        + (net & 255)
        + "/"
        + prefix;
  }

  /**
   * A domain name in its normal form (lower case, without the final dot), or {@code null}: the
   * rules of {@code Observables.domain} for names of ASCII letters, digits, hyphens and
   * underscores.
   */
  private static String domain(String v) {
    int n = v.length();
    int end = n > 0 && v.charAt(n - 1) == '.' ? n - 1 : n;
    if (end == 0 || end > 253) {
      return null;
    }
    int labelLength = 0;
    boolean labelDigits = true;
    boolean upper = false;
    char prev = '.';
    for (int i = 0; i < end; i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (labelLength == 0 || prev == '-') {
          return null;
        }
        labelLength = 0;
        labelDigits = true;
      } else {
        boolean digit = c >= '0' && c <= '9';
        boolean ok = (c >= 'a' && c <= 'z') || digit || c == '-' || c == '_';
        if (c >= 'A' && c <= 'Z') {
          ok = true;
          upper = true;
        }
        if (!ok || (labelLength == 0 && c == '-') || ++labelLength > 63) {
          return null;
        }
        labelDigits &= digit;
      }
      prev = c;
    }
    // the last label: not empty, no final hyphen, not all digits (which also rules out addresses)
    if (labelLength == 0 || prev == '-' || labelDigits) {
      return null;
    }
    String d = end == n ? v : v.substring(0, end);
    return upper ? toLower(d) : d;
  }

  /**
   * An {@code http}/{@code https} URL (lower-case scheme) whose authority is a domain name or IPv4
   * address alone, in the normal form of {@code Observables}; {@code null} for anything else.
   */
  private static String url(String t) {
    int n = t.length();
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      // spaces and controls are refused by Observables; brackets may be defanging
      if (c <= ' ' || c == 127 || c == '[' || c == '(' || c == '{') {
        return null;
      }
    }
    int hostStart = t.charAt(4) == 's' ? 8 : 7;
    int end = n;
    for (int i = hostStart; i < n; i++) {
      char c = t.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
      if (c == '@' || c == ':') {
        return null;
      }
    }
    String host;
    if (ipv4Value(t, hostStart, end) >= 0) {
      host = t.substring(hostStart, end);
    } else {
      host = domain(t.substring(hostStart, end));
      if (host == null) {
        return null;
      }
    }
    String rest = Observables.percentEncoding(t.substring(end));
    return t.substring(0, hostStart) + host + rest;
  }

  private static ObservableType hashType(int length) {
    return switch (length) {
      case 32 -> ObservableType.MD5;
      case 40 -> ObservableType.SHA1;
      case 64 -> ObservableType.SHA256;
      case 128 -> ObservableType.SHA512;
      default -> null;
    };
  }

  private static boolean isHex(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static String toLower(String ascii) {
    return ascii.toLowerCase(java.util.Locale.ROOT);
  }
}

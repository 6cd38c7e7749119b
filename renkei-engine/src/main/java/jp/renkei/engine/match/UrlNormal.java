package jp.renkei.engine.match;

import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.observable.QuickObservables;

/**
 * The normal form of a URL as the index looks it up ({@link Observables#parse} of it, without user
 * info: {@link IndicatorIndex#withoutUserInfo}), made from the bytes of a log into a reused buffer
 * with no string, for URLs written in printable ASCII without any form refanging changes. Anything
 * else is left to the text path, which decides as before.
 */
final class UrlNormal {

  /** {@link #normalize}: Observables refuses the URL (it matches nothing). */
  static final int INVALID = -1;

  /** {@link #normalize}: not decided here (an unusual form): ask the text path. */
  static final int UNDECIDED = -2;

  private UrlNormal() {}

  /**
   * Writes the normal form of the URL in {@code b[s, e)} to {@code out} (which must hold {@code e -
   * s} bytes: the normal form is never longer) and returns its length; or {@link #INVALID}, or
   * {@link #UNDECIDED}.
   */
  static int normalize(byte[] b, int s, int e, byte[] out) {
    for (int i = s; i < e; i++) {
      byte c = b[i];
      // spaces and controls (refused by Observables, and stripped at the ends) and non-ASCII
      // bytes, and the brackets that start defanged forms: the text path decides
      if (c <= ' ' || c >= 127 || c == '[' || c == '(' || c == '{') {
        return UNDECIDED;
      }
    }
    if (e - s > Observables.MAX_LENGTH) {
      return INVALID;
    }
    if (startsWithIgnoreCase(b, s, e, "hxxp") || startsWithIgnoreCase(b, s, e, "fxp:")) {
      return UNDECIDED; // refanged to http(s) or ftp
    }
    int sep = -1;
    for (int i = s; i + 2 < e; i++) {
      if (b[i] == ':' && b[i + 1] == '/' && b[i + 2] == '/') {
        sep = i;
        break;
      }
    }
    if (sep <= s) {
      return INVALID; // no scheme
    }
    int o = 0;
    for (int i = s; i < sep; i++) {
      int c = DomainTable.lower(b[i]);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return INVALID;
      }
      out[o++] = (byte) c;
    }
    boolean http = sep - s == 4 && out[0] == 'h' && out[1] == 't' && out[2] == 't' && out[3] == 'p';
    boolean https =
        sep - s == 5
            && out[0] == 'h'
            && out[1] == 't'
            && out[2] == 't'
            && out[3] == 'p'
            && out[4] == 's';
    out[o++] = ':';
    out[o++] = '/';
    out[o++] = '/';
    int as = sep + 3;
    int end = as;
    while (end < e && b[end] != '/' && b[end] != '?' && b[end] != '#') {
      end++;
    }
    int hs = as; // after the authority's last '@' (user info is not kept)
    for (int i = end - 1; i >= as; i--) {
      if (b[i] == '@') {
        hs = i + 1;
        break;
      }
    }
    int colon = end;
    for (int i = hs; i < end; i++) {
      if (b[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < end && !port(b, colon + 1, end)) {
      return INVALID;
    }
    if (QuickObservables.ipv4Value(b, hs, colon) >= 0) {
      System.arraycopy(b, hs, out, o, colon - hs);
      o += colon - hs;
    } else {
      int n = domain(b, hs, colon, out, o);
      if (n < 0) {
        return INVALID;
      }
      o = n;
    }
    int portLength = end - colon - 1;
    boolean defaultPort =
        (http && portLength == 2 && b[colon + 1] == '8' && b[colon + 2] == '0')
            || (https
                && portLength == 3
                && b[colon + 1] == '4'
                && b[colon + 2] == '4'
                && b[colon + 3] == '3');
    if (colon < end && !defaultPort) {
      System.arraycopy(b, colon, out, o, end - colon);
      o += end - colon;
    }
    return percentEncoding(b, end, e, out, o);
  }

  /**
   * Whether {@code b[from, to)} is a port {@link Observables} accepts: what {@link
   * Integer#parseInt} reads as 1 to 65535, in at most five characters.
   */
  private static boolean port(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 1 || n > 5) {
      return false;
    }
    int i = b[from] == '+' ? from + 1 : from;
    if (i == to) {
      return false;
    }
    int v = 0;
    for (; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
      v = v * 10 + (b[i] - '0');
    }
    return v >= 1 && v <= 65535;
  }

  /**
   * As {@code Observables.domain}: the host in {@code b[s, e)} lower-cased, without its final dot,
   * written at {@code out[o]}; returns the end, or -1 when it is no domain name.
   */
  private static int domain(byte[] b, int s, int e, byte[] out, int o) {
    int end = e > s && b[e - 1] == '.' ? e - 1 : e;
    if (end == s || end - s > 253) {
      return -1;
    }
    int labelLength = 0;
    boolean labelDigits = true;
    int prev = '.';
    for (int i = s; i < end; i++) {
      int c = b[i];
      if (c == '.') {
        if (labelLength == 0 || prev == '-') {
          return -1;
        }
        labelLength = 0;
        labelDigits = true;
      } else {
        boolean digit = c >= '0' && c <= '9';
        int lower = c | 0x20;
        boolean ok = digit || (lower >= 'a' && lower <= 'z') || c == '-' || c == '_';
        if (!ok || (labelLength == 0 && c == '-') || ++labelLength > 63) {
          return -1;
        }
        labelDigits &= digit;
      }
      prev = c;
    }
    // the last label: not empty, no final hyphen, not all digits (which also rules out addresses)
    if (labelLength == 0 || prev == '-' || labelDigits) {
      return -1;
    }
    for (int i = s; i < end; i++) {
      out[o++] = DomainTable.lower(b[i]);
    }
    return o;
  }

  /**
   * As {@code Observables.percentEncoding}: escapes of unreserved characters decoded, the hex of
   * the others upper-cased; writes {@code b[s, e)} so at {@code out[o]} and returns the end.
   */
  private static int percentEncoding(byte[] b, int s, int e, byte[] out, int o) {
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '%' && i + 2 < e && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
        int d = hex(b[i + 1]) * 16 + hex(b[i + 2]);
        if ((d >= 'A' && d <= 'Z')
            || (d >= 'a' && d <= 'z')
            || (d >= '0' && d <= '9')
            || d == '-'
            || d == '.'
            || d == '_'
            || d == '~') {
          out[o++] = (byte) d;
        } else {
          out[o++] = '%';
          out[o++] = upper(b[i + 1]);
          out[o++] = upper(b[i + 2]);
        }
        i += 2;
      } else {
        out[o++] = c;
      }
    }
    return o;
  }

  private static byte upper(byte c) {
    return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
  }

  private static int hex(byte c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int s, int e, String prefix) {
    if (e - s < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (DomainTable.lower(b[s + k]) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}

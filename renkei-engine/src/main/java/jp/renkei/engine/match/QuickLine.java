package jp.renkei.engine.match;

import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.observable.QuickObservables;

/**
 * The bare values that fill large lists — IPv4 addresses and ranges, domain names, hashes, IPv6
 * addresses and URLs — read and normalised from their bytes into a reused buffer, with no string.
 * {@link #parse} gives what the text path ({@link QuickObservables#detectAndParse}, else {@link
 * Observables}) makes of the same line, as the index keeps it (URLs without user info), or says it
 * does not decide (a control or non-ASCII byte, a form left to {@link Observables}, a value it
 * refuses), and the caller then reads the line as text, as before. Not thread-safe: one per reading
 * thread.
 */
final class QuickLine {

  ObservableType type;
  byte[] out = new byte[256];
  int length;
  private final long[] v6 = new long[2];

  /**
   * Whether {@code b[s, e)} (a stripped line, not empty) is one of the bare values read here; if
   * so, sets {@link #type} and the normal form in {@code out[0, length)}.
   */
  boolean parse(byte[] b, int s, int e) {
    int n = e - s;
    if (n == 0 || n > Observables.MAX_LENGTH) {
      return false;
    }
    boolean digitsAndDots = true;
    boolean hex = true;
    boolean domainChars = true;
    boolean hexOrColon = true;
    boolean colon = false;
    boolean other = false; // printable ASCII that is none of the above
    int slash = -1;
    int dot = -1;
    for (int i = s; i < e; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        continue;
      }
      digitsAndDots &= c == '.';
      if (c == '.') {
        hex = false;
        hexOrColon = false;
        if (dot < 0) {
          dot = i;
        }
        continue;
      }
      int lower = c | 0x20;
      if (lower >= 'a' && lower <= 'z') {
        hex &= lower <= 'f';
        hexOrColon &= lower <= 'f';
        continue;
      }
      hex = false;
      if (c == ':') {
        colon = true;
        domainChars = false;
        continue;
      }
      hexOrColon = false;
      if (c == '-' || c == '_') {
        continue;
      }
      domainChars = false;
      if (c == '/') {
        if (slash < 0) {
          slash = i;
        }
      } else if (c > ' ' && c < 127) {
        other = true;
      } else {
        return false; // a control or a non-ASCII byte: read as text
      }
    }
    if (digitsAndDots && QuickObservables.ipv4Value(b, s, e) >= 0) {
      return copy(ObservableType.IPV4, b, s, e, false);
    }
    if (domainChars) {
      if (hex) {
        ObservableType h = hashType(n);
        if (h != null) {
          return copy(h, b, s, e, true);
        }
      }
      return dot > s && domain(b, s, e);
    }
    if (colon) {
      return hexOrColon ? ipv6(b, s, e) : url(b, s, e);
    }
    return !other && slash > s && cidr(b, s, e, slash);
  }

  /**
   * An IPv6 address of hex groups in its RFC 5952 form, as {@code QuickObservables} writes it; not
   * an IPv4-mapped one (the JDK turns those into IPv4: the text path reads them).
   */
  private boolean ipv6(byte[] b, int s, int e) {
    if (!Ipv6Filter.parse(b, s, e, v6)) {
      return false;
    }
    long hi = v6[0];
    long lo = v6[1];
    if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
      return false;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (group(hi, lo, i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && group(hi, lo, j) == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    room(39);
    int o = 0;
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out[o++] = ':';
        out[o++] = ':';
        i += bestLen - 1;
        continue;
      }
      if (o > 0 && out[o - 1] != ':') {
        out[o++] = ':';
      }
      int v = group(hi, lo, i);
      for (int shift = v >= 0x1000 ? 12 : v >= 0x100 ? 8 : v >= 0x10 ? 4 : 0;
          shift >= 0;
          shift -= 4) {
        out[o++] = (byte) Character.forDigit((v >>> shift) & 15, 16);
      }
    }
    type = ObservableType.IPV6;
    length = o;
    return true;
  }

  private static int group(long hi, long lo, int i) {
    return (int) ((i < 4 ? hi >>> (16 * (3 - i)) : lo >>> (16 * (7 - i))) & 0xFFFF);
  }

  /**
   * A URL Observables reads (any scheme; the user info left out, as the index keeps it); not one
   * written in a form the byte normaliser leaves to the text path.
   */
  private boolean url(byte[] b, int s, int e) {
    room(e - s);
    int n = UrlNormal.normalize(b, s, e, out);
    if (n < 0) {
      return false;
    }
    type = ObservableType.URL;
    length = n;
    return true;
  }

  private boolean copy(ObservableType t, byte[] b, int s, int e, boolean lower) {
    room(e - s);
    for (int i = s; i < e; i++) {
      byte c = b[i];
      out[i - s] = lower && c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }
    type = t;
    length = e - s;
    return true;
  }

  private void room(int n) {
    if (out.length < n) {
      out = new byte[Math.max(n, 2 * out.length)];
    }
  }

  /** As {@code QuickObservables.domain}: lower case, without the final dot. */
  private boolean domain(byte[] b, int s, int e) {
    int end = b[e - 1] == '.' ? e - 1 : e;
    if (end == s || end - s > 253) {
      return false;
    }
    int labelLength = 0;
    boolean labelDigits = true;
    int prev = '.';
    for (int i = s; i < end; i++) {
      int c = b[i];
      if (c == '.') {
        if (labelLength == 0 || prev == '-') {
          return false;
        }
        labelLength = 0;
        labelDigits = true;
      } else {
        boolean digit = c >= '0' && c <= '9';
        // only letters, digits, '-', '_' and '.' get here
        if ((labelLength == 0 && c == '-') || ++labelLength > 63) {
          return false;
        }
        labelDigits &= digit;
      }
      prev = c;
    }
    if (labelLength == 0 || prev == '-' || labelDigits) {
      return false;
    }
    return copy(ObservableType.DOMAIN, b, s, end, true);
  }

  /** As {@code QuickObservables.cidr}: an IPv4 range in its normal form (the network address). */
  private boolean cidr(byte[] b, int s, int e, int slash) {
    long address = QuickObservables.ipv4Value(b, s, slash);
    int digits = e - slash - 1;
    if (address < 0 || digits < 1 || digits > 2) {
      return false;
    }
    int prefix = 0;
    for (int i = slash + 1; i < e; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        return false;
      }
      prefix = prefix * 10 + (c - '0');
    }
    if (prefix > 32 || (digits == 2 && b[slash + 1] == '0')) {
      return false;
    }
    long net = prefix == 0 ? 0 : address & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    room(19);
    int o = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
      o = decimal((int) (net >>> shift) & 255, o);
      out[o++] = (byte) (shift == 0 ? '/' : '.');
    }
    o = decimal(prefix, o);
    type = ObservableType.CIDR;
    length = o;
    return true;
  }

  private int decimal(int v, int o) {
    if (v >= 100) {
      out[o++] = (byte) ('0' + v / 100);
    }
    if (v >= 10) {
      out[o++] = (byte) ('0' + v / 10 % 10);
    }
    out[o++] = (byte) ('0' + v % 10);
    return o;
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
}

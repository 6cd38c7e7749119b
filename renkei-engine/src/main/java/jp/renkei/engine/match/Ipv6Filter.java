package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import jp.renkei.engine.observable.ObservableType;

/**
 * Rules out most IPv6 addresses of a log without normalising their text: the 128-bit values of the
 * index's exact IPv6 indicators in a hash set, and a byte-level reader of the plain written forms
 * (hex groups, at most one {@code ::}). An address read that way which is neither in the set nor
 * inside a listed IPv6 range hits nothing; everything else (a hit, a dotted or zoned form, text
 * that is no address) takes the exact path, which normalises the text as before. Normalising went
 * through {@code InetAddress} for every IPv6 host of a log (Squid's server addresses), an eighth of
 * the CPU of a Squid run with many of them.
 */
final class Ipv6Filter {

  private final long[] keys; // (high, low) per slot; an empty slot is (0, 0)
  private final boolean hasZero; // whether :: itself is listed
  private final int mask;

  private Ipv6Filter(long[] keys, boolean hasZero) {
    this.keys = keys;
    this.hasZero = hasZero;
    this.mask = keys.length / 2 - 1;
  }

  /** The exact IPv6 indicators of {@code store}, read from their normal values. */
  static Ipv6Filter of(IndicatorStore store) {
    int six = ObservableType.IPV6.ordinal();
    int count = 0;
    for (int n = 0; n < store.size(); n++) {
      if (store.types[n] == six) {
        count++;
      }
    }
    int slots = Integer.highestOneBit(Math.max(8, count * 2 - 1)) << 1;
    long[] keys = new long[2 * slots];
    boolean zero = false;
    long[] a = new long[2];
    for (int n = 0; n < store.size(); n++) {
      if (store.types[n] != six) {
        continue;
      }
      int s = store.valueStart(n);
      int e = store.valueEnd[n];
      if (!parse(store.values, s, e, a)) {
        // a dotted normal form (::ffff:1.2.3.4): read as the exact path reads it
        long[] v =
            IndicatorIndex.Builder.ipv6(new String(store.values, s, e - s, StandardCharsets.UTF_8));
        a[0] = v[0];
        a[1] = v[1];
      }
      if (a[0] == 0 && a[1] == 0) {
        zero = true;
        continue;
      }
      int i = slot(a[0], a[1], slots - 1);
      while (keys[2 * i] != 0 || keys[2 * i + 1] != 0) {
        if (keys[2 * i] == a[0] && keys[2 * i + 1] == a[1]) {
          break;
        }
        i = (i + 1) & (slots - 1);
      }
      keys[2 * i] = a[0];
      keys[2 * i + 1] = a[1];
    }
    return new Ipv6Filter(keys, zero);
  }

  private static int slot(long high, long low, int mask) {
    long h = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL);
    return (int) (h ^ (h >>> 29)) & mask;
  }

  /** Whether the address {@code (high, low)} is an exact IPv6 indicator. */
  boolean contains(long high, long low) {
    if (high == 0 && low == 0) {
      return hasZero;
    }
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      long h = keys[2 * i];
      long l = keys[2 * i + 1];
      if (h == high && l == low) {
        return true;
      }
      if (h == 0 && l == 0) {
        return false;
      }
    }
  }

  /**
   * Reads {@code b[s, e)} as an IPv6 address written as one to eight groups of one to four hex
   * digits, separated by {@code :}, with at most one {@code ::} standing for one or more zero
   * groups; puts its high and low 64 bits in {@code out}. False for any other text (a dotted IPv4
   * tail, a zone, brackets, too many groups, not an address): such text is left to the exact path.
   */
  static boolean parse(byte[] b, int s, int e, long[] out) {
    if (e - s < 2 || e - s > 39) {
      return false;
    }
    // first the form: the number of groups and where the gap is
    int n = 0;
    int gap = -1;
    int i = s;
    if (b[i] == ':') {
      if (b[i + 1] != ':') {
        return false;
      }
      gap = 0;
      i += 2;
    }
    while (i < e) {
      int d = 0;
      for (; i < e && d <= 4; i++, d++) {
        if (hex(b[i]) < 0) {
          break;
        }
      }
      if (d == 0 || d > 4 || n == 8) {
        return false;
      }
      n++;
      if (i == e) {
        break;
      }
      if (b[i] != ':') {
        return false;
      }
      i++;
      if (i == e) {
        return false; // one ':' at the end
      }
      if (b[i] == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = n;
        i++;
      }
    }
    if (gap < 0 ? n != 8 : n > 7) {
      return false;
    }
    // then each group in its place, the gap's zero groups between (no array: nothing allocated)
    long high = 0;
    long low = 0;
    i = gap == 0 ? s + 2 : s;
    for (int k = 0; k < n; k++) {
      int v = 0;
      for (; i < e && b[i] != ':'; i++) {
        v = (v << 4) | hex(b[i]);
      }
      int p = gap >= 0 && k >= gap ? k + 8 - n : k;
      if (p < 4) {
        high |= (long) v << (16 * (3 - p));
      } else {
        low |= (long) v << (16 * (7 - p));
      }
      i++; // the ':' after the group
      if (i < e && b[i] == ':') {
        i++; // the gap's second ':'
      }
    }
    out[0] = high;
    out[1] = low;
    return true;
  }

  /** Each byte's hexadecimal digit value, or -1 (a table the first JIT tier inlines). */
  private static final byte[] HEX = new byte[256];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int c = 0; c < 10; c++) {
      HEX['0' + c] = (byte) c;
    }
    for (int c = 0; c < 6; c++) {
      HEX['a' + c] = (byte) (10 + c);
      HEX['A' + c] = (byte) (10 + c);
    }
  }

  private static int hex(byte c) {
    return HEX[c & 255];
  }
}

package jp.renkei.engine.redact;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * A reporter's address ranges, IPv4 and IPv6, and the addresses of a text inside them.
 *
 * <p>An address is inside when its 32 or 128 bits share a range's prefix. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.7}) is the IPv4 address it maps, and is inside an IPv4 range as
 * well as an IPv6 range written in that form.
 *
 * <p>In text, an IPv6 address is a whole token of hexadecimal digits, colons and dots (an embedded
 * IPv4 tail), also defanged with {@code [:]} or {@code [.]}, also followed by a zone ({@code
 * %eth0}), also inside the brackets of a URL or after a label's colon ({@code IP:2001:db8::1}),
 * also run on into Japanese text; never part of a longer ASCII word. A token that is no address in
 * any form (a time {@code 12:30:45}, a MAC address) is left alone.
 */
final class AddressRanges {

  /** The longest token read as a possible IPv6 address (45 characters, defanged a few more). */
  private static final int MAX_TOKEN = 80;

  private final List<long[]> v4 = new ArrayList<>(); // base, prefix
  private final List<long[]> v6 = new ArrayList<>(); // high bits, low bits, prefix

  /**
   * Adds a range in CIDR form, IPv4 or IPv6.
   *
   * @throws IllegalArgumentException when it is not one
   */
  void add(String range) {
    String cidr;
    try {
      cidr = Observables.parse(ObservableType.CIDR, range).value();
    } catch (InvalidObservable e) {
      throw new IllegalArgumentException("not a CIDR range: " + range, e);
    }
    int slash = cidr.indexOf('/');
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    byte[] b = bytes(cidr.substring(0, slash));
    if (b.length == 4) {
      v4.add(new long[] {bits(b, 0, 4), prefix});
    } else {
      v6.add(new long[] {bits(b, 0, 8), bits(b, 8, 16), prefix});
    }
  }

  /** Whether an address, IPv4 dotted or IPv6 in any form the observables accept, is inside. */
  boolean contains(String address) {
    if (address.indexOf(':') < 0) {
      long a = ipv4(address);
      return a >= 0 && inside4(a);
    }
    if (v6.isEmpty() && v4.isEmpty()) {
      return false;
    }
    String normal;
    try {
      normal = Observables.parse(ObservableType.IPV6, address).value();
    } catch (InvalidObservable e) {
      return false;
    }
    byte[] b = bytes(normal);
    if (b.length == 4) {
      // the JDK reads an IPv4-mapped address as the IPv4 address it maps
      if (inside4(bits(b, 0, 4))) {
        return true;
      }
      return inside6(0L, 0xFFFF00000000L | bits(b, 0, 4));
    }
    return inside6(bits(b, 0, 8), bits(b, 8, 16));
  }

  /**
   * The IPv6 addresses of a text folded by {@link Redactor#fold} (lower case, half-width) that are
   * inside a range, each as its start and end in that text.
   */
  List<int[]> ipv6Inside(String folded) {
    if ((v6.isEmpty() && v4.isEmpty()) || folded.indexOf(':') < 0) {
      return List.of();
    }
    List<int[]> out = new ArrayList<>();
    int n = folded.length();
    int i = 0;
    while (i < n) {
      int end = tokenEnd(folded, i);
      if (end == i) {
        i++;
        continue;
      }
      int last = end;
      // a zone after the address (fe80::1%eth0) belongs to it
      if (last < n && folded.charAt(last) == '%') {
        int z = last + 1;
        while (z < n && (nameChar(folded.charAt(z)) || folded.charAt(z) == '.')) {
          z++;
        }
        if (z > last + 1) {
          last = z;
        }
      }
      if (last == n || !nameChar(folded.charAt(last))) {
        int[] found = inside(folded, i, end, last);
        if (found != null) {
          out.add(found);
        }
      }
      i = end;
    }
    return out;
  }

  /**
   * The address inside the run {@code [i, end)} (its zone ending at {@code last}), or null: the run
   * from its start when that is a token's start, else from after one of its first colons — a
   * label's colon is not the address's ("IP:2001:db8::1", "送信元：…", "[IPv6:2001:db8::1]" of a
   * Received line, whose "6:" runs on into the address).
   */
  private int[] inside(String folded, int i, int end, int last) {
    int colons = 0;
    for (int start = i; start < end && colons <= 2; start++) {
      boolean from =
          start == i
              ? i == 0 || !nameChar(folded.charAt(i - 1))
              : folded.charAt(start - 1) == ':' && folded.charAt(start) != ':' && ++colons <= 2;
      if (from && end - start <= MAX_TOKEN) {
        int kept = address(folded, start, end);
        if (kept > start) {
          return new int[] {start, kept == end ? last : kept};
        }
      }
    }
    return null;
  }

  /**
   * The end of the address inside {@code [start, end)}, or {@code start} when it holds none: the
   * token as written, else without the sentence's full stop or colon after it.
   */
  private int address(String folded, int start, int end) {
    if (address(folded.substring(start, end))) {
      return end;
    }
    int e = end;
    while (e > start
        && end - e < 2
        && (folded.charAt(e - 1) == '.' || folded.charAt(e - 1) == ':')) {
      e--;
      if (address(folded.substring(start, e))) {
        return e;
      }
    }
    return start;
  }

  /** Whether a token, undefanged, is an address inside a range (cheap shape tests first). */
  private boolean address(String token) {
    String t = token.indexOf('[') < 0 ? token : token.replace("[:]", ":").replace("[.]", ".");
    int colons = 0;
    int group = 0;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c == ':' || c == '.') {
        colons += c == ':' ? 1 : 0;
        group = 0;
      } else if (++group > 4) {
        return false;
      }
    }
    if (colons < 2 || colons > 8 || t.contains(":::")) {
      return false;
    }
    int shortened = t.indexOf("::");
    if (shortened < 0
        ? colons != (t.indexOf('.') < 0 ? 7 : 6)
        : t.indexOf("::", shortened + 1) >= 0) {
      return false; // a time (12:30:45), a MAC address: no IPv6 address in any form
    }
    if (v6.isEmpty() && !t.contains("ffff")) {
      return false; // only an IPv4-mapped address can be inside IPv4 ranges
    }
    return contains(t);
  }

  /** The end of the run of address characters from {@code i} ({@code i} when none starts there). */
  private static int tokenEnd(String s, int i) {
    int n = s.length();
    int j = i;
    while (j < n) {
      char c = s.charAt(j);
      if (c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
        j++;
      } else if (c == '['
          && j + 2 < n
          && s.charAt(j + 2) == ']'
          && (s.charAt(j + 1) == ':' || s.charAt(j + 1) == '.')
          && j > i) {
        j += 3;
      } else {
        break;
      }
    }
    return j;
  }

  private static int colons(String s) {
    int c = 0;
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == ':') {
        c++;
      }
    }
    return c;
  }

  /**
   * A character that makes a token part of a longer ASCII word or identifier. Japanese text runs on
   * without spaces (送信元2001:db8::1から): a kana or kanji next to an address ends it.
   */
  private static boolean nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  private boolean inside4(long a) {
    for (long[] r : v4) {
      int prefix = (int) r[1];
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      if ((a & mask) == (r[0] & mask)) {
        return true;
      }
    }
    return false;
  }

  private boolean inside6(long hi, long lo) {
    for (long[] r : v6) {
      int prefix = (int) r[2];
      long maskHi = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
      long maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
      if ((hi & maskHi) == (r[0] & maskHi) && (lo & maskLo) == (r[1] & maskLo)) {
        return true;
      }
    }
    return false;
  }

  /** The bytes of an address the observables have already normalised (never a host name). */
  private static byte[] bytes(String normal) {
    try {
      // only hex digits, ':' and '.': the JDK parses it as a literal and never asks DNS
      return InetAddress.getByName(normal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a normalised address did not parse: " + normal, e);
    }
  }

  private static long bits(byte[] b, int from, int to) {
    long v = 0;
    for (int k = from; k < to; k++) {
      v = (v << 8) | (b[k] & 0xFF);
    }
    return v;
  }

  static long ipv4(String s) {
    String[] p = s.split("\\.");
    if (p.length != 4) {
      return -1;
    }
    long v = 0;
    for (String part : p) {
      if (part.isEmpty() || part.length() > 3) {
        return -1;
      }
      for (int k = 0; k < part.length(); k++) {
        if (part.charAt(k) < '0' || part.charAt(k) > '9') {
          return -1;
        }
      }
      int n = Integer.parseInt(part);
      if (n > 255) {
        return -1;
      }
      v = (v << 8) | n;
    }
    return v;
  }
}

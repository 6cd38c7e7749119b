package jp.renkei.engine.match;

import java.util.Arrays;

/**
 * IPv4 addresses and CIDR ranges mapping to indicator numbers, with longest-prefix lookup: one
 * open-addressing table per prefix length that actually occurs, probed from /32 down. Large tables
 * get a bit per /24 network that some entry touches ({@link #freeze}), so an address in none of
 * them — most addresses in a log — is ruled out with one read of a 2 MiB bitmap instead of a probe
 * per prefix length. Not thread-safe while building; read-only after {@link #freeze}.
 */
final class Ipv4Table {

  /** Below this many entries the tables are small enough to probe directly. */
  static final int FILTER_FROM = 4096;

  final IntTable[] byPrefix = new IntTable[33];
  private long usedPrefixes; // bit p set when some entry has prefix length p
  private int size;
  private long[] slash24; // bit per /24 network holding or inside an entry; null: no filter

  int size() {
    return size;
  }

  /** Adds a network (the address with host bits cleared) of the given prefix length. */
  void put(int network, int prefix, int value) {
    if (byPrefix[prefix] == null) {
      byPrefix[prefix] = new IntTable();
      usedPrefixes |= 1L << prefix;
    }
    if (byPrefix[prefix].put(network & mask(prefix), value)) {
      size++;
    }
  }

  /** Puts back a table of one prefix length (from a snapshot). */
  void restore(int prefix, IntTable t) {
    byPrefix[prefix] = t;
    usedPrefixes |= 1L << prefix;
    size += t.count;
  }

  /** Builds the /24 filter when the table is large; call once all entries are in. */
  void freeze() {
    slash24 = null;
    if (size < FILTER_FROM) {
      return;
    }
    long[] bits = new long[1 << 18];
    for (int p = 0; p <= 32; p++) {
      IntTable t = byPrefix[p];
      if (t == null) {
        continue;
      }
      for (int i = 0; i < t.keys.length; i++) {
        if (t.values[i] >= 0) {
          int first = t.keys[i] >>> 8;
          int count = p >= 24 ? 1 : 1 << (24 - p);
          for (int n = first; n < first + count; n++) {
            bits[n >>> 6] |= 1L << n;
          }
        }
      }
    }
    slash24 = bits;
  }

  /** The value of the longest listed prefix containing {@code address}, or -1. */
  int lookup(int address) {
    long[] bits = slash24;
    if (bits != null && (bits[address >>> 14] & (1L << (address >>> 8))) == 0) {
      return -1;
    }
    long used = usedPrefixes;
    while (used != 0) {
      int p = 63 - Long.numberOfLeadingZeros(used);
      int v = byPrefix[p].get(address & mask(p));
      if (v >= 0) {
        return v;
      }
      used &= ~(1L << p);
    }
    return -1;
  }

  long bytes() {
    long b = slash24 == null ? 0 : 8L * slash24.length;
    for (IntTable t : byPrefix) {
      if (t != null) {
        b += t.bytes();
      }
    }
    return b;
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  /**
   * Parses a dotted quad in {@code line[start, end)}; returns it as an int, with {@code ok[0]} set,
   * or leaves {@code ok[0]} false.
   */
  static int parse(byte[] line, int start, int end, boolean[] ok) {
    ok[0] = false;
    int value = 0;
    int part = 0;
    int digits = 0;
    int octet = 0;
    for (int i = start; i < end; i++) {
      byte b = line[i];
      if (b >= '0' && b <= '9') {
        octet = octet * 10 + (b - '0');
        if (++digits > 3 || octet > 255) {
          return 0;
        }
      } else if (b == '.' && digits > 0 && part < 3) {
        value = (value << 8) | octet;
        part++;
        digits = 0;
        octet = 0;
      } else {
        return 0;
      }
    }
    if (part != 3 || digits == 0) {
      return 0;
    }
    ok[0] = true;
    return (value << 8) | octet;
  }

  /** Open addressing int → non-negative int; a slot whose value is -1 is empty. */
  static final class IntTable {
    int[] keys = new int[16];
    int[] values = filled(16);
    int count;

    private static int[] filled(int n) {
      int[] v = new int[n];
      Arrays.fill(v, -1);
      return v;
    }

    boolean put(int key, int value) {
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        if (values[i] < 0) {
          keys[i] = key;
          values[i] = value;
          if (++count * 2 > keys.length) {
            grow();
          }
          return true;
        }
        if (keys[i] == key) {
          return false;
        }
      }
    }

    int get(int key) {
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int v = values[i];
        if (v < 0 || keys[i] == key) {
          return v;
        }
      }
    }

    private void grow() {
      int[] ok = keys, ov = values;
      keys = new int[ok.length * 2];
      values = filled(ok.length * 2);
      count = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ov[i] >= 0) {
          put(ok[i], ov[i]);
        }
      }
    }

    long bytes() {
      return 8L * keys.length;
    }

    private static int mix(int k) {
      k *= 0x9E3779B9;
      return k ^ (k >>> 16);
    }

    @Override
    public String toString() {
      return "IntTable[" + count + "]" + Arrays.hashCode(keys);
    }
  }
}

package jp.renkei.engine.match;

import java.util.Arrays;

/**
 * IPv4 addresses and CIDR ranges mapping to indicator numbers, with longest-prefix lookup: one
 * open-addressing int table per prefix length that actually occurs, probed from /32 down. Not
 * thread-safe while building; read-only after.
 */
final class Ipv4Table {

  private final IntTable[] byPrefix = new IntTable[33];
  private long usedPrefixes; // bit p set when some entry has prefix length p
  private int size;

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

  /** The value of the longest listed prefix containing {@code address}, or -1. */
  int lookup(int address) {
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
    long b = 0;
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

  /** Open addressing int → int, -1 for absent. */
  static final class IntTable {
    private int[] keys = new int[16];
    private int[] values = new int[16];
    private boolean[] used = new boolean[16];
    private int count;

    boolean put(int key, int value) {
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        if (!used[i]) {
          used[i] = true;
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
      for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return -1;
    }

    private void grow() {
      int[] ok = keys, ov = values;
      boolean[] ou = used;
      keys = new int[ok.length * 2];
      values = new int[ok.length * 2];
      used = new boolean[ok.length * 2];
      count = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ou[i]) {
          put(ok[i], ov[i]);
        }
      }
    }

    long bytes() {
      return 9L * keys.length;
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

package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of domain names mapping to indicator numbers, looked up straight from bytes of a log line:
 * {@link #matchHost} finds the name itself or its nearest listed parent ({@code a.evil.example}
 * matches {@code evil.example}, {@code notevil.example} does not). Keys live in one byte arena;
 * hashes are computed right to left, so every parent suffix is tried in one backward pass with no
 * allocation. Open addressing, power-of-two capacity. Not thread-safe while building; read-only
 * after.
 */
final class DomainTable {

  byte[] arena = new byte[1 << 12]; // each key: its length byte, then its bytes
  int arenaUsed = 1; // offset 0 means an empty slot
  long[] slots; // hash << 32 | arena offset; 0 when empty
  int[] values;
  int size;
  private long[] hashBits; // two bits per hash of a key (after trim), so most misses skip the table

  DomainTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
    values = new int[capacity];
    arena = new byte[(int) Math.min(1 << 30, Math.max(1 << 12, 12L * expected))];
  }

  int size() {
    return size;
  }

  /** Adds a lower-case ASCII domain (at most 255 bytes); returns the value already there, or -1. */
  int put(String domain, int value) {
    byte[] key = domain.getBytes(StandardCharsets.US_ASCII);
    return put(key, 0, key.length, value);
  }

  /** {@link #put(String, int)} of the domain in {@code key[off, off + len)}. */
  int put(byte[] key, int off, int len, int value) {
    if (len > 255) {
      throw new IllegalArgumentException("domain longer than 255 bytes");
    }
    int h = 0;
    for (int i = off + len - 1; i >= off; i--) {
      h = step(h, key[i]);
    }
    h = finish(h);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        if (arenaUsed + len + 1 > arena.length) {
          arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len + 1));
        }
        arena[arenaUsed] = (byte) len;
        System.arraycopy(key, off, arena, arenaUsed + 1, len);
        slots[i] = ((long) h << 32) | arenaUsed;
        values[i] = value;
        arenaUsed += len + 1;
        if (++size * 2 > slots.length) {
          resize(slots.length * 2);
        }
        return -1;
      }
      if ((int) (slot >>> 32) == h && equals((int) slot, key, off, len)) {
        return values[i];
      }
    }
  }

  /** Shrinks an over-sized table (built for more entries than came) to a load of at most 3/4. */
  void trim() {
    int capacity = Integer.highestOneBit(Math.max(16, size + size / 3)) << 1;
    if (capacity < slots.length) {
      resize(capacity);
    }
    if (arena.length > arenaUsed + 64) {
      arena = Arrays.copyOf(arena, arenaUsed);
    }
    filter();
  }

  /**
   * Sets two bits per key hash, both in one 64-bit word (a blocked Bloom filter: one cache line
   * read per probe), 8 to 16 bits per key: most probes of names not listed stop there.
   */
  void filter() {
    long[] bits = new long[Math.max(16, Integer.highestOneBit(Math.max(1, size)) * 16 / 64)];
    int mask = bits.length - 1;
    for (long slot : slots) {
      if (slot != 0) {
        int h = (int) (slot >>> 32);
        bits[Integer.rotateRight(h, 12) & mask] |= (1L << h) | (1L << (h >>> 6));
      }
    }
    hashBits = bits;
  }

  /**
   * The value of {@code line[start, end)} (a host, any case) or of its nearest listed parent
   * domain, or -1. Stops at the first (most specific) match.
   */
  int matchHost(byte[] line, int start, int end) {
    return matchHost(line, start, end, null);
  }

  /**
   * {@link #matchHost(byte[], int, int)}, also putting the host's {@link #hash} into {@code
   * hash[0]} (when {@code hash} is not null): the one pass over the name serves both.
   */
  int matchHost(byte[] line, int start, int end, int[] hash) {
    if (size == 0 || end <= start) {
      if (hash != null) {
        hash[0] = hash(line, start, end);
      }
      return -1;
    }
    // The backward pass meets the parents shortest first; the nearest listed one is the answer,
    // so a hit is kept and the pass goes on (hits are rare: the cost is on them only).
    int h = 0;
    int parent = -1;
    for (int i = end - 1; i >= start; i--) {
      byte b = lower(line[i]);
      if (b == '.' && i < end - 1) {
        int v = find(finish(h), line, i + 1, end);
        if (v >= 0) {
          parent = v;
        }
      }
      h = step(h, b);
    }
    h = finish(h);
    if (hash != null) {
      hash[0] = h;
    }
    int v = find(h, line, start, end);
    return v >= 0 ? v : parent;
  }

  /**
   * The hash of a name in {@code b[s, e)}, any case, as this table hashes its keys (the bytes
   * lower-cased, right to left): also what {@link UrlFilter} keys its hosts by, so a log's host is
   * hashed once for both.
   */
  static int hash(byte[] b, int s, int e) {
    int h = 0;
    for (int i = e - 1; i >= s; i--) {
      h = step(h, lower(b[i]));
    }
    return finish(h);
  }

  /**
   * {@link #hash(byte[], int, int)} of the characters {@code text[s, e)} (each taken as a byte).
   */
  static int hash(CharSequence text, int s, int e) {
    int h = 0;
    for (int i = e - 1; i >= s; i--) {
      h = step(h, lower((byte) text.charAt(i)));
    }
    return finish(h);
  }

  private int find(int h, byte[] line, int start, int end) {
    long[] bits = hashBits;
    if (bits != null) {
      long m = (1L << h) | (1L << (h >>> 6));
      if ((bits[Integer.rotateRight(h, 12) & (bits.length - 1)] & m) != m) {
        return -1;
      }
    }
    long[] s = slots;
    int mask = s.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long slot = s[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == h && equalsIgnoreCase((int) slot, line, start, end)) {
        return values[i];
      }
    }
  }

  private boolean equals(int o, byte[] key, int off, int len) {
    return (arena[o] & 255) == len && Arrays.equals(arena, o + 1, o + 1 + len, key, off, off + len);
  }

  private boolean equalsIgnoreCase(int o, byte[] line, int start, int end) {
    if ((arena[o] & 255) != end - start) {
      return false;
    }
    for (int k = start, a = o + 1; k < end; k++, a++) {
      if (arena[a] != lower(line[k])) {
        return false;
      }
    }
    return true;
  }

  private void resize(int capacity) {
    long[] os = slots;
    int[] ov = values;
    slots = new long[capacity];
    values = new int[capacity];
    int mask = capacity - 1;
    for (int s = 0; s < os.length; s++) {
      if (os[s] != 0) {
        int i = (int) (os[s] >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = os[s];
        values[i] = ov[s];
      }
    }
  }

  /** Approximate heap bytes held, for the memory-per-indicator figure. */
  long bytes() {
    return arena.length + 12L * slots.length + (hashBits == null ? 0 : 8L * hashBits.length);
  }

  private static int step(int h, byte b) {
    return h * 31 + b;
  }

  static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}

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

  private byte[] arena = new byte[1 << 16];
  private int arenaUsed;
  private int[] slotOffset; // arena offset of the key, -1 when empty
  private int[] slotLength;
  private int[] slotHash;
  private int[] slotValue;
  private int size;

  DomainTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slotOffset = new int[capacity];
    Arrays.fill(slotOffset, -1);
    slotLength = new int[capacity];
    slotHash = new int[capacity];
    slotValue = new int[capacity];
  }

  int size() {
    return size;
  }

  /** Adds a lower-case ASCII domain; returns the value already there, or -1. */
  int put(String domain, int value) {
    byte[] key = domain.getBytes(StandardCharsets.US_ASCII);
    int h = 0;
    for (int i = key.length - 1; i >= 0; i--) {
      h = step(h, key[i]);
    }
    h = finish(h);
    int mask = slotOffset.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      if (slotOffset[i] < 0) {
        if (arenaUsed + key.length > arena.length) {
          arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + key.length));
        }
        System.arraycopy(key, 0, arena, arenaUsed, key.length);
        slotOffset[i] = arenaUsed;
        slotLength[i] = key.length;
        slotHash[i] = h;
        slotValue[i] = value;
        arenaUsed += key.length;
        if (++size * 2 > slotOffset.length) {
          grow();
        }
        return -1;
      }
      if (slotHash[i] == h && equals(i, key, 0, key.length)) {
        return slotValue[i];
      }
    }
  }

  /**
   * The value of {@code line[start, end)} (a host, any case) or of its nearest listed parent
   * domain, or -1. Stops at the first (most specific) match.
   */
  int matchHost(byte[] line, int start, int end) {
    if (size == 0 || end <= start) {
      return -1;
    }
    int h = 0;
    for (int i = end - 1; i >= start; i--) {
      byte b = lower(line[i]);
      if (b == '.' && i < end - 1) {
        int v = find(finish(h), line, i + 1, end);
        if (v >= 0) {
          return v;
        }
      }
      h = step(h, b);
    }
    return find(finish(h), line, start, end);
  }

  private int find(int h, byte[] line, int start, int end) {
    int mask = slotOffset.length - 1;
    int length = end - start;
    for (int i = h & mask; slotOffset[i] >= 0; i = (i + 1) & mask) {
      if (slotHash[i] == h && slotLength[i] == length && equalsIgnoreCase(i, line, start)) {
        return slotValue[i];
      }
    }
    return -1;
  }

  private boolean equals(int slot, byte[] key, int from, int to) {
    if (slotLength[slot] != to - from) {
      return false;
    }
    int o = slotOffset[slot];
    for (int k = 0; k < to - from; k++) {
      if (arena[o + k] != key[from + k]) {
        return false;
      }
    }
    return true;
  }

  private boolean equalsIgnoreCase(int slot, byte[] line, int start) {
    int o = slotOffset[slot];
    for (int k = 0; k < slotLength[slot]; k++) {
      if (arena[o + k] != lower(line[start + k])) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    int[] oo = slotOffset, ol = slotLength, oh = slotHash, ov = slotValue;
    int capacity = oo.length * 2;
    slotOffset = new int[capacity];
    Arrays.fill(slotOffset, -1);
    slotLength = new int[capacity];
    slotHash = new int[capacity];
    slotValue = new int[capacity];
    int mask = capacity - 1;
    for (int s = 0; s < oo.length; s++) {
      if (oo[s] >= 0) {
        int i = oh[s] & mask;
        while (slotOffset[i] >= 0) {
          i = (i + 1) & mask;
        }
        slotOffset[i] = oo[s];
        slotLength[i] = ol[s];
        slotHash[i] = oh[s];
        slotValue[i] = ov[s];
      }
    }
  }

  /** Approximate heap bytes held, for the memory-per-indicator figure. */
  long bytes() {
    return arena.length + 16L * slotOffset.length;
  }

  private static int step(int h, byte b) {
    return h * 31 + b;
  }

  private static int finish(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}

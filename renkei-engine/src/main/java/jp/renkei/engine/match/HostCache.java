package jp.renkei.engine.match;

import java.util.Arrays;

/**
 * The answers for the host names a matcher saw last, so the few popular hosts that make up most of
 * a proxy or DNS log are looked up once rather than label by label on every line. Direct-mapped by
 * a hash of the lower-cased name; a slot keeps the whole name and is used only when the name is
 * byte for byte the same (case aside), so it never changes an answer. Names longer than {@value
 * #MAX_NAME} bytes are not kept. One per matcher (not thread-safe); cleared when the index changes.
 */
final class HostCache {

  static final int SLOTS = 1024;
  static final int MAX_NAME = 64;

  private final byte[] names = new byte[SLOTS * MAX_NAME];
  private final int[] lengths = new int[SLOTS]; // 0: empty
  private final int[] values = new int[SLOTS];

  /** The slot of the name in {@code b[s, e)}, or -1 when it is too long to keep. */
  int slot(byte[] b, int s, int e) {
    if (e - s > MAX_NAME) {
      return -1;
    }
    int h = e - s;
    for (int i = s; i < e; i++) {
      h = h * 31 + DomainTable.lower(b[i]);
    }
    h *= 0x9E3779B9;
    return (h ^ (h >>> 15)) & (SLOTS - 1);
  }

  boolean holds(int slot, byte[] b, int s, int e) {
    if (lengths[slot] != e - s) {
      return false;
    }
    int o = slot * MAX_NAME;
    for (int i = s; i < e; i++, o++) {
      if (names[o] != DomainTable.lower(b[i])) {
        return false;
      }
    }
    return true;
  }

  int value(int slot) {
    return values[slot];
  }

  void keep(int slot, byte[] b, int s, int e, int value) {
    int o = slot * MAX_NAME;
    for (int i = s; i < e; i++, o++) {
      names[o] = DomainTable.lower(b[i]);
    }
    lengths[slot] = e - s;
    values[slot] = value;
  }

  void clear() {
    Arrays.fill(lengths, 0);
  }
}

package jp.renkei.engine.match;

/**
 * Indicators looked up by type and whole normal value (URLs, IPv6 addresses, hashes, e-mail
 * addresses): open addressing over indicator numbers, keys compared in the {@link IndicatorStore}
 * (no key strings of its own). Not thread-safe while adding; read-only after.
 */
final class ExactTable {

  int[] slots = new int[16]; // indicator number + 1; 0 when empty
  int size;

  /** The indicator already there with this type and value, or -1 after adding {@code n}. */
  int putIfAbsent(IndicatorStore store, int type, byte[] value, int n) {
    return putIfAbsent(store, type, value, 0, value.length, n);
  }

  /** {@link #putIfAbsent(IndicatorStore, int, byte[], int)} of {@code v[off, off + len)}. */
  int putIfAbsent(IndicatorStore store, int type, byte[] v, int off, int len, int n) {
    int mask = slots.length - 1;
    for (int i = hash(type, v, off, len) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        slots[i] = n + 1;
        if (++size * 2 > slots.length) {
          grow(store);
        }
        return -1;
      }
      if (store.is(s - 1, type, v, off, len)) {
        return s - 1;
      }
    }
  }

  int get(IndicatorStore store, int type, byte[] value) {
    return get(store, type, value, 0, value.length);
  }

  /** The indicator of this type with the value {@code v[off, off + len)}, or -1. */
  int get(IndicatorStore store, int type, byte[] v, int off, int len) {
    int mask = slots.length - 1;
    for (int i = hash(type, v, off, len) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (store.is(s - 1, type, v, off, len)) {
        return s - 1;
      }
    }
  }

  private void grow(IndicatorStore store) {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int s : old) {
      if (s != 0) {
        int st = store.valueStart(s - 1);
        int i = hash(store.types[s - 1], store.values, st, store.valueEnd[s - 1] - st) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  static int hash(int type, byte[] v, int off, int len) {
    int h = type;
    for (int k = off; k < off + len; k++) {
      h = h * 31 + v[k];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  long bytes() {
    return 4L * slots.length;
  }
}

package jp.renkei.engine.match;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over log buffers, eight bytes at a time (a long read from the array and the "has
 * zero byte" bit trick), the scan every matcher does for line ends and field separators.
 */
final class Bytes {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private Bytes() {}

  /** The first index of {@code c} in {@code b[from, to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, byte c) {
    int i = from;
    long pattern = ONES * (c & 255);
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first index of {@code c} in {@code b[from, to)}, or {@code to}. */
  static int end(byte[] b, int from, int to, byte c) {
    int i = indexOf(b, from, to, c);
    return i < 0 ? to : i;
  }
}

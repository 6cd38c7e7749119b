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
  private static final long BELOW_BANG = ONES * '!';

  private Bytes() {}

  /**
   * The index (0-7) of the lowest byte whose high bit is set in {@code found} (only high bits set,
   * not zero): {@code Long.numberOfTrailingZeros(found) >>> 3} by one multiplication. The launcher
   * runs short matches with the first JIT tier only, which calls {@code numberOfTrailingZeros} as a
   * method (C2 makes it one instruction); this stays a few instructions in both tiers.
   */
  static int firstHighByte(long found) {
    return (int) ((((found & -found) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /** The first index of {@code c} in {@code b[from, to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, byte c) {
    int i = from;
    long pattern = ONES * (c & 255);
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + firstHighByte(found);
      }
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** How many times {@code c} occurs in {@code b[from, to)}, eight bytes at a time. */
  static int count(byte[] b, int from, int to, byte c) {
    long pattern = ONES * (c & 255);
    int n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      // a byte of x is zero exactly when its high bit stays clear here (no carry between bytes)
      long t = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
      n += Long.bitCount(~t & HIGHS);
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        n++;
      }
    }
    return n;
  }

  /**
   * The bytes {@code b[i, min(i + 8, end))} as a little-endian long, ASCII letters lower-cased (as
   * {@link DomainTable#lower}), zero beyond {@code end}.
   */
  static long lowerWord(byte[] b, int i, int end) {
    int n = end - i;
    long x;
    if (i + 8 <= b.length) {
      x = (long) LONGS.get(b, i);
      if (n < 8) {
        x &= (1L << (n << 3)) - 1;
      }
    } else {
      x = 0;
      for (int k = Math.min(n, 8) - 1; k >= 0; k--) {
        x = (x << 8) | (b[i + k] & 255);
      }
    }
    // a byte is an upper-case letter when its low seven bits reach 'A' but not past 'Z' and its
    // high bit is clear; no sum carries into the next byte
    long low = x & ~HIGHS;
    long upper = (low + ONES * (0x80 - 'A')) & ~(low + ONES * (0x7F - 'Z')) & ~x & HIGHS;
    return x | (upper >>> 2);
  }

  /**
   * Splits {@code b[from, to)} into fields: runs of bytes other than {@code sep} (a run of
   * separators is one gap), at most {@code max} of them; the last one kept ends at the next
   * separator or at {@code to}. Fills {@code starts} and {@code ends}, returns the number found.
   * Eight bytes at a time: each separator in a word is found exactly (no borrow between bytes).
   */
  static int fields(byte[] b, int from, int to, byte sep, int[] starts, int[] ends, int max) {
    int fields = 0;
    int start = from; // where the field being read starts (or the gap, if start == separator)
    long pattern = ONES * (sep & 255);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      long found = ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS; // high bit of each byte equal to sep
      while (found != 0) {
        int p = i + firstHighByte(found);
        if (p > start) {
          starts[fields] = start;
          ends[fields] = p;
          if (++fields == max) {
            return fields;
          }
        }
        start = p + 1;
        found &= found - 1;
      }
    }
    for (; i < to; i++) {
      if (b[i] == sep) {
        if (i > start) {
          starts[fields] = start;
          ends[fields] = i;
          if (++fields == max) {
            return fields;
          }
        }
        start = i + 1;
      }
    }
    if (to > start) {
      starts[fields] = start;
      ends[fields++] = to;
    }
    return fields;
  }

  /**
   * {@link #fields} split at spaces of the line starting at {@code from}, found in the same pass as
   * the line's end: the line is {@code b[from, lf)} where {@code lf} is the first LF at or after
   * {@code from}, or {@code limit} when there is none. Puts {@code lf} into {@code line[0]} and the
   * line's end without a CR before its LF into {@code line[1]} (a line cut off by {@code limit}
   * keeps a final CR, as {@code LogMatcher} reads it); the fields are those {@link #fields} finds
   * with the separator {@code ' '} in {@code b[from, line[1])}. Each byte up to the last field kept
   * is read once; only the rest of a line with more than {@code max} fields is searched again, for
   * its LF.
   *
   * <p>Space and LF are both below {@code '!'}, so one test per eight bytes finds every byte that
   * may be either: a byte below {@code '!'} (control bytes too) sets its high bit in {@code (w -
   * 0x21 * ONES) & ~w}. The lowest such bit is exact; a borrow from it can also mark a {@code '!'}
   * right above, so each marked byte is read back and only a space or an LF acts (the launcher's
   * first JIT tier runs this for every byte of a Squid line: one mask instead of two).
   */
  static int lineFields(
      byte[] b, int from, int limit, int[] starts, int[] ends, int max, int[] line) {
    int fields = 0;
    int start = from;
    int i = from;
    for (; i + 8 <= limit; i += 8) {
      long w = (long) LONGS.get(b, i);
      long low = (w - BELOW_BANG) & ~w & HIGHS;
      while (low != 0) {
        int p = i + firstHighByte(low);
        low &= low - 1;
        byte c = b[p];
        if (c == ' ') {
          if (p > start) {
            starts[fields] = start;
            ends[fields] = p;
            if (++fields == max) {
              return rest(b, from, p, limit, line, fields);
            }
          }
          start = p + 1;
        } else if (c == '\n') {
          return lineEnd(b, from, start, p, starts, ends, fields, line);
        }
      }
    }
    for (; i < limit; i++) {
      byte c = b[i];
      if (c == '\n') {
        return lineEnd(b, from, start, i, starts, ends, fields, line);
      }
      if (c == ' ') {
        if (i > start) {
          starts[fields] = start;
          ends[fields] = i;
          if (++fields == max) {
            return rest(b, from, i, limit, line, fields);
          }
        }
        start = i + 1;
      }
    }
    line[0] = limit;
    line[1] = limit;
    if (limit > start) {
      starts[fields] = start;
      ends[fields++] = limit;
    }
    return fields;
  }

  /** {@link #lineFields}' line once its last field kept ends at {@code p}: the LF searched for. */
  private static int rest(byte[] b, int from, int p, int limit, int[] line, int fields) {
    int e = indexOf(b, p, limit, (byte) '\n');
    line[0] = e < 0 ? limit : e;
    line[1] = e > from && b[e - 1] == '\r' ? e - 1 : line[0];
    return fields;
  }

  /** The end of {@link #lineFields}' line at the LF at {@code lf}: its last field closed. */
  private static int lineEnd(
      byte[] b, int from, int start, int lf, int[] starts, int[] ends, int fields, int[] line) {
    int to = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
    line[0] = lf;
    line[1] = to;
    if (to > start) {
      starts[fields] = start;
      ends[fields++] = to;
    }
    return fields;
  }

  /**
   * Splits {@code b[from, to)} at every {@code sep} (two separators in a row make an empty field,
   * as in Zeek's TSV), at most {@code max} ({@code >= 1}) fields: the last one kept ends at the
   * next separator or at {@code to}. Fills {@code starts} and {@code ends}, returns the number
   * found (at least one). Eight bytes at a time, each byte read once for the whole line.
   */
  static int columns(byte[] b, int from, int to, byte sep, int[] starts, int[] ends, int max) {
    int n = 0;
    int start = from;
    long pattern = ONES * (sep & 255);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      long found = ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS; // high bit of each byte equal to sep
      while (found != 0) {
        int p = i + firstHighByte(found);
        starts[n] = start;
        ends[n] = p;
        if (++n == max) {
          return n;
        }
        start = p + 1;
        found &= found - 1;
      }
    }
    for (; i < to; i++) {
      if (b[i] == sep) {
        starts[n] = start;
        ends[n] = i;
        if (++n == max) {
          return n;
        }
        start = i + 1;
      }
    }
    starts[n] = start;
    ends[n++] = to;
    return n;
  }

  /** The first index of {@code c} in {@code b[from, to)}, or {@code to}. */
  static int end(byte[] b, int from, int to, byte c) {
    int i = indexOf(b, from, to, c);
    return i < 0 ? to : i;
  }
}

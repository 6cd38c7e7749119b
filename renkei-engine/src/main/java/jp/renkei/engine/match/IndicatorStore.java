package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.renkei.engine.observable.ObservableType;

/**
 * The indicators of an index in flat arrays: type, normal value (UTF-8 in one byte arena) and id.
 * An id of the form {@code source:line} (what plain lists give) is kept as the line number of a run
 * of indicators from that source; any other id (STIX ids, CSV ids) is kept in a second arena. An
 * {@link Indicator} record is made only when asked for (for a hit). Not thread-safe while adding;
 * read-only after.
 */
final class IndicatorStore {

  static final ObservableType[] TYPES = ObservableType.values();

  byte[] types = new byte[64];
  int[] valueEnd = new int[64]; // value n is values[n == 0 ? 0 : valueEnd[n - 1], valueEnd[n])
  byte[] values = new byte[1024];
  int[] idRef = new int[64]; // >= 0: line in the run's source; < 0: -1 - offset in ids
  byte[] ids = new byte[256]; // each: 4-byte length, then UTF-8
  int idsUsed;
  String[] sources = new String[4]; // run r of indicators from one source ...
  int[] sourceFrom = new int[4]; // ... starts at this indicator number
  int runs;
  int size;

  IndicatorStore() {}

  /** Room for about {@code expected} indicators of about {@code valueBytes} bytes of values. */
  IndicatorStore(int expected, int valueBytes) {
    types = new byte[expected];
    valueEnd = new int[expected];
    idRef = new int[expected];
    values = new byte[valueBytes];
  }

  int size() {
    return size;
  }

  /** Room for {@code more} indicators with {@code moreBytes} bytes of values, besides those in. */
  void reserve(int more, int moreBytes) {
    long n = (long) size + more;
    if (n > types.length && n < Integer.MAX_VALUE - 8) {
      types = Arrays.copyOf(types, (int) n);
      valueEnd = Arrays.copyOf(valueEnd, (int) n);
      idRef = Arrays.copyOf(idRef, (int) n);
    }
    long bytes = (long) valueStart(size) + moreBytes;
    if (bytes > values.length && bytes < Integer.MAX_VALUE - 8) {
      values = Arrays.copyOf(values, (int) bytes);
    }
  }

  /** Appends an indicator; returns its number. */
  int add(ObservableType type, String normal, String id) {
    byte[] v = normal.getBytes(StandardCharsets.UTF_8);
    return add(type, v, 0, v.length, id);
  }

  /** Appends an indicator whose normal value is the UTF-8 in {@code v[off, off + len)}. */
  int add(ObservableType type, byte[] v, int off, int len, String id) {
    int n = append(type, v, off, len);
    idRef[n] = idRef(id, n);
    size = n + 1;
    return n;
  }

  /**
   * Appends an indicator whose id is {@code source:line} (a plain list's line) without making that
   * string; the same as {@code add(type, normal, source + ":" + line)}.
   */
  int add(ObservableType type, String normal, String source, long line) {
    byte[] v = normal.getBytes(StandardCharsets.UTF_8);
    return add(type, v, 0, v.length, source, line);
  }

  /**
   * {@link #add(ObservableType, String, String, long)} of the UTF-8 in {@code v[off, off + len)}.
   */
  int add(ObservableType type, byte[] v, int off, int len, String source, long line) {
    if (line <= 0 || line > 999_999_999L) {
      return add(type, v, off, len, source + ":" + line);
    }
    int n = append(type, v, off, len);
    run(source, n);
    idRef[n] = (int) line;
    size = n + 1;
    return n;
  }

  /** Room for indicator {@code n == size} and its type and value; the caller sets its id. */
  private int append(ObservableType type, byte[] v, int off, int len) {
    int n = size;
    if (n == types.length) {
      int c = Math.max(16, n * 2);
      types = Arrays.copyOf(types, c);
      valueEnd = Arrays.copyOf(valueEnd, c);
      idRef = Arrays.copyOf(idRef, c);
    }
    int start = valueStart(n);
    values = room(values, start, len);
    System.arraycopy(v, off, values, start, len);
    valueEnd[n] = start + len;
    types[n] = (byte) type.ordinal();
    return n;
  }

  /** Starts a run of indicators from {@code source} at {@code n} unless the last run is its. */
  private void run(String source, int n) {
    if (runs == 0 || !sources[runs - 1].equals(source)) {
      if (runs == sources.length) {
        sources = Arrays.copyOf(sources, Math.max(4, runs * 2));
        sourceFrom = Arrays.copyOf(sourceFrom, Math.max(4, runs * 2));
      }
      sources[runs] = source;
      sourceFrom[runs++] = n;
    }
  }

  private int idRef(String id, int n) {
    int colon = id.lastIndexOf(':');
    if (colon > 0
        && colon < id.length() - 1
        && colon >= id.length() - 10
        && id.charAt(colon + 1) != '0') {
      int line = 0;
      boolean digits = true;
      for (int i = colon + 1; i < id.length() && digits; i++) {
        char c = id.charAt(i);
        digits = c >= '0' && c <= '9';
        line = line * 10 + (c - '0');
      }
      if (digits && line > 0) {
        run(id.substring(0, colon), n);
        return line;
      }
    }
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    ids = room(ids, idsUsed, 4 + b.length);
    int o = idsUsed;
    ids[o] = (byte) (b.length >>> 24);
    ids[o + 1] = (byte) (b.length >>> 16);
    ids[o + 2] = (byte) (b.length >>> 8);
    ids[o + 3] = (byte) b.length;
    System.arraycopy(b, 0, ids, o + 4, b.length);
    idsUsed = o + 4 + b.length;
    return -1 - o;
  }

  private static byte[] room(byte[] a, int used, int more) {
    if (used + more <= a.length) {
      return a;
    }
    return Arrays.copyOf(
        a, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * a.length, (long) used + more)));
  }

  int valueStart(int n) {
    return n == 0 ? 0 : valueEnd[n - 1];
  }

  ObservableType type(int n) {
    return TYPES[types[n]];
  }

  String value(int n) {
    int s = valueStart(n);
    return new String(values, s, valueEnd[n] - s, StandardCharsets.UTF_8);
  }

  String id(int n) {
    int r = idRef[n];
    if (r >= 0) {
      int run = Arrays.binarySearch(sourceFrom, 0, runs, n);
      if (run < 0) {
        run = -run - 2;
      }
      return sources[run] + ":" + r;
    }
    int o = -1 - r;
    int length =
        (ids[o] & 255) << 24
            | (ids[o + 1] & 255) << 16
            | (ids[o + 2] & 255) << 8
            | (ids[o + 3] & 255);
    return new String(ids, o + 4, length, StandardCharsets.UTF_8);
  }

  Indicator indicator(int n) {
    if (n < 0 || n >= size) {
      throw new IndexOutOfBoundsException("indicator " + n + " of " + size);
    }
    return new Indicator(id(n), type(n).code(), value(n));
  }

  /** Whether indicator {@code n} is of {@code type} with the value {@code v} (UTF-8). */
  boolean is(int n, int type, byte[] v) {
    return is(n, type, v, 0, v.length);
  }

  /** Whether indicator {@code n} is of {@code type} with the value {@code v[off, off + len)}. */
  boolean is(int n, int type, byte[] v, int off, int len) {
    int s = valueStart(n);
    return types[n] == type
        && valueEnd[n] - s == len
        && Arrays.equals(values, s, s + len, v, off, off + len);
  }

  /** Drops spare room at the ends of the arrays (after the last add). */
  void trim() {
    types = Arrays.copyOf(types, size);
    valueEnd = Arrays.copyOf(valueEnd, size);
    idRef = Arrays.copyOf(idRef, size);
    values = Arrays.copyOf(values, valueStart(size));
    ids = Arrays.copyOf(ids, idsUsed);
    sources = Arrays.copyOf(sources, runs);
    sourceFrom = Arrays.copyOf(sourceFrom, runs);
  }

  long bytes() {
    return types.length + 4L * valueEnd.length + values.length + 4L * idRef.length + ids.length;
  }
}

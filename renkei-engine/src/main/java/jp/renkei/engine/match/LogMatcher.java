package jp.renkei.engine.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The loop every log format shares: read bytes in 1 MiB blocks, split lines in place (LF or CRLF, a
 * last line without newline), hand each to the format, and count malformed lines with their numbers
 * without stopping. Lines longer than {@value #MAX_LINE} bytes are counted as bad and skipped. One
 * matcher per thread.
 */
public abstract class LogMatcher {

  static final int BLOCK = 1 << 20;
  static final int MAX_LINE = 64 * 1024;
  static final int MAX_BAD_KEPT = 20;

  /** The index lines are matched against; read and replaced only by the matching thread. */
  protected IndicatorIndex index;

  protected final boolean[] ok = new boolean[1];
  private final long[] v6 = new long[2]; // an IPv6 address read from a line
  private final HostCache hosts = new HostCache();

  /**
   * The {@link DomainTable#hash} of the name the last {@link #host} call looked up (its final dot
   * dropped), when {@link #hostHashed}: made by the domain lookup's own pass, or kept with the
   * name's answer in the host cache.
   */
  protected final int[] hostHash = new int[1];

  protected boolean hostHashed;

  // the host cache's slot of the name host() read last (-1: none), and where that name was
  private int hostSlot = -1;
  private int hostStart;
  private int hostEnd;
  private final AtomicReference<IndicatorIndex> next = new AtomicReference<>();

  protected LogMatcher(IndicatorIndex index) {
    this.index = index;
  }

  /**
   * Makes the matcher use another index (refreshed indicators) from the next block of input, or the
   * next {@link #matchLine} call, on; any thread may call this. Hits found before refer to the old
   * index: resolve a hit's indicator with {@link #index()} while handling the hit.
   */
  public final void replaceIndex(IndicatorIndex replacement) {
    next.set(replacement);
  }

  /** The index the current line is matched against (call it from the matching thread). */
  public final IndicatorIndex index() {
    return index;
  }

  private void takeReplacement() {
    IndicatorIndex n = next.getAndSet(null);
    if (n != null) {
      index = n;
      hosts.clear();
      indexReplaced();
    }
  }

  /** Called on the matching thread after the index was replaced (derived settings may change). */
  protected void indexReplaced() {}

  /**
   * Matches one line ({@code b[from, to)}, without its line end); returns the number of hits, or -1
   * if the line is malformed for this format. Blank lines should return 0.
   */
  protected abstract int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits);

  /**
   * Matches one record that is a single log line (for streams, where each record is one line): the
   * number of hits, or -1 if the line is malformed for this format.
   */
  public final int matchLine(byte[] line, long lineNo, Consumer<Hit> hits) {
    takeReplacement();
    int to = line.length;
    while (to > 0 && (line[to - 1] == '\n' || line[to - 1] == '\r')) {
      to--;
    }
    return line(line, 0, to, lineNo, hits);
  }

  public final MatchStats match(InputStream in, Consumer<Hit> hits) throws IOException {
    return match(in, hits, BLOCK);
  }

  /** {@link #match(InputStream, Consumer)} reading {@code block} bytes at a time (tests). */
  final MatchStats match(InputStream in, Consumer<Hit> hits, int block) throws IOException {
    long[] counts = new long[3]; // lines, hits, bad
    List<Long> firstBad = new ArrayList<>();
    long bytes =
        read(
            in,
            block,
            new Lines() {
              @Override
              public void lines(byte[] b, int len) {
                takeReplacement();
                each(b, len, counts, firstBad, hits);
              }

              @Override
              public void overLong() {
                counts[0]++;
                bad(counts, firstBad);
              }
            });
    return new MatchStats(counts[0], counts[1], counts[2], List.copyOf(firstBad), bytes);
  }

  /** Where {@link #read} hands what it read. */
  interface Lines {
    /** Whole lines in {@code b[0, len)}; each ends with LF but the last line of the input. */
    void lines(byte[] b, int len);

    /** A line longer than the buffer holds, skipped. */
    void overLong();

    /**
     * The buffer to read on into after {@link #lines} was handed {@code used} (of {@code length}):
     * {@code used} itself (the default: the lines were matched and are not needed), or another of
     * the same length if {@code used} is still being read by someone else. The start of the next
     * line is copied over.
     */
    default byte[] next(byte[] used, int length) {
      return used;
    }
  }

  /**
   * The reading loop of every pass: fills a buffer of {@code block} + {@value #MAX_LINE} bytes and
   * hands over the whole lines in it (the buffer is reused: copy what is kept); a line that does
   * not fit is skipped to its end and reported as over-long. Returns the bytes read.
   */
  static long read(InputStream in, int block, Lines sink) throws IOException {
    byte[] buf = new byte[block + MAX_LINE];
    int have = 0;
    long bytes = 0;
    while (true) {
      int n = in.read(buf, have, buf.length - have);
      boolean eof = n < 0;
      if (!eof) {
        have += n;
        bytes += n;
      }
      int end = have;
      if (!eof) {
        while (end > 0 && buf[end - 1] != '\n') {
          end--;
        }
      }
      byte[] into = buf;
      if (end > 0) {
        sink.lines(buf, end);
        if (!eof) {
          into = sink.next(buf, buf.length);
        }
      }
      if (eof) {
        return bytes;
      }
      int rest = have - end;
      if (end == 0 && rest >= MAX_LINE + block / 2) {
        sink.overLong();
        have = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
          // drop the rest of the over-long line
        }
        continue;
      }
      System.arraycopy(buf, end, into, 0, rest);
      buf = into;
      have = rest;
    }
  }

  /**
   * Matches the lines of {@code b[0, len)} (LF or CRLF; the last may lack its LF). A format may
   * find its lines' ends in the pass that splits them (Squid), with the same lines and counts.
   */
  void each(byte[] b, int len, long[] counts, List<Long> firstBad, Consumer<Hit> hits) {
    int start = 0;
    for (int i; (i = Bytes.indexOf(b, start, len, (byte) '\n')) >= 0; ) {
      one(b, start, i > start && b[i - 1] == '\r' ? i - 1 : i, counts, firstBad, hits);
      start = i + 1;
    }
    if (start < len) {
      one(b, start, len, counts, firstBad, hits);
    }
  }

  /**
   * Whether this format's lines can be matched in separate blocks by several matchers (see {@link
   * SplitMatch}): true when a line's hits depend only on the line, or otherwise only on header
   * lines before it that {@link #mayChangeReading} finds and {@link #readLike} copies.
   */
  protected boolean splittable() {
    return false;
  }

  /** Whether {@code b[0, len)} may hold a line that changes how later lines are read. */
  protected boolean mayChangeReading(byte[] b, int len) {
    return false;
  }

  /** Reads the following lines as {@code other} (same format) would: takes its header state. */
  protected void readLike(LogMatcher other) {}

  private void one(
      byte[] b, int from, int to, long[] counts, List<Long> firstBad, Consumer<Hit> hits) {
    counts[0]++;
    tally(line(b, from, to, counts[0], hits), counts, firstBad);
  }

  /** Counts the result of the line {@code counts[0]}: its hits, or a bad line when negative. */
  static void tally(int result, long[] counts, List<Long> firstBad) {
    if (result < 0) {
      bad(counts, firstBad);
    } else {
      counts[1] += result;
    }
  }

  private static void bad(long[] counts, List<Long> firstBad) {
    counts[2]++;
    if (firstBad.size() < MAX_BAD_KEPT) {
      firstBad.add(counts[0]);
    }
  }

  /** Checks a host name or IPv4 address in {@code b[s, e)}; the indicator, or -1. */
  protected final int host(byte[] b, int s, int e) {
    if (e > s && b[e - 1] == '.') {
      e--; // a fully qualified name from DNS logs
    }
    if (e <= s) {
      hostHashed = false;
      hostSlot = -1;
      return -1;
    }
    int slot = hosts.use() ? hosts.slot(b, s, e) : -1;
    hostSlot = slot;
    hostStart = s;
    hostEnd = e;
    if (slot >= 0 && hosts.holds(slot, b, s, e)) {
      hostHashed = hosts.hashed(slot);
      hostHash[0] = hosts.hash(slot);
      return hosts.value(slot);
    }
    int ip = Ipv4Table.parse(b, s, e, ok);
    int n;
    hostHashed = false; // an address is not hashed (a caller wanting its hash makes it)
    if (ok[0]) {
      n = index.matchIpv4(ip);
    } else if (indexOf(b, s, e, (byte) ':') >= 0) {
      n = index.matchIpv6(b, s, e, v6);
    } else {
      n = index.matchDomain(b, s, e, hostHash);
      hostHashed = true;
    }
    if (slot >= 0) {
      hosts.keep(slot, b, s, e, n, hostHashed, hostHash[0]);
    }
    return n;
  }

  /**
   * The URL indicator of the URL in {@code b[s, e)}, or -1, when its scheme and authority are
   * written plainly (see {@link UrlFilter#mayBeHost}), its host is the name {@link #host} read last
   * and hashed, that host {@link IndicatorIndex#mayBeUrlHost may carry URL indicators}, and its
   * path starts at {@code ps}; {@code buffer} holds at least {@code e - s} bytes. When the host
   * cache holds that name, whether it is a URL indicator's host is kept there with the hash the URL
   * filter reads it by, so a popular host's URLs have only their paths read by the filter. The same
   * answer as {@link IndicatorIndex#matchUrl(byte[], int, int, byte[], boolean, int)}.
   */
  protected final int plainUrl(byte[] b, int s, int ps, int e, byte[] buffer) {
    int slot = hostSlot;
    if (slot < 0) {
      return index.matchUrl(b, s, e, buffer, true, hostHash[0]);
    }
    byte state = hosts.urlState(slot);
    if (state == HostCache.URL_UNKNOWN) {
      long h = IndicatorIndex.urlHostHash(b, hostStart, hostEnd);
      state = index.urlHostListed(h) ? HostCache.URL_LISTED : HostCache.URL_NONE;
      hosts.keepUrl(slot, state, h);
    }
    if (state == HostCache.URL_NONE) {
      return -1;
    }
    return index.matchUrlPath(b, s, ps, e, buffer, hosts.urlHost(slot));
  }

  /**
   * Checks an IPv4 address in {@code b[s, e)}; the indicator, or -1 (also when it is no address).
   */
  protected final int ipv4(byte[] b, int s, int e) {
    int ip = Ipv4Table.parse(b, s, e, ok);
    return ok[0] ? index.matchIpv4(ip) : index.matchIpv6(b, s, e, v6);
  }

  protected static String text(byte[] b, int s, int e) {
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }

  protected static int indexOf(byte[] b, int from, int to, byte c) {
    return Bytes.indexOf(b, from, to, c);
  }

  /**
   * The first index of {@code needle} in {@code b[from, to)}, or -1. The candidates are found by
   * the needle's first byte that is not a space (a log line has a space every few bytes, so
   * searching for the leading space of {@code " query: "} stopped at each of them): the needle is
   * compared at each of those in order, so the first match found is the first there is.
   */
  protected static int indexOf(byte[] b, int from, int to, byte[] needle) {
    int a = 0; // the anchor: the needle's first byte that is not a space (0 when all are)
    while (a < needle.length - 1 && needle[a] == ' ') {
      a++;
    }
    byte anchor = needle[a];
    int last = to - needle.length; // the last index the needle may start at
    outer:
    for (int i = from + a; (i = Bytes.indexOf(b, i, last + a + 1, anchor)) >= 0; i++) {
      int start = i - a;
      for (int k = 0; k < needle.length; k++) {
        if (b[start + k] != needle[k]) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }
}

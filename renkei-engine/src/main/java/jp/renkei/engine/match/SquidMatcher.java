package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Matches a Squid native access.log against an {@link IndicatorIndex}: for each line, the request's
 * host (a domain with its parents, or an IPv4 address), the upstream peer address of {@code
 * DIRECT/a.b.c.d}, and, when URL indicators exist, the normalised URL. Reads bytes in 1 MiB blocks
 * and scans each line in place; nothing is allocated for a line that does not hit. A line with too
 * few fields is bad (counted with its number, skipped).
 *
 * <p>Squid native format: {@code time elapsed client code/status bytes method URL ident
 * hierarchy/peer type}. One matcher per thread.
 */
public final class SquidMatcher extends LogMatcher {

  /** What a byte of a URL's authority is to {@link #fields}: see {@link #AUTHORITY}. */
  private static final byte NAME = 0; // plain (UrlFilter.plain) and none of the below

  private static final byte END = 1; // '/', '?' or '#': the authority ends before it
  private static final byte AT = 2; // '@'
  private static final byte COLON = 3; // ':'
  private static final byte ODD = 4; // not plain

  /** {@link #NAME}, {@link #END}, {@link #AT}, {@link #COLON} or {@link #ODD} per byte value. */
  private static final byte[] AUTHORITY = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      AUTHORITY[c] =
          c == '/' || c == '?' || c == '#'
              ? END
              : c == '@' ? AT : c == ':' ? COLON : UrlFilter.plain((byte) c) ? NAME : ODD;
    }
  }

  private boolean urls;
  private final int[] fieldStart = new int[10];
  private final int[] fieldEnd = new int[10];
  private final int[] lineEnds = new int[2]; // a line's LF (or the block's end) and its end
  private byte[] url = new byte[4096]; // a URL's normal form is made here

  public SquidMatcher(IndicatorIndex index) {
    super(index);
    this.urls = index.hasUrls();
  }

  @Override
  protected void indexReplaced() {
    urls = index.hasUrls();
  }

  /** Each line stands alone. */
  @Override
  protected boolean splittable() {
    return true;
  }

  /**
   * The lines of a block, each split into fields in the same pass that finds its end: the bytes up
   * to the ninth field are read once, not once for the line end and again for the fields. The
   * lines, their numbers and results are those of {@link #line} on each line.
   */
  @Override
  void each(byte[] b, int len, long[] counts, List<Long> firstBad, Consumer<Hit> hits) {
    int[] line = lineEnds;
    for (int start = 0; start < len; start = line[0] + 1) {
      int fields = Bytes.lineFields(b, start, len, fieldStart, fieldEnd, 9, line);
      counts[0]++;
      tally(
          fields < 7 ? (start == line[1] ? 0 : -1) : fields(b, fields, counts[0], hits),
          counts,
          firstBad);
    }
  }

  @Override
  protected int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    // nine fields at most: the tenth (the content type) is never read, so not scanned either
    int fields = Bytes.fields(b, from, to, (byte) ' ', fieldStart, fieldEnd, 9);
    if (fields < 7) {
      return from == to ? 0 : -1;
    }
    return fields(b, fields, lineNo, hits);
  }

  /** Matches a line split into {@code fields} (at least seven) fields; the number of hits. */
  private int fields(byte[] b, int fields, long lineNo, Consumer<Hit> hits) {
    int found = 0;
    // the request's host
    int us = fieldStart[6];
    int ue = fieldEnd[6];
    int hs = us;
    int schemeEnd = indexOf(b, us, ue, (byte) ':');
    // whether the URL's scheme and authority are written as UrlFilter.check reads them on its
    // byte path (printable ASCII, no defanging bracket, no user info): then the host's hash alone
    // can rule the URL out
    boolean plain = false;
    if (schemeEnd > us
        && schemeEnd + 2 < ue
        && b[schemeEnd + 1] == '/'
        && b[schemeEnd + 2] == '/') {
      hs = schemeEnd + 3;
      plain = UrlFilter.plain(b, us, schemeEnd);
    }
    // user info ends at the authority's last '@' (as Observables reads a URL): an '@' in the path
    // or the query is none. The host ends at the first ':' after that (a port) or with the
    // authority: one pass over the authority finds both
    int authorityEnd = hs;
    int at = -1;
    int colon = -1; // the first ':' after the last '@'
    boolean plainAuthority = true;
    for (; authorityEnd < ue; authorityEnd++) {
      byte kind = AUTHORITY[b[authorityEnd] & 255]; // one load per byte for the common ones
      if (kind != NAME) {
        if (kind == END) {
          break;
        }
        if (kind == AT) {
          at = authorityEnd;
          colon = -1;
        } else if (kind == COLON) {
          if (colon < 0) {
            colon = authorityEnd;
          }
        } else {
          plainAuthority = false;
        }
      }
    }
    plain &= plainAuthority;
    if (at >= 0) {
      hs = at + 1;
      plain = false;
    }
    int he = hs;
    int close = hs < ue && b[hs] == '[' ? indexOf(b, hs + 1, ue, (byte) ']') : -1;
    if (close > hs + 1) { // a bracketed IPv6 host: http://[2001:db8::1]:8080/
      hs++;
      he = close;
    } else if (close < 0) {
      he = colon >= 0 ? colon : authorityEnd;
    }
    boolean urlHost = true; // whether the URL's host may carry URL indicators
    boolean hashed = false; // whether hostHash holds the hash of the host UrlFilter reads
    if (he > hs) {
      int n = host(b, hs, he);
      if (n >= 0) {
        hits.accept(hit(b, lineNo, n, "host"));
        found++;
      }
      hashed = plain && hostHashed;
      urlHost = !hashed || index.mayBeUrlHost(hostHash[0]);
    }
    // the peer the proxy connected to: DIRECT/198.51.100.7
    if (fields >= 9) {
      int slash = indexOf(b, fieldStart[8], fieldEnd[8], (byte) '/');
      if (slash >= 0) {
        {
          int n = ipv4(b, slash + 1, fieldEnd[8]); // IPv4 first, then IPv6
          if (n >= 0) {
            hits.accept(hit(b, lineNo, n, "peer"));
            found++;
          }
        }
      }
    }
    if (urls && schemeEnd > us && urlHost) {
      if (url.length < ue - us) {
        url = new byte[ue - us];
      }
      int n =
          hashed
              ? plainUrl(b, us, authorityEnd, ue, url)
              : index.matchUrl(b, us, ue, url, false, hostHash[0]);
      if (n >= 0) {
        hits.accept(hit(b, lineNo, n, "url"));
        found++;
      }
    }
    return found;
  }

  private Hit hit(byte[] b, long lineNo, int indicator, String field) {
    return new Hit(
        lineNo,
        new String(b, fieldStart[0], fieldEnd[0] - fieldStart[0], StandardCharsets.ISO_8859_1),
        new String(b, fieldStart[2], fieldEnd[2] - fieldStart[2], StandardCharsets.ISO_8859_1),
        indicator,
        field);
  }
}

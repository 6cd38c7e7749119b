package jp.renkei.engine.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * Matches a Squid native access.log against an {@link IndicatorIndex}: for each line, the request's
 * host (a domain with its parents, or an IPv4 address), the upstream peer address of {@code
 * DIRECT/a.b.c.d}, and, when URL indicators exist, the normalised URL. Reads bytes in 1 MiB blocks
 * and scans each line in place; nothing is allocated for a line that does not hit. A line with too
 * few fields is counted as bad, with its number, and skipped.
 *
 * <p>Squid native format: {@code time elapsed client code/status bytes method URL ident
 * hierarchy/peer type}. One matcher per thread.
 */
public final class SquidMatcher {

  static final int BLOCK = 1 << 20;
  static final int MAX_LINE = 64 * 1024;
  static final int MAX_BAD_KEPT = 20;

  private final IndicatorIndex index;
  private final boolean urls;
  private final int[] fieldStart = new int[10];
  private final int[] fieldEnd = new int[10];
  private final boolean[] ok = new boolean[1];

  public SquidMatcher(IndicatorIndex index) {
    this.index = index;
    this.urls = index.hasUrls();
  }

  public MatchStats match(InputStream in, Consumer<Hit> hits) throws IOException {
    byte[] buf = new byte[BLOCK + MAX_LINE];
    int have = 0;
    long lineNo = 0;
    long hitCount = 0;
    long bad = 0;
    long bytes = 0;
    List<Long> firstBad = new ArrayList<>();
    while (true) {
      int n = in.read(buf, have, buf.length - have);
      boolean eof = n < 0;
      if (!eof) {
        have += n;
        bytes += n;
      }
      int start = 0;
      for (int i = 0; i < have; i++) {
        if (buf[i] == '\n') {
          lineNo++;
          int r = line(buf, start, i > start && buf[i - 1] == '\r' ? i - 1 : i, lineNo, hits);
          if (r < 0) {
            bad++;
            if (firstBad.size() < MAX_BAD_KEPT) {
              firstBad.add(lineNo);
            }
          } else {
            hitCount += r;
          }
          start = i + 1;
        }
      }
      if (eof) {
        if (start < have) {
          lineNo++;
          int r = line(buf, start, have, lineNo, hits);
          if (r < 0) {
            bad++;
            if (firstBad.size() < MAX_BAD_KEPT) {
              firstBad.add(lineNo);
            }
          } else {
            hitCount += r;
          }
        }
        return new MatchStats(lineNo, hitCount, bad, List.copyOf(firstBad), bytes);
      }
      int rest = have - start;
      if (rest >= MAX_LINE + BLOCK / 2 && start == 0) {
        // a line longer than the limit: count it as bad and drop it
        lineNo++;
        bad++;
        if (firstBad.size() < MAX_BAD_KEPT) {
          firstBad.add(lineNo);
        }
        have = 0;
        skipToNewline(in);
        continue;
      }
      System.arraycopy(buf, start, buf, 0, rest);
      have = rest;
    }
  }

  private static void skipToNewline(InputStream in) throws IOException {
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      // discard
    }
  }

  /** Matches one line; the number of hits, or -1 if the line is malformed. */
  private int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    int fields = 0;
    int i = from;
    while (i < to && fields < 10) {
      while (i < to && b[i] == ' ') {
        i++;
      }
      if (i >= to) {
        break;
      }
      fieldStart[fields] = i;
      while (i < to && b[i] != ' ') {
        i++;
      }
      fieldEnd[fields++] = i;
    }
    if (fields < 7) {
      return from == to ? 0 : -1;
    }
    int found = 0;
    // the request's host
    int us = fieldStart[6];
    int ue = fieldEnd[6];
    int hs = us;
    int schemeEnd = indexOf(b, us, ue, (byte) ':');
    if (schemeEnd > us
        && schemeEnd + 2 < ue
        && b[schemeEnd + 1] == '/'
        && b[schemeEnd + 2] == '/') {
      hs = schemeEnd + 3;
    }
    int he = hs;
    while (he < ue && b[he] != '/' && b[he] != ':' && b[he] != '?' && b[he] != '#') {
      he++;
    }
    if (he > hs) {
      int ip = Ipv4Table.parse(b, hs, he, ok);
      int n = ok[0] ? index.matchIpv4(ip) : index.matchDomain(b, hs, he);
      if (n >= 0) {
        hits.accept(hit(b, lineNo, n, "host"));
        found++;
      }
    }
    // the peer the proxy connected to: DIRECT/198.51.100.7
    if (fields >= 9) {
      int slash = indexOf(b, fieldStart[8], fieldEnd[8], (byte) '/');
      if (slash >= 0) {
        int ip = Ipv4Table.parse(b, slash + 1, fieldEnd[8], ok);
        if (ok[0]) {
          int n = index.matchIpv4(ip);
          if (n >= 0) {
            hits.accept(hit(b, lineNo, n, "peer"));
            found++;
          }
        }
      }
    }
    if (urls && schemeEnd > us) {
      String url = new String(b, us, ue - us, StandardCharsets.ISO_8859_1);
      try {
        String normal = Observables.parse(ObservableType.URL, url).value();
        int n = index.matchExact("url", normal);
        if (n < 0 && normal.toLowerCase(Locale.ROOT).endsWith("/")) {
          n = index.matchExact("url", normal.substring(0, normal.length() - 1));
        }
        if (n >= 0) {
          hits.accept(hit(b, lineNo, n, "url"));
          found++;
        }
      } catch (InvalidObservable ignored) {
        // not a URL we can normalise: host and peer were still checked
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

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }
}

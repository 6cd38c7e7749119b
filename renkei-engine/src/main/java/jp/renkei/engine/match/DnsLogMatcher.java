package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * DNS resolver query logs, the format recognised per line: BIND ({@code client @0x.. 10.0.0.5#53211
 * (name): query: name IN A}), dnsmasq ({@code query[A] name from 10.0.0.5}) and Unbound with
 * log-queries ({@code info: 10.0.0.5 name. A IN}). The queried name matches domain indicators with
 * their subdomains; lines that are none of these (start-up messages, replies) are skipped, not bad.
 */
public final class DnsLogMatcher extends LogMatcher {

  private static final byte[] BIND = " query: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BIND_CLIENT = "client ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DNSMASQ = "query[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FROM = " from ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UNBOUND = " info: ".getBytes(StandardCharsets.US_ASCII);

  public DnsLogMatcher(IndicatorIndex index) {
    super(index);
  }

  /** Each line stands alone. */
  @Override
  protected boolean splittable() {
    return true;
  }

  @Override
  protected int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    int q = indexOf(b, from, to, BIND);
    if (q >= 0) {
      int c = indexOf(b, from, q, BIND_CLIENT);
      int cs = c < 0 ? -1 : c + BIND_CLIENT.length;
      if (cs >= 0 && cs < q && b[cs] == '@') {
        cs = indexOf(b, cs, q, (byte) ' ') + 1;
      }
      int ce = cs <= 0 ? -1 : indexOf(b, cs, q, (byte) '#');
      int ns = q + BIND.length;
      int ne = end(b, ns, to);
      return report(b, from, c < 0 ? q : c, cs, ce, ns, ne, lineNo, hits);
    }
    int d = indexOf(b, from, to, DNSMASQ);
    if (d >= 0) {
      int ns = indexOf(b, d, to, (byte) ']') + 2;
      int f = ns < 2 ? -1 : indexOf(b, ns, to, FROM);
      if (f < 0) {
        return 0; // a dnsmasq line that is not a query with a client
      }
      int cs = f + FROM.length;
      return report(b, from, d, cs, end(b, cs, to), ns, f, lineNo, hits);
    }
    int u = indexOf(b, from, to, UNBOUND);
    if (u >= 0) {
      int cs = u + UNBOUND.length;
      int ce = end(b, cs, to);
      ipv4(b, cs, ce);
      if (!ok[0]) {
        return 0; // an Unbound message that is not a query line
      }
      int ns = ce + 1;
      return report(b, from, u, cs, ce, ns, end(b, ns, to), lineNo, hits);
    }
    return 0;
  }

  private int report(
      byte[] b,
      int lineStart,
      int marker,
      int cs,
      int ce,
      int ns,
      int ne,
      long lineNo,
      Consumer<Hit> hits) {
    if (ns >= ne) {
      return -1;
    }
    int n = host(b, ns, ne);
    if (n < 0) {
      return 0;
    }
    String client = cs >= 0 && ce > cs ? text(b, cs, ce) : "-";
    int te = Math.min(marker, lineStart + 40);
    hits.accept(new Hit(lineNo, text(b, lineStart, te).strip(), client, n, "query"));
    return 1;
  }

  private static int end(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] != ' ' && b[i] != '\t') {
      i++;
    }
    return i;
  }
}

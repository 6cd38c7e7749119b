package jp.renkei.engine.match;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Zeek logs in their TSV form ({@code http.log}, {@code dns.log}, {@code conn.log}, {@code
 * ssl.log}, ...): the {@code #fields} header says which column is which, so one matcher reads them
 * all. Checked columns: {@code host}, {@code query}, {@code server_name} (domains with subdomains),
 * {@code id.resp_h} (the remote address) and {@code answers} (addresses a name resolved to). The
 * client is {@code id.orig_h}. A data line before any {@code #fields} header is bad.
 */
public final class ZeekMatcher extends LogMatcher {

  private static final String[] HOST_COLUMNS = {"host", "query", "server_name"};

  private int ts = -1;
  private int client = -1;
  private int remote = -1;
  private int answers = -1;
  private int[] hostColumns = new int[0];
  private String[] hostNames = new String[0];
  private boolean haveHeader;
  private int split = 128; // columns split off a line: to the last one read, at most 128
  private final int[] colStart = new int[128];
  private final int[] colEnd = new int[128];

  public ZeekMatcher(IndicatorIndex index) {
    super(index);
  }

  /** A line depends only on the {@code #fields} header before it. */
  @Override
  protected boolean splittable() {
    return true;
  }

  /** Any line starting with {@code #} (the header lines; a URI with a '#' costs a false alarm). */
  @Override
  protected boolean mayChangeReading(byte[] b, int len) {
    for (int i = 0; (i = Bytes.indexOf(b, i, len, (byte) '#')) >= 0; i++) {
      if (i == 0 || b[i - 1] == '\n') {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void readLike(LogMatcher other) {
    ZeekMatcher z = (ZeekMatcher) other;
    haveHeader = z.haveHeader;
    ts = z.ts;
    client = z.client;
    remote = z.remote;
    answers = z.answers;
    hostColumns = z.hostColumns;
    hostNames = z.hostNames;
    split = z.split;
  }

  @Override
  protected int line(byte[] b, int from, int to, long lineNo, Consumer<Hit> hits) {
    if (from == to) {
      return 0;
    }
    if (b[from] == '#') {
      String h = new String(b, from, to - from, StandardCharsets.UTF_8);
      if (h.startsWith("#fields")) {
        header(h.substring("#fields".length()).strip().split("\t"));
      }
      return 0;
    }
    if (!haveHeader) {
      return -1;
    }
    // only the columns up to the last one read (a missing one reads as beyond the line's end)
    int cols = Bytes.columns(b, from, to, (byte) '\t', colStart, colEnd, split);
    int found = 0;
    for (int k = 0; k < hostColumns.length; k++) {
      int c = hostColumns[k];
      if (c < cols) {
        int n = host(b, colStart[c], colEnd[c]);
        if (n >= 0) {
          hits.accept(hit(b, lineNo, n, hostNames[k], cols));
          found++;
        }
      }
    }
    if (remote >= 0 && remote < cols) {
      int n = ipv4(b, colStart[remote], colEnd[remote]);
      if (n >= 0) {
        hits.accept(hit(b, lineNo, n, "id.resp_h", cols));
        found++;
      }
    }
    if (answers >= 0 && answers < cols) {
      int a = colStart[answers];
      for (int i = a; i <= colEnd[answers]; i++) {
        if (i == colEnd[answers] || b[i] == ',') {
          int n = ipv4(b, a, i);
          if (n >= 0) {
            hits.accept(hit(b, lineNo, n, "answers", cols));
            found++;
          }
          a = i + 1;
        }
      }
    }
    return found;
  }

  private void header(String[] names) {
    haveHeader = true;
    ts = client = remote = answers = -1;
    // a column name may repeat in a hostile header: each occurrence is read
    int[] hc = new int[names.length];
    String[] hn = new String[names.length];
    int count = 0;
    for (int i = 0; i < names.length; i++) {
      switch (names[i]) {
        case "ts" -> ts = i;
        case "id.orig_h" -> client = i;
        case "id.resp_h" -> remote = i;
        case "answers" -> answers = i;
        default -> {
          for (String h : HOST_COLUMNS) {
            if (h.equals(names[i])) {
              hc[count] = i;
              hn[count++] = h;
            }
          }
        }
      }
    }
    hostColumns = java.util.Arrays.copyOf(hc, count);
    hostNames = java.util.Arrays.copyOf(hn, count);
    int last = Math.max(Math.max(ts, client), Math.max(remote, answers));
    for (int c : hostColumns) {
      last = Math.max(last, c);
    }
    split = Math.max(1, Math.min(colStart.length, last + 1));
  }

  private Hit hit(byte[] b, long lineNo, int n, String field, int cols) {
    return new Hit(
        lineNo,
        ts >= 0 && ts < cols ? text(b, colStart[ts], colEnd[ts]) : "-",
        client >= 0 && client < cols ? text(b, colStart[client], colEnd[client]) : "-",
        n,
        field);
  }
}

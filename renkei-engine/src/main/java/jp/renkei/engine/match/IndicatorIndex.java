package jp.renkei.engine.match;

import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * Every indicator an operator matches its logs against, indexed for byte-level lookups: domains (a
 * domain matches its subdomains, never substrings), IPv4 addresses and CIDR ranges (longest
 * prefix), IPv6 addresses and ranges, normalised URLs, hashes and e-mail addresses. Built once,
 * then read-only and safe to share between threads.
 */
public final class IndicatorIndex {

  final IndicatorStore store;
  final DomainTable domains;
  final Ipv4Table ipv4;
  final ExactTable exact; // url, ipv6, hashes, e-mail
  final long[] ipv6Ranges; // {high, low, prefix, indicator} per range
  final UrlFilter urlFilter;
  private final boolean hasUrls;

  /** The exact IPv6 indicators as 128-bit values, made on the first IPv6 address looked up. */
  private volatile Ipv6Filter ipv6Filter;

  IndicatorIndex(
      IndicatorStore store,
      DomainTable domains,
      Ipv4Table ipv4,
      ExactTable exact,
      long[] ipv6Ranges,
      UrlFilter urlFilter) {
    this.store = store;
    this.domains = domains;
    this.ipv4 = ipv4;
    this.exact = exact;
    this.ipv6Ranges = longestPrefixFirst(ipv6Ranges);
    this.urlFilter = urlFilter;
    urlFilter.seal();
    this.hasUrls = urlFilter.size() > 0;
  }

  public static Builder builder(int expected) {
    return new Builder(expected);
  }

  public int size() {
    return store.size();
  }

  /** Indicator {@code n} (made on each call: ask for hits, not in a loop over all). */
  public Indicator indicator(int n) {
    return store.indicator(n);
  }

  /** Approximate heap bytes of the index: lookup structures and the indicators' ids and values. */
  public long indexBytes() {
    return store.bytes()
        + domains.bytes()
        + ipv4.bytes()
        + exact.bytes()
        + 8L * ipv6Ranges.length
        + urlFilter.bytes();
  }

  /**
   * The indicator a host name in {@code line[start, end)} hits (itself or a parent domain), or -1.
   */
  public int matchDomain(byte[] line, int start, int end) {
    return domains.matchHost(line, start, end);
  }

  /**
   * {@link #matchDomain}, putting the name's {@link DomainTable#hash} into {@code hash[0]} (for
   * {@link #mayBeUrlHost}).
   */
  int matchDomain(byte[] line, int start, int end, int[] hash) {
    return domains.matchHost(line, start, end, hash);
  }

  /**
   * Whether the host whose {@link DomainTable#hash} is {@code hash} may carry URL indicators; false
   * means a URL on that host, written plainly (see {@link UrlFilter#mayBeHost}), is none.
   */
  boolean mayBeUrlHost(int hash) {
    return urlFilter.mayBeHost(hash);
  }

  /** The indicator an IPv4 address hits (exact or within a range), or -1. */
  public int matchIpv4(int address) {
    return ipv4.lookup(address);
  }

  public boolean hasUrls() {
    return hasUrls;
  }

  /**
   * The URL indicator the URL written in {@code b[s, e)} (ISO-8859-1 bytes of a log) is, once
   * normalised, with or without a trailing slash; or -1. Most URLs are ruled out from their bytes
   * (see {@link UrlFilter}); the rest are normalised and looked up exactly.
   */
  public int matchUrl(byte[] b, int s, int e) {
    return matchUrl(b, s, e, new byte[e - s]);
  }

  /**
   * {@link #matchUrl(byte[], int, int)} normalising into {@code buffer} (at least {@code e - s}
   * bytes; a matcher keeps one): a URL in printable ASCII that the byte filter cannot rule out is
   * normalised and looked up without a string; other forms take the text path.
   */
  public int matchUrl(byte[] b, int s, int e, byte[] buffer) {
    return matchUrl(b, s, e, buffer, false, 0);
  }

  /**
   * {@link #matchUrl(byte[], int, int, byte[])} with the host's {@link DomainTable#hash} already
   * made (when {@code hashed}; see {@link UrlFilter#check(byte[], int, int, boolean, int)}).
   */
  int matchUrl(byte[] b, int s, int e, byte[] buffer, boolean hashed, int hostHash) {
    if (urlFilter.check(b, s, e, hashed, hostHash) == UrlFilter.NO) {
      return -1;
    }
    return exactUrl(b, s, e, buffer);
  }

  /** {@link UrlFilter#hostHash}: the raw hash the URL filter reads a plain host by. */
  static long urlHostHash(byte[] b, int s, int e) {
    return UrlFilter.hostHash(b, s, e);
  }

  /** {@link UrlFilter#hostListed}. */
  boolean urlHostListed(long host) {
    return urlFilter.hostListed(host);
  }

  /**
   * {@link #matchUrl(byte[], int, int, byte[], boolean, int)} for a URL whose scheme and authority
   * are plain (as {@link UrlFilter#mayBeHost} asks), whose host is {@link #urlHostListed} with the
   * raw hash {@code host}, and whose path starts at {@code ps}: the same answer, the URL's scheme
   * and host not read again.
   */
  int matchUrlPath(byte[] b, int s, int ps, int e, byte[] buffer, long host) {
    if (urlFilter.path(b, ps, e, host) == UrlFilter.NO) {
      return -1;
    }
    return exactUrl(b, s, e, buffer);
  }

  /** The exact lookup of a URL the filter did not rule out. */
  private int exactUrl(byte[] b, int s, int e, byte[] buffer) {
    int n = buffer.length < e - s ? UrlNormal.UNDECIDED : UrlNormal.normalize(b, s, e, buffer);
    if (n == UrlNormal.UNDECIDED) {
      return matchUrl(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    if (n == UrlNormal.INVALID) {
      return -1;
    }
    int url = ObservableType.URL.ordinal();
    int hit = exact.get(store, url, buffer, 0, n);
    if (hit < 0 && n > 0 && buffer[n - 1] == '/') {
      hit = exact.get(store, url, buffer, 0, n - 1);
    }
    return hit;
  }

  /** The URL indicator a URL is once normalised, with or without a trailing slash; or -1. */
  public int matchUrl(String url) {
    try {
      String normal = withoutUserInfo(Observables.parse(ObservableType.URL, url).value());
      int n = matchExact("url", normal);
      if (n < 0 && normal.endsWith("/")) {
        n = matchExact("url", normal.substring(0, normal.length() - 1));
      }
      return n;
    } catch (InvalidObservable e) {
      return -1; // not a URL we can normalise
    }
  }

  /** The indicator an exact value of a type hits (url, ipv6-addr, hashes, email-addr), or -1. */
  public int matchExact(String type, String normalValue) {
    ObservableType t = ObservableType.fromCode(type).orElse(null);
    if (t == null) {
      return -1;
    }
    if (t == ObservableType.URL) {
      normalValue = withoutUserInfo(normalValue);
    }
    int n =
        exact.get(
            store, t.ordinal(), normalValue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (n >= 0) {
      return n;
    }
    if (t == ObservableType.IPV6) {
      return matchIpv6Range(normalValue);
    }
    return -1;
  }

  /**
   * A normalised URL as the index keeps and looks it up: without its user info ({@code
   * http://u:p@evil.example/x} is {@code http://evil.example/x}). Who logs in says nothing about
   * which resource is fetched, so a URL indicator hits a request with or without user info, however
   * either is written. The user info ends at the authority's last {@code @}; an {@code @} in the
   * path, query or fragment is kept.
   */
  static String withoutUserInfo(String normal) {
    int a = normal.indexOf("://");
    if (a < 0) {
      return normal;
    }
    a += 3;
    int end = a;
    while (end < normal.length() && "/?#".indexOf(normal.charAt(end)) < 0) {
      end++;
    }
    int at = normal.lastIndexOf('@', end - 1);
    return at < a ? normal : normal.substring(0, a) + normal.substring(at + 1);
  }

  /**
   * The indicator an IPv6 address written in {@code b[s, e)} hits (exact, or else the longest
   * listed range containing it), or -1 (also when the text is no IPv6 address). Text without a ':'
   * is rejected at once.
   */
  public int matchIpv6(byte[] b, int s, int e) {
    return matchIpv6(b, s, e, new long[2]);
  }

  /** {@link #matchIpv6(byte[], int, int)} reading the address into {@code a} (two longs). */
  int matchIpv6(byte[] b, int s, int e, long[] a) {
    if (Bytes.indexOf(b, s, e, (byte) ':') < 0) {
      return -1;
    }
    for (int i = s; i < e; i++) {
      int c = b[i];
      if (!(c == ':'
          || c == '.'
          || (c >= '0' && c <= '9')
          || (c >= 'a' && c <= 'f')
          || (c >= 'A' && c <= 'F'))) {
        return -1;
      }
    }
    Ipv6Filter filter = ipv6Filter;
    if (filter == null) {
      ipv6Filter = filter = Ipv6Filter.of(store); // the same from any thread: made twice at worst
    }
    if (Ipv6Filter.parse(b, s, e, a) && !filter.contains(a[0], a[1]) && !inIpv6Range(a)) {
      return -1; // a plain address that is no indicator and in no listed range
    }
    String normal;
    try {
      normal =
          Observables.parse(
                  ObservableType.IPV6,
                  new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1))
              .value();
    } catch (IllegalArgumentException ex) {
      return -1;
    }
    return matchExact(ObservableType.IPV6.code(), normal);
  }

  /**
   * The IPv6 ranges ordered by prefix length, longest first, in the order given among equal
   * lengths: the first range containing an address is then its longest listed prefix, as IPv4
   * lookups answer (done here, not in the builder, so an index read from an older snapshot answers
   * alike).
   */
  static long[] longestPrefixFirst(long[] ranges) {
    Integer[] order = new Integer[ranges.length / 4];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // a stable sort: equal prefixes keep the order given
    java.util.Arrays.sort(order, (x, y) -> Long.compare(ranges[4 * y + 2], ranges[4 * x + 2]));
    long[] sorted = new long[ranges.length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(ranges, 4 * order[i], sorted, 4 * i, 4);
    }
    return sorted;
  }

  /** Whether the address {@code (a[0], a[1])} is inside a listed IPv6 range. */
  private boolean inIpv6Range(long[] a) {
    for (int k = 0; k < ipv6Ranges.length; k += 4) {
      int prefix = (int) ipv6Ranges[k + 2];
      long hiMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
      long loMask = prefix <= 64 ? 0 : -1L << (128 - prefix);
      if ((a[0] & hiMask) == ipv6Ranges[k] && (a[1] & loMask) == ipv6Ranges[k + 1]) {
        return true;
      }
    }
    return false;
  }

  private int matchIpv6Range(String address) {
    if (ipv6Ranges.length == 0) {
      return -1;
    }
    long[] a = Builder.ipv6(address);
    for (int k = 0; k < ipv6Ranges.length; k += 4) {
      int prefix = (int) ipv6Ranges[k + 2];
      long hiMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
      long loMask = prefix <= 64 ? 0 : -1L << (128 - prefix);
      if ((a[0] & hiMask) == ipv6Ranges[k] && (a[1] & loMask) == ipv6Ranges[k + 1]) {
        return (int) ipv6Ranges[k + 3];
      }
    }
    return -1;
  }

  /** Collects indicators; the first of equal values wins. Builds one index. */
  public static final class Builder {
    private final IndicatorStore store;
    private final DomainTable domains;
    private final Ipv4Table ipv4 = new Ipv4Table();
    private final ExactTable exact = new ExactTable();
    private long[] ipv6Ranges = new long[0];
    private int ipv6Used;
    private final UrlFilter urlFilter = new UrlFilter();
    private final java.util.Set<String> ipv6Seen = new java.util.HashSet<>(); // IPv6 ranges
    private boolean built;

    Builder(int expected) {
      int n = Math.max(16, expected);
      // room for the expected values up front (about 20 bytes each): growing copies them again
      this.store = new IndicatorStore(n, (int) Math.min(1 << 30, 20L * n));
      this.domains = new DomainTable(n);
    }

    /**
     * Adds one indicator.
     *
     * @throws InvalidObservable when the value is not of the type
     */
    public Builder add(String id, ObservableType type, String value) {
      return addNormal(id, type, Observables.parse(type, value).value());
    }

    /**
     * Adds one indicator whose value is already in normal form (from {@link Observables#parse}).
     */
    Builder addNormal(String id, ObservableType type, String normal) {
      return addNormal(id, null, 0, type, normal);
    }

    private Builder addNormal(
        String id, String source, long line, ObservableType type, String normal) {
      if (type == ObservableType.URL) {
        normal = withoutUserInfo(normal); // the value kept and shown is the one looked up
      }
      byte[] v = normal.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return addNormal(id, source, line, type, v, 0, v.length);
    }

    /**
     * Adds one indicator whose normal form (from {@link Observables#parse}) is the UTF-8 in {@code
     * v[off, off + len)}: from line {@code line} of {@code source} when {@code id} is null.
     */
    Builder addNormal(
        String id, String source, long line, ObservableType type, byte[] v, int off, int len) {
      if (built) {
        throw new IllegalStateException("this builder already built its index");
      }
      int n = store.size();
      boolean added;
      switch (type) {
        case DOMAIN -> added = domains.put(v, off, len, n) < 0;
        case IPV4 -> {
          int before = ipv4.size();
          ipv4.put(address(v, off, off + len), 32, n);
          added = ipv4.size() > before;
        }
        case CIDR -> {
          int slash = Bytes.indexOf(v, off, off + len, (byte) '/');
          if (slash < 0 || Bytes.indexOf(v, off, slash, (byte) ':') >= 0) {
            // an IPv6 range: rare, kept as text
            String normal = new String(v, off, len, java.nio.charset.StandardCharsets.UTF_8);
            if (!ipv6Seen.add(normal)) {
              return this; // the same range again: the first stays
            }
            int prefix = Integer.parseInt(normal.substring(normal.indexOf('/') + 1));
            long[] a = ipv6(normal.substring(0, normal.indexOf('/')));
            if (ipv6Used + 4 > ipv6Ranges.length) {
              ipv6Ranges = java.util.Arrays.copyOf(ipv6Ranges, Math.max(16, ipv6Ranges.length * 2));
            }
            ipv6Ranges[ipv6Used++] = a[0];
            ipv6Ranges[ipv6Used++] = a[1];
            ipv6Ranges[ipv6Used++] = prefix;
            ipv6Ranges[ipv6Used++] = n;
            added = true;
          } else {
            int prefix = 0;
            for (int k = slash + 1; k < off + len; k++) {
              prefix = prefix * 10 + (v[k] - '0');
            }
            int before = ipv4.size();
            ipv4.put(address(v, off, slash), prefix, n);
            added = ipv4.size() > before;
          }
        }
        default -> {
          if (type == ObservableType.URL && Bytes.indexOf(v, off, off + len, (byte) '@') >= 0) {
            String normal = new String(v, off, len, java.nio.charset.StandardCharsets.UTF_8);
            String without = withoutUserInfo(normal);
            if (!without.equals(normal)) {
              byte[] w = without.getBytes(java.nio.charset.StandardCharsets.UTF_8);
              return addNormal(id, source, line, type, w, 0, w.length);
            }
          }
          added = exact.get(store, type.ordinal(), v, off, len) < 0;
          if (added) {
            store(type, v, off, len, id, source, line);
            exact.putIfAbsent(store, type.ordinal(), v, off, len, n);
            if (type == ObservableType.URL) {
              urlFilter.add(new String(v, off, len, java.nio.charset.StandardCharsets.UTF_8));
            }
            return this;
          }
        }
      }
      if (added) {
        store(type, v, off, len, id, source, line);
      }
      return this;
    }

    private void store(
        ObservableType type, byte[] v, int off, int len, String id, String source, long line) {
      if (id != null) {
        store.add(type, v, off, len, id);
      } else {
        store.add(type, v, off, len, source, line);
      }
    }

    /**
     * Makes room for about {@code more} indicators with {@code valueBytes} bytes of normal values
     * (a list about to be read), so the arrays are not copied as they grow.
     */
    void reserve(int more, int valueBytes) {
      store.reserve(more, valueBytes);
    }

    public IndicatorIndex build() {
      built = true;
      store.trim();
      domains.trim();
      ipv4.freeze();
      return new IndicatorIndex(
          store, domains, ipv4, exact, java.util.Arrays.copyOf(ipv6Ranges, ipv6Used), urlFilter);
    }

    private final boolean[] ok = new boolean[1];

    static int ipv4Int(String dotted) {
      byte[] b = dotted.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      return address(b, 0, b.length, new boolean[1]);
    }

    private int address(byte[] b, int from, int to) {
      return address(b, from, to, ok);
    }

    private static int address(byte[] b, int from, int to, boolean[] ok) {
      int v = Ipv4Table.parse(b, from, to, ok);
      if (!ok[0]) {
        throw new IllegalArgumentException(
            "not IPv4: " + new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
      }
      return v;
    }

    static long[] ipv6(String address) {
      try {
        byte[] b = java.net.InetAddress.getByName(address).getAddress();
        if (b.length == 4) {
          b =
              new byte[] {
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 255, (byte) 255, b[0], b[1], b[2], b[3]
              };
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
          hi = (hi << 8) | (b[i] & 255);
          lo = (lo << 8) | (b[i + 8] & 255);
        }
        return new long[] {hi, lo};
      } catch (java.net.UnknownHostException e) {
        throw new IllegalArgumentException("not IPv6: " + address, e);
      }
    }
  }
}

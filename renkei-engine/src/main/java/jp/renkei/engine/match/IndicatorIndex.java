package jp.renkei.engine.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private final List<Indicator> indicators;
  private final DomainTable domains;
  private final Ipv4Table ipv4;
  private final Map<String, Integer> exact; // url, ipv6, hashes, e-mail: "type value"
  private final List<long[]> ipv6Ranges; // {high, low, prefix, indicator}
  private final UrlFilter urlFilter;
  private final boolean hasUrls;

  private IndicatorIndex(Builder b) {
    this.urlFilter = b.urlFilter;
    this.hasUrls = b.urlFilter.size() > 0;
    this.indicators = List.copyOf(b.indicators);
    this.domains = b.domains;
    this.domains.trim();
    this.ipv4 = b.ipv4;
    this.ipv4.freeze();
    this.exact = Map.copyOf(b.exact);
    this.ipv6Ranges = List.copyOf(b.ipv6Ranges);
  }

  public static Builder builder(int expected) {
    return new Builder(expected);
  }

  public int size() {
    return indicators.size();
  }

  public Indicator indicator(int n) {
    return indicators.get(n);
  }

  /** Approximate heap bytes of the lookup structures (not counting the indicator records). */
  public long indexBytes() {
    return domains.bytes()
        + ipv4.bytes()
        + 64L * exact.size()
        + 48L * ipv6Ranges.size()
        + urlFilter.bytes();
  }

  /**
   * The indicator a host name in {@code line[start, end)} hits (itself or a parent domain), or -1.
   */
  public int matchDomain(byte[] line, int start, int end) {
    return domains.matchHost(line, start, end);
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
    if (urlFilter.check(b, s, e) == UrlFilter.NO) {
      return -1;
    }
    return matchUrl(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** The URL indicator a URL is once normalised, with or without a trailing slash; or -1. */
  public int matchUrl(String url) {
    try {
      String normal = Observables.parse(ObservableType.URL, url).value();
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
    Integer n = exact.get(type + " " + normalValue);
    if (n != null) {
      return n;
    }
    if ("ipv6-addr".equals(type)) {
      return matchIpv6Range(normalValue);
    }
    return -1;
  }

  private int matchIpv6Range(String address) {
    if (ipv6Ranges.isEmpty()) {
      return -1;
    }
    long[] a = Builder.ipv6(address);
    for (long[] r : ipv6Ranges) {
      int prefix = (int) r[2];
      long hiMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
      long loMask = prefix <= 64 ? 0 : -1L << (128 - prefix);
      if ((a[0] & hiMask) == r[0] && (a[1] & loMask) == r[1]) {
        return (int) r[3];
      }
    }
    return -1;
  }

  /** Collects indicators; the first of equal values wins. */
  public static final class Builder {
    private final List<Indicator> indicators = new ArrayList<>();
    private final DomainTable domains;
    private final Ipv4Table ipv4 = new Ipv4Table();
    private final Map<String, Integer> exact = new HashMap<>();
    private final List<long[]> ipv6Ranges = new ArrayList<>();
    private final UrlFilter urlFilter = new UrlFilter();

    Builder(int expected) {
      this.domains = new DomainTable(Math.max(16, expected));
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
     * Adds one indicator whose value is already in normal form (from {@link Observables#parse}, or
     * a snapshot of an index that was built from such values).
     */
    Builder addNormal(String id, ObservableType type, String normal) {
      int n = indicators.size();
      boolean added;
      switch (type) {
        case DOMAIN -> added = domains.put(normal, n) < 0;
        case IPV4 -> {
          int before = ipv4.size();
          ipv4.put(ipv4Int(normal), 32, n);
          added = ipv4.size() > before;
        }
        case CIDR -> {
          int slash = normal.indexOf('/');
          int prefix = Integer.parseInt(normal.substring(slash + 1));
          String net = normal.substring(0, slash);
          if (net.contains(":")) {
            long[] a = ipv6(net);
            ipv6Ranges.add(new long[] {a[0], a[1], prefix, n});
            added = true;
          } else {
            int before = ipv4.size();
            ipv4.put(ipv4Int(net), prefix, n);
            added = ipv4.size() > before;
          }
        }
        default -> {
          added = exact.putIfAbsent(type.code() + " " + normal, n) == null;
          if (added && type == ObservableType.URL) {
            urlFilter.add(normal);
          }
        }
      }
      if (added) {
        indicators.add(new Indicator(id, type.code(), normal));
      }
      return this;
    }

    public IndicatorIndex build() {
      return new IndicatorIndex(this);
    }

    static int ipv4Int(String dotted) {
      byte[] b = dotted.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      boolean[] ok = new boolean[1];
      int v = Ipv4Table.parse(b, 0, b.length, ok);
      if (!ok[0]) {
        throw new IllegalArgumentException("not IPv4: " + dotted);
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

package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import org.junit.jupiter.api.Test;

/**
 * The byte-level matchers against a deliberately simple reference on generated logs of every
 * realistic shape (popular hosts carrying URL indicators on other paths, hosts spread wide, mixed
 * case, percent escapes, trailing slashes and dots, ports, user info, IPv6 hosts and peers, long
 * query strings, defanged and broken URLs, CONNECT): the reference splits strings, normalises every
 * value with {@link Observables} and looks it up in plain maps, walking parent domains and all
 * ranges. Both must find exactly the same hits.
 */
class MatchDifferentialTest {

  static final String[] POPULAR = {"www.google.com", "s.yimg.jp", "cdn.jsdelivr.net", "github.com"};
  static final String[] WORDS = {"cdn", "api", "img", "login", "update", "news", "a", "b-c"};

  final Random rnd = new Random(18);
  final List<String[]> indicators = new ArrayList<>(); // {id, type code, value as written}
  final List<String> domains = new ArrayList<>();
  final List<String> urls = new ArrayList<>();
  final List<String> ips = new ArrayList<>();

  /** The reference: normal value by type, and the first id of each. */
  final Map<String, String> refDomains = new HashMap<>();

  final Map<String, String> refUrls = new HashMap<>();
  final List<long[]> refNets = new ArrayList<>(); // {network, prefix, indicator number}
  final List<String> refNetIds = new ArrayList<>();
  // IPv6: exact addresses (the first of equal values wins), then the longest range containing it
  final Map<java.math.BigInteger, String> refIpv6 = new HashMap<>();
  final List<Object[]> refNets6 = new ArrayList<>(); // {network, prefix, indicator id}

  IndicatorIndex index;

  /**
   * Whether some URL indicators have an IPv6 literal host (the byte filter then defers to them).
   */
  boolean ipv6Urls;

  String word() {
    return WORDS[rnd.nextInt(WORDS.length)];
  }

  String ipv4() {
    return (11 + rnd.nextInt(200))
        + "."
        + rnd.nextInt(4)
        + "."
        + rnd.nextInt(4)
        + "."
        + rnd.nextInt(8);
  }

  String mixCase(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(rnd.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  String path() {
    StringBuilder p = new StringBuilder("/" + word());
    int parts = rnd.nextInt(3);
    for (int i = 0; i < parts; i++) {
      p.append('/').append(word());
    }
    switch (rnd.nextInt(8)) {
      case 6 -> p.append("/@").append(POPULAR[rnd.nextInt(POPULAR.length)]);
      case 7 -> p.append("?to=u@").append(POPULAR[rnd.nextInt(POPULAR.length)]).append("/x");
      case 0 -> p.append('/');
      case 1 -> p.append("//");
      case 2 -> p.append(".exe");
      default -> {}
    }
    if (rnd.nextInt(60) == 0) {
      p.append("?q=").append("%41b-".repeat(400 + rnd.nextInt(400))); // 2,000-4,000 bytes
    } else if (rnd.nextInt(4) == 0) {
      p.append("?id=").append(rnd.nextInt(5));
      for (int i = rnd.nextInt(30); i > 0; i--) {
        p.append('&').append(word()).append('=').append(Long.toHexString(rnd.nextLong()));
      }
    }
    return p.toString();
  }

  /** A URL as a log or a list may write it: case, escapes, slashes, ports, dots, defanging. */
  String variant(String url) {
    String u = url;
    switch (rnd.nextInt(13)) {
      case 0 -> u = u.replaceFirst("://([^/?]*)", "://" + mixCase("$1"));
      case 1 -> u = u.replace("a", "%61");
      case 2 -> u = u.replace("/", "/%7e").replaceFirst("http(s?):%7e/%7e", "http$1://");
      case 3 -> u = u + "/";
      case 4 -> u = u.replaceFirst("(://[^/?]*)", "$1.");
      case 5 -> u = u.replaceFirst("(://[^/?]*)", u.startsWith("https") ? "$1:443" : "$1:80");
      case 6 ->
          u =
              u.replaceFirst(
                  "://", rnd.nextBoolean() ? "://user@" : rnd.nextBoolean() ? "://u:p@" : "://@");
      case 7 -> u = u.replaceFirst("\\.", "[.]");
      case 8 -> u = u.replaceFirst("^http", "hxxp");
      case 9 -> u = u.replaceFirst("(://[^/?]*)", "$1:8080");
      case 10 -> u = u.toUpperCase(Locale.ROOT).replace("HTTP", "http");
      case 11 -> u = u.replace("[2001:db8::", "[2001:DB8:0:0::");
      default -> {}
    }
    return u;
  }

  void indicators(int n) {
    indicators(n, 0);
  }

  /**
   * {@code n} mixed indicators, then {@code addresses} more IPv4 addresses and ranges of every
   * prefix length from /8 (enough to switch on the /24 filter of large address tables).
   */
  void indicators(int n, int addresses) {
    for (var c : List.of(indicators, domains, urls, ips, refNets, refNetIds)) {
      c.clear();
    }
    refDomains.clear();
    refUrls.clear();
    refIpv6.clear();
    refNets6.clear();
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    for (int i = 0; i < n + addresses; i++) {
      String id = "l.txt:" + (i + 1); // as line i + 1 of the list listText() writes
      String type;
      String value;
      switch (i >= n ? 100 : rnd.nextInt(10)) {
        case 100 -> {
          type = rnd.nextBoolean() ? "ipv4-addr" : "cidr";
          value = ipv4() + (type.equals("cidr") ? "/" + (8 + rnd.nextInt(25)) : "");
          if (type.equals("ipv4-addr")) {
            ips.add(value);
          }
        }
        case 0, 1, 2 -> {
          type = "domain-name";
          value =
              rnd.nextInt(3) == 0
                  ? word() + "." + POPULAR[rnd.nextInt(POPULAR.length)]
                  : word() + i + "." + (rnd.nextBoolean() ? "example" : "co.jp");
          domains.add(value);
        }
        case 3, 4 -> {
          type = "ipv4-addr";
          value = ipv4();
          ips.add(value);
        }
        case 5 -> {
          type = "cidr";
          value = ipv4() + "/" + (16 + rnd.nextInt(17));
        }
        case 6 -> {
          type = rnd.nextBoolean() ? "ipv6-addr" : "cidr";
          // ranges of several lengths over the same addresses, listed in any order: the longest
          // containing an address must win, as for IPv4
          int[] prefixes = {32, 48, 64, 112, 120, 124, 128};
          value =
              "2001:db8::"
                  + Integer.toHexString(rnd.nextInt(50))
                  + (type.equals("cidr") ? "/" + prefixes[rnd.nextInt(prefixes.length)] : "");
        }
        default -> {
          type = "url";
          String host =
              ipv6Urls && rnd.nextInt(5) == 0
                  ? "[2001:db8::" + rnd.nextInt(50) + "]"
                  : rnd.nextInt(3) > 0 ? POPULAR[rnd.nextInt(POPULAR.length)] : ipv4();
          value = (rnd.nextBoolean() ? "http" : "https") + "://" + host + path();
          if (rnd.nextInt(4) == 0) {
            value = variant(value);
          }
          urls.add(value);
        }
      }
      indicators.add(new String[] {id, type, value});
      ObservableType t = ObservableType.fromCode(type).orElseThrow();
      String normal;
      try {
        normal = Observables.parse(t, value).value();
        b.add(id, t, value);
      } catch (InvalidObservable e) {
        continue;
      }
      switch (t) {
        case DOMAIN -> refDomains.putIfAbsent(normal, id);
        case URL -> refUrls.putIfAbsent(refWithoutUserInfo(normal), id);
        case IPV6 -> refIpv6.putIfAbsent(refIpv6(normal), id);
        case IPV4, CIDR -> {
          if (normal.contains(":")) {
            String[] nw = normal.split("/");
            java.math.BigInteger net = refIpv6(nw[0]);
            int prefix = Integer.parseInt(nw[1]);
            if (refNets6.stream().noneMatch(r -> r[0].equals(net) && (int) r[1] == prefix)) {
              refNets6.add(new Object[] {net, prefix, id});
            }
          } else {
            String[] nw = (normal.contains("/") ? normal : normal + "/32").split("/");
            long net = refIpv4(nw[0]);
            boolean seen = false;
            for (long[] r : refNets) {
              seen |= r[0] == net && r[1] == Integer.parseInt(nw[1]);
            }
            if (!seen) {
              refNets.add(new long[] {net, Integer.parseInt(nw[1])});
              refNetIds.add(id);
            }
          }
        }
        default -> {}
      }
    }
    index = b.build();
  }

  // ---- the reference matcher: strings, Observables, plain maps

  static long refIpv4(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return -1;
    }
    long v = 0;
    for (String x : p) {
      if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int o = Integer.parseInt(x);
      if (o > 255) {
        return -1;
      }
      v = v << 8 | o;
    }
    return v;
  }

  /** The 128-bit value of an IPv6 literal, or null (not IPv6, or an IPv4 address). */
  static java.math.BigInteger refIpv6(String s) {
    if (s.indexOf(':') < 0
        || !s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
      return null;
    }
    try {
      byte[] a = java.net.InetAddress.getByName(s).getAddress(); // a literal: no lookup
      return a.length == 16 ? new java.math.BigInteger(1, a) : null;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /**
   * The IPv6 indicator an address hits: an exact address first, then the longest range containing
   * it (the first given among equal ones).
   */
  String refAddress6(java.math.BigInteger a) {
    if (a == null) {
      return null;
    }
    String id = refIpv6.get(a);
    if (id != null) {
      return id;
    }
    int best = -1;
    for (Object[] r : refNets6) {
      int shift = 128 - (int) r[1];
      if ((int) r[1] > best
          && a.shiftRight(shift).equals(((java.math.BigInteger) r[0]).shiftRight(shift))) {
        best = (int) r[1];
        id = (String) r[2];
      }
    }
    return id;
  }

  String refAddress(long a) {
    int best = -1;
    String id = null;
    for (int k = 0; k < refNets.size(); k++) {
      long[] r = refNets.get(k);
      long mask = r[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - r[1])) & 0xFFFFFFFFL;
      if ((a & mask) == r[0] && r[1] > best) {
        best = (int) r[1];
        id = refNetIds.get(k);
      }
    }
    return id;
  }

  String refHost(String h) {
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return null;
    }
    long a = refIpv4(h);
    if (a >= 0) {
      return refAddress(a);
    }
    if (h.indexOf(':') >= 0) {
      return refAddress6(refIpv6(h));
    }
    String d = h.toLowerCase(Locale.ROOT);
    while (true) {
      String id = refDomains.get(d);
      if (id != null) {
        return id;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return null;
      }
      d = d.substring(dot + 1);
    }
  }

  String refUrl(String u) {
    try {
      String normal = refWithoutUserInfo(Observables.parse(ObservableType.URL, u).value());
      String id = refUrls.get(normal);
      if (id == null && normal.endsWith("/")) {
        id = refUrls.get(normal.substring(0, normal.length() - 1));
      }
      return id;
    } catch (InvalidObservable e) {
      return null;
    }
  }

  /** A normal URL without its user info: up to the authority's last '@' (written apart here). */
  static String refWithoutUserInfo(String normal) {
    return normal.replaceFirst("^([a-z0-9+.-]+://)[^/?#]*@", "$1");
  }

  List<String> refSquid(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String[] f = lines.get(n).strip().split(" +");
      String url = f[6];
      String rest =
          url.contains("://") && url.indexOf(':') == url.indexOf("://")
              ? url.substring(url.indexOf("://") + 3)
              : url;
      // user info: up to the last '@' before the path, query or fragment
      String authority = rest.split("[/?#]", 2)[0];
      rest = rest.substring(authority.lastIndexOf('@') + 1);
      String host =
          rest.startsWith("[") && rest.indexOf(']') > 1
              ? rest.substring(1, rest.indexOf(']')) // a bracketed IPv6 host
              : rest.split("[/:?#]", 2)[0];
      String id = host.isEmpty() ? null : refHost(host);
      if (id != null) {
        out.add((n + 1) + " host " + id);
      }
      String peer = f[8].substring(f[8].indexOf('/') + 1);
      long a = refIpv4(peer);
      id = a < 0 ? refAddress6(refIpv6(peer)) : refAddress(a);
      if (id != null) {
        out.add((n + 1) + " peer " + id);
      }
      id = !refUrls.isEmpty() && url.indexOf(':') > 0 ? refUrl(url) : null;
      if (id != null) {
        out.add((n + 1) + " url " + id);
      }
    }
    return out;
  }

  // ---- generated logs

  String requestUrl(boolean popular) {
    int r = rnd.nextInt(20);
    if (r < 4 && !urls.isEmpty()) {
      return variant(urls.get(rnd.nextInt(urls.size())));
    }
    String host;
    if (r < 6 && !domains.isEmpty()) {
      host = (rnd.nextBoolean() ? "x." : "") + domains.get(rnd.nextInt(domains.size()));
    } else if (r < 7 && !ips.isEmpty()) {
      host = ips.get(rnd.nextInt(ips.size()));
    } else if (r < 8) {
      host =
          switch (rnd.nextInt(6)) {
            case 0 -> "[2001:db8::" + rnd.nextInt(50) + "]:8443";
            case 1 -> "u@[2001:db8::" + rnd.nextInt(50) + "]";
            case 2 -> "[2001:db8::" + rnd.nextInt(50) + "]@x.example";
            case 3 -> "[.]" + POPULAR[rnd.nextInt(POPULAR.length)];
            case 4 -> "[2001:DB8::" + rnd.nextInt(50) + "]";
            default -> "[2001:db8::" + rnd.nextInt(50) + "]";
          };
    } else if (r < 9) {
      host =
          switch (rnd.nextInt(4)) {
            case 0 -> "not" + (domains.isEmpty() ? "x.example" : domains.get(0));
            // user info before a listed host or address; a listed name in the user info only
            case 1 -> "u@" + (domains.isEmpty() ? "x.example" : domains.get(0));
            case 2 -> "u:p@" + (ips.isEmpty() ? "192.0.2.1" : ips.get(0));
            default -> (domains.isEmpty() ? "x.example" : domains.get(0)) + "@example.net";
          };
    } else if (r < 10 && !domains.isEmpty()) {
      // names longer than the host cache keeps, and one that fits it exactly
      String d = domains.get(rnd.nextInt(domains.size()));
      host = mixCase("x".repeat(rnd.nextBoolean() ? 80 : Math.max(1, 63 - d.length())) + "." + d);
    } else {
      host =
          popular ? POPULAR[rnd.nextInt(POPULAR.length)] : word() + rnd.nextInt(1000) + ".example";
    }
    if (rnd.nextInt(10) == 0) {
      return host + ":443"; // CONNECT
    }
    return variant((rnd.nextBoolean() ? "http" : "https") + "://" + host + path());
  }

  List<String> squidLog(int n, boolean popular) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String peer =
          switch (rnd.nextInt(4)) {
            case 0 -> ips.isEmpty() ? "192.0.2.1" : ips.get(rnd.nextInt(ips.size()));
            case 1 -> ipv4();
            case 2 -> "2001:db8::" + rnd.nextInt(50);
            default -> "192.0.2." + rnd.nextInt(255);
          };
      // Squid pads the elapsed time with spaces; some logs add fields after the ten
      String gap = rnd.nextInt(3) == 0 ? "    " : " ";
      lines.add(
          (rnd.nextInt(20) == 0 ? " " : "")
              + "1732252800."
              + i
              + gap
              + "12 10.0.0."
              + rnd.nextInt(250)
              + " TCP_MISS/200 512 GET "
              + requestUrl(popular)
              + " - HIER_DIRECT/"
              + peer
              + " text/html"
              + (rnd.nextInt(10) == 0 ? "  extra \"ua\"" : ""));
    }
    return lines;
  }

  List<String> run(LogMatcher m, List<String> lines) throws Exception {
    List<String> out = new ArrayList<>();
    byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    m.match(
        new ByteArrayInputStream(log),
        h -> out.add(h.line() + " " + h.field() + " " + index.indicator(h.indicator()).id()));
    return out;
  }

  @Test
  void squidMatchesAsTheReferenceOnPopularAndSpreadLogs() throws Exception {
    for (int round = 0; round < 4; round++) {
      ipv6Urls = round >= 2;
      indicators(400);
      for (boolean popular : new boolean[] {true, false}) {
        List<String> log = squidLog(4000, popular);
        List<String> expected = refSquid(log);
        assertThat(run(new SquidMatcher(index), log)).containsExactlyElementsOf(expected);
        assertThat(expected.stream().filter(h -> h.contains(" url "))).isNotEmpty();
        assertThat(expected.stream().filter(h -> h.contains(" host "))).isNotEmpty();
        if (ipv6Urls) {
          List<String> ipv6UrlIds =
              indicators.stream().filter(i -> i[2].contains("[2001")).map(i -> i[0]).toList();
          assertThat(expected)
              .anyMatch(h -> h.contains(" url ") && ipv6UrlIds.contains(h.split(" ")[2]));
        }
      }
    }
  }

  @Test
  void largeAddressTablesAndRepeatedHostsMatchAsTheReference() throws Exception {
    indicators(300, 6000);
    assertThat(ips.size()).isGreaterThan(2000);
    for (boolean popular : new boolean[] {true, false}) {
      List<String> log = squidLog(6000, popular);
      List<String> expected = refSquid(log);
      assertThat(run(new SquidMatcher(index), log)).containsExactlyElementsOf(expected);
      assertThat(expected.stream().filter(h -> h.contains(" peer "))).isNotEmpty();
    }
  }

  @Test
  void zeekAndDnsLogsMatchAsTheReference() throws Exception {
    indicators(600);
    List<String> zeek =
        new ArrayList<>(List.of("#fields\tts\tid.orig_h\tid.resp_h\tquery\tanswers"));
    List<String> bind = new ArrayList<>();
    List<String> expectedZeek = new ArrayList<>();
    List<String> expectedBind = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String u = requestUrl(i % 2 == 0);
      String host =
          u.contains("://")
              ? u.substring(u.indexOf("://") + 3).split("[/:?#]", 2)[0]
              : u.split(":", 2)[0];
      if (host.isEmpty() || host.contains("[") || host.contains("@")) {
        host = POPULAR[i % POPULAR.length];
      }
      String resp = ips.isEmpty() || rnd.nextBoolean() ? ipv4() : ips.get(rnd.nextInt(ips.size()));
      String answers = ipv4() + "," + (ips.isEmpty() ? ipv4() : ips.get(rnd.nextInt(ips.size())));
      zeek.add(i + ".5\t10.0.0.1\t" + resp + "\t" + host + "\t" + answers);
      int line = i + 2;
      String id = refHost(host);
      if (id != null) {
        expectedZeek.add(line + " query " + id);
      }
      id = refHost(resp);
      if (id != null) {
        expectedZeek.add(line + " id.resp_h " + id);
      }
      for (String a : answers.split(",")) {
        id = refHost(a);
        if (id != null) {
          expectedZeek.add(line + " answers " + id);
        }
      }
      bind.add(
          "30-Nov-2026 07:00:00.000 client @0x7f01 10.0.0.5#5353 ("
              + host
              + "): query: "
              + host
              + " IN A +E(0)K (10.0.0.53)");
      id = refHost(host);
      if (id != null) {
        expectedBind.add((i + 1) + " query " + id);
      }
    }
    assertThat(run(new ZeekMatcher(index), zeek)).isEqualTo(expectedZeek);
    assertThat(run(new DnsLogMatcher(index), bind)).isEqualTo(expectedBind);
    assertThat(expectedZeek).isNotEmpty();
    assertThat(expectedBind).isNotEmpty();
  }

  /** Every field of every hit, in order, and the pass's figures. */
  static List<String> hitsAndStats(
      java.util.function.Function<java.util.function.Consumer<Hit>, MatchStats> pass) {
    List<String> out = new ArrayList<>();
    MatchStats stats =
        pass.apply(
            h ->
                out.add(
                    h.line()
                        + " "
                        + h.time()
                        + " "
                        + h.client()
                        + " "
                        + h.indicator()
                        + " "
                        + h.field()));
    out.add(stats.toString());
    return out;
  }

  @Test
  void aLogSplitIntoBlocksForSeveralMatchersGivesTheHitsOfOneMatcherInTheSameOrder()
      throws Exception {
    indicators(500);
    List<String> squid = new ArrayList<>(squidLog(3000, true));
    squid.addAll(squidLog(3000, false));
    // bad lines, blank lines, CRLF and a line far longer than a block, among the good ones
    squid.add(1000, "not a squid line");
    squid.add(2000, "");
    squid.set(2500, squid.get(2500) + "\r");
    squid.add(4000, "x".repeat(LogMatcher.MAX_LINE + LogMatcher.BLOCK));
    List<String> zeek = new ArrayList<>(List.of("1.0\t10.0.0.1\tbefore any header"));
    String[] headers = {
      "#fields\tts\tid.orig_h\tid.resp_h\tquery\tanswers", "#fields\tquery\tts\tid.resp_h"
    };
    List<String> dns = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      if (i % 1700 == 0) {
        zeek.add("#separator \\x09");
        zeek.add(headers[(i / 1700) % 2]);
      }
      String host = POPULAR[rnd.nextInt(POPULAR.length)];
      if (!domains.isEmpty() && rnd.nextInt(3) == 0) {
        host = word() + "." + domains.get(rnd.nextInt(domains.size()));
      }
      String resp = ips.isEmpty() || rnd.nextBoolean() ? ipv4() : ips.get(rnd.nextInt(ips.size()));
      zeek.add(
          (i / 1700) % 2 == 0
              ? i
                  + ".5\t10.0.0."
                  + (i % 200)
                  + "\t"
                  + resp
                  + "\t"
                  + host
                  + "\t"
                  + resp
                  + ","
                  + ipv4()
              : host + "\t" + i + ".5\t" + resp);
      dns.add(
          "30-Nov-2026 07:00:00.000 client @0x7f01 10.0.0."
              + (i % 200)
              + "#5353 ("
              + host
              + "): query: "
              + host
              + " IN A +E(0)K (10.0.0.53)");
    }
    zeek.add("#close\t2026-11-30-08-00-00");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (List<String> log : List.of(squid, zeek, dns)) {
        byte[] bytes = (String.join("\n", log) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        java.util.function.Supplier<LogMatcher> make =
            () ->
                log == squid
                    ? new SquidMatcher(index)
                    : log == zeek ? new ZeekMatcher(index) : new DnsLogMatcher(index);
        for (int block : new int[] {333, 4096, LogMatcher.BLOCK}) {
          List<String> one =
              hitsAndStats(
                  sink -> {
                    try {
                      return make.get().match(new ByteArrayInputStream(bytes), sink, block);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          assertThat(one.size()).as("hits of one matcher").isGreaterThan(20);
          for (int n : new int[] {2, 3}) {
            List<LogMatcher> matchers = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              matchers.add(make.get());
            }
            List<String> split =
                hitsAndStats(
                    sink -> {
                      try {
                        return SplitMatch.match(
                            new ByteArrayInputStream(bytes), sink, matchers, pool, block);
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    });
            assertThat(split).as("block %d, %d matchers", block, n).isEqualTo(one);
          }
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The indicators as a list file: line {@code i + 1} holds indicator {@code i}, bare when {@link
   * Observables} detects its type (the byte reader's quick path reads most such lines), else typed
   * ({@code type value}, read as text).
   */
  byte[] listText() {
    StringBuilder list = new StringBuilder();
    for (String[] i : indicators) {
      ObservableType t = ObservableType.fromCode(i[1]).orElseThrow();
      boolean bare = Observables.detect(i[2]).map(t::equals).orElse(false);
      list.append(bare ? i[2] : i[1] + " " + i[2]).append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
    }
    return list.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anIndexReadFromAListFileIsTheSameAndMatchesAsTheReference() throws Exception {
    for (int round = 0; round < 2; round++) {
      ipv6Urls = round == 1;
      indicators(600, 3000);
      byte[] list = listText();
      IndicatorIndex.Builder b = IndicatorIndex.builder(16);
      IndicatorLists.Loaded loaded = IndicatorLists.read(list, list.length, "l.txt", b);
      IndicatorIndex fromList = b.build();
      assertThat(loaded.lines()).isEqualTo(indicators.size());
      assertThat(fromList.size()).isEqualTo(index.size());
      for (int i = 0; i < index.size(); i++) {
        assertThat(fromList.indicator(i)).isEqualTo(index.indicator(i));
      }
      index = fromList;
      for (boolean popular : new boolean[] {true, false}) {
        List<String> log = squidLog(4000, popular);
        List<String> expected = refSquid(log);
        assertThat(run(new SquidMatcher(index), log)).containsExactlyElementsOf(expected);
        assertThat(expected.stream().filter(h -> h.contains(" url "))).isNotEmpty();
      }
    }
  }
}

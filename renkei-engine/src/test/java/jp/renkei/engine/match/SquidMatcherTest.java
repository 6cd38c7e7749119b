package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.observable.ObservableType;
import org.junit.jupiter.api.Test;

class SquidMatcherTest {

  static final IndicatorIndex INDEX =
      IndicatorIndex.builder(16)
          .add("i-evil", ObservableType.DOMAIN, "evil.example")
          .add("i-c2", ObservableType.DOMAIN, "c2.bad.example")
          .add("i-ip", ObservableType.IPV4, "198.51.100.7")
          .add("i-net", ObservableType.CIDR, "203.0.113.0/24")
          .add("i-url", ObservableType.URL, "http://files.example/payload.exe")
          .build();

  static List<Hit> run(String log, MatchStats[] stats) throws Exception {
    List<Hit> hits = new ArrayList<>();
    stats[0] =
        new SquidMatcher(INDEX)
            .match(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), hits::add);
    return hits;
  }

  static String line(String client, String url, String peer) {
    return "1732252800.123    120 "
        + client
        + " TCP_MISS/200 5123 GET "
        + url
        + " - HIER_DIRECT/"
        + peer
        + " text/html\n";
  }

  @Test
  void matchesHostsTheirParentsPeersRangesAndUrls() throws Exception {
    String log =
        line("10.0.0.5", "http://www.EVIL.example/index.html", "192.0.2.10")
            + line("10.0.0.6", "http://notevil.example/", "192.0.2.11")
            + line("10.0.0.7", "https://x.c2.bad.example:8443/gate.php", "192.0.2.12")
            + line("10.0.0.8", "http://benign.example/", "198.51.100.7")
            + line("10.0.0.9", "http://203.0.113.99/", "203.0.113.99")
            + "1732252800.500      0 10.0.0.10 TCP_TUNNEL/200 0 CONNECT evil.example:443 - HIER_DIRECT/192.0.2.13 -\n"
            + line("10.0.0.11", "http://files.example/payload.exe", "192.0.2.14")
            + line("10.0.0.12", "http://bad.example/", "192.0.2.15");
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(log, stats);
    assertThat(hits)
        .extracting(h -> h.client() + " " + INDEX.indicator(h.indicator()).id() + " " + h.field())
        .containsExactly(
            "10.0.0.5 i-evil host",
            "10.0.0.7 i-c2 host",
            "10.0.0.8 i-ip peer",
            "10.0.0.9 i-net host",
            "10.0.0.9 i-net peer",
            "10.0.0.10 i-evil host",
            "10.0.0.11 i-url url");
    assertThat(hits.get(0).line()).isEqualTo(1);
    assertThat(hits.get(0).time()).isEqualTo("1732252800.123");
    assertThat(stats[0].lines()).isEqualTo(8);
    assertThat(stats[0].badLines()).isZero();
  }

  @Test
  void badLinesAreCountedWithTheirNumbersAndDoNotStopTheRun() throws Exception {
    String log =
        line("10.0.0.5", "http://evil.example/", "192.0.2.1")
            + "garbage without fields\n"
            + "\n"
            + line("10.0.0.6", "http://evil.example/", "192.0.2.1");
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(log, stats);
    assertThat(hits).hasSize(2);
    assertThat(stats[0].badLines()).isEqualTo(1);
    assertThat(stats[0].firstBadLines()).containsExactly(2L);
  }

  @Test
  void aLastLineWithoutNewlineAndCrlfLinesAreRead() throws Exception {
    String log =
        line("10.0.0.5", "http://evil.example/", "192.0.2.1").replace("\n", "\r\n")
            + line("10.0.0.6", "http://evil.example/", "192.0.2.1").strip();
    MatchStats[] stats = new MatchStats[1];
    assertThat(run(log, stats)).hasSize(2);
  }

  @Test
  void linesAcrossBlockBoundariesAreNotBroken() throws Exception {
    StringBuilder sb = new StringBuilder();
    int n = 40_000; // > 1 MiB of log
    for (int i = 0; i < n; i++) {
      sb.append(
          line(
              "10.0." + (i % 250) + ".1",
              i % 1000 == 0 ? "http://evil.example/" : "http://ok" + i + ".example/",
              "192.0.2.1"));
    }
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(sb.toString(), stats);
    assertThat(stats[0].lines()).isEqualTo(n);
    assertThat(stats[0].bytes()).isGreaterThan(SquidMatcher.BLOCK);
    assertThat(hits).hasSize(n / 1000);
  }

  @Test
  void longestPrefixWinsAndIpv6RangesMatch() {
    IndicatorIndex idx =
        IndicatorIndex.builder(4)
            .add("wide", ObservableType.CIDR, "10.0.0.0/8")
            .add("narrow", ObservableType.CIDR, "10.1.2.0/24")
            .add("v6", ObservableType.CIDR, "2001:db8:abcd::/48")
            .build();
    assertThat(idx.indicator(idx.matchIpv4(IndicatorIndex.Builder.ipv4Int("10.1.2.3"))).id())
        .isEqualTo("narrow");
    assertThat(idx.indicator(idx.matchIpv4(IndicatorIndex.Builder.ipv4Int("10.9.9.9"))).id())
        .isEqualTo("wide");
    assertThat(idx.matchIpv4(IndicatorIndex.Builder.ipv4Int("11.0.0.1"))).isEqualTo(-1);
    assertThat(idx.matchExact("ipv6-addr", "2001:db8:abcd:12::1")).isEqualTo(2);
    assertThat(idx.matchExact("ipv6-addr", "2001:db8:abce::1")).isEqualTo(-1);
  }

  @Test
  void aReplacedIndexTakesOverAtTheNextLineAndHitsResolveAgainstTheirOwnIndex() {
    // a follower refreshing its indicators from the hub: the old index has no URLs, the new one
    // drops evil.example and adds a URL (so the URL check must switch on)
    IndicatorIndex before =
        IndicatorIndex.builder(4).add("i-old", ObservableType.DOMAIN, "evil.example").build();
    IndicatorIndex after =
        IndicatorIndex.builder(4)
            .add("i-new", ObservableType.DOMAIN, "fresh.example")
            .add("i-url", ObservableType.URL, "http://files.example/payload.exe")
            .build();
    SquidMatcher m = new SquidMatcher(before);
    MatchSummary summary = new MatchSummary();
    List<String> seen = new ArrayList<>();
    java.util.function.Consumer<Hit> sink =
        h -> {
          Indicator i = m.index().indicator(h.indicator());
          summary.add(h, i);
          seen.add(i.id());
        };
    byte[] evil = line("10.0.0.5", "http://evil.example/", "192.0.2.1").getBytes();
    byte[] fresh = line("10.0.0.6", "http://fresh.example/", "192.0.2.1").getBytes();
    byte[] url = line("10.0.0.7", "http://files.example/payload.exe", "192.0.2.1").getBytes();
    assertThat(m.matchLine(evil, 1, sink)).isEqualTo(1);
    assertThat(m.matchLine(fresh, 2, sink)).isZero();
    m.replaceIndex(after);
    assertThat(m.matchLine(evil, 3, sink)).isZero();
    assertThat(m.matchLine(fresh, 4, sink)).isEqualTo(1);
    assertThat(m.matchLine(url, 5, sink)).isEqualTo(1);
    assertThat(m.index()).isSameAs(after);
    assertThat(seen).containsExactly("i-old", "i-new", "i-url");
    assertThat(summary.byIndicatorId())
        .extracting(MatchSummary.Row::key)
        .containsExactlyInAnyOrder("i-old", "i-new", "i-url");
  }

  @Test
  void issue18Ipv6PeerInRangeAndBracketedUrlHostHit() throws Exception {
    IndicatorIndex index =
        IndicatorIndex.builder(4)
            .add("v6-ip", ObservableType.IPV6, "2001:db8:bad::1")
            .add("v6-net", ObservableType.CIDR, "2001:db8:bad:1::/64")
            .build();
    String log =
        "1732252803.100     10 2001:db8:bad::1 TCP_MISS/200 100 GET http://x.example/a -"
            + " HIER_DIRECT/2001:db8:bad:1::5 text/html\n"
            + "1732252803.100     10 10.0.0.8 TCP_MISS/200 100 GET http://[2001:db8:bad::1]/a -"
            + " HIER_DIRECT/192.0.2.1 text/html\n"
            + line("10.0.0.9", "http://[2001:DB8:BAD:0:0:0:0:1]:8080/a", "2001:db8:bad:2::5")
            + line("10.0.0.10", "http://[2001:db8:bad::2]/a", "2001:0db8:0bad:0001:0:0:0:ff");
    List<Hit> hits = new ArrayList<>();
    new SquidMatcher(index)
        .match(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), hits::add);
    assertThat(hits)
        .extracting(h -> h.line() + " " + index.indicator(h.indicator()).id() + " " + h.field())
        .containsExactly("1 v6-net peer", "2 v6-ip host", "3 v6-ip host", "4 v6-net peer");
  }

  @Test
  void userInfoInAUrlIsSkippedToItsHostButAnAtInThePathOrQueryIsNot() throws Exception {
    String log =
        line("10.0.0.1", "http://u@evil.example/", "192.0.2.1")
            + line("10.0.0.2", "https://u:p@www.evil.example:8443/x", "192.0.2.1")
            + line("10.0.0.3", "http://a@b@203.0.113.5/", "192.0.2.1")
            + line("10.0.0.4", "http://evil.example@benign.example/", "192.0.2.1")
            + line("10.0.0.5", "http://benign.example/@evil.example", "192.0.2.1")
            + line("10.0.0.6", "http://benign.example?to=u@evil.example", "192.0.2.1")
            + line("10.0.0.7", "http://benign.example#@evil.example", "192.0.2.1")
            // a ':' before the '@' is the password's, not the port's: the host comes after both
            + line("10.0.0.8", "http://evil.example:pw@benign.example:81/", "192.0.2.1")
            + line(
                "10.0.0.9", "http://u:evil.example@www.evil.example:x@benign.example/", "192.0.2.1")
            + line("10.0.0.10", "http://x:1@y:2@www.evil.example:3/", "192.0.2.1");
    MatchStats[] stats = new MatchStats[1];
    List<Hit> hits = run(log, stats);
    assertThat(hits)
        .extracting(h -> h.client() + " " + INDEX.indicator(h.indicator()).id() + " " + h.field())
        .containsExactly(
            "10.0.0.1 i-evil host",
            "10.0.0.2 i-evil host",
            "10.0.0.3 i-net host",
            "10.0.0.10 i-evil host");
    assertThat(stats[0].badLines()).isZero();
  }

  /**
   * A URL is ruled out by its host's hash only when its host carries no URL indicator: every way
   * the host's hash is come by (a fresh domain lookup, one stopped early at a listed parent, the
   * host cache on a host seen before, an IPv4 host) and every way a host is written (case, final
   * dot, port) still finds the URL, each line checked against the string path.
   */
  @Test
  void theUrlHostShortcutNeverHidesAListedUrl() throws Exception {
    IndicatorIndex index =
        IndicatorIndex.builder(8)
            .add("u-files", ObservableType.URL, "http://files.example/payload.exe")
            .add("u-sub", ObservableType.URL, "http://a.bad.example/gate.php")
            .add("u-ip", ObservableType.URL, "http://192.0.2.7/x.bin")
            .add("d-bad", ObservableType.DOMAIN, "bad.example")
            .build();
    String[] urls = {
      "http://files.example/other", // the host seen first without the listed path: now cached
      "http://files.example/payload.exe",
      "http://FILES.Example/payload.exe",
      "http://files.example./payload.exe",
      "http://files.example:80/payload.exe",
      "https://files.example/payload.exe",
      "http://a.bad.example/gate.php", // the domain lookup stops at bad.example
      "http://A.BAD.EXAMPLE./gate.php",
      "http://192.0.2.7/x.bin",
      "http://192.0.2.7/x.bin",
      "http://notfiles.example/payload.exe",
      "http://files.example.evil/payload.exe",
      "http://files[.]example/payload.exe",
      "hxxp://files.example/payload.exe",
    };
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < urls.length; i++) {
      log.append(line("10.0.0." + i, urls[i], "192.0.2.1"));
    }
    List<Hit> hits = new ArrayList<>();
    new SquidMatcher(index)
        .match(
            new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), hits::add);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < urls.length; i++) {
      String host = urls[i].replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*", "");
      if (host.toLowerCase(java.util.Locale.ROOT)
          .replaceFirst("\\.$", "")
          .endsWith("bad.example")) {
        expected.add("10.0.0." + i + " d-bad host");
      }
      int u = index.matchUrl(urls[i]);
      if (u >= 0) {
        expected.add("10.0.0." + i + " " + index.indicator(u).id() + " url");
      }
    }
    assertThat(hits)
        .extracting(h -> h.client() + " " + index.indicator(h.indicator()).id() + " " + h.field())
        .containsExactlyElementsOf(expected);
    // the string path finds most spellings listed (so the comparison above is not vacuous)
    assertThat(expected.stream().filter(e -> e.endsWith(" url"))).hasSizeGreaterThanOrEqualTo(9);
  }

  /**
   * The host cache is skipped while it finds almost nothing (a log spread over more hosts than it
   * holds) and tried again later: listed hosts, parents and URLs are found the same in every phase,
   * on names seen before and not, each line checked against the string path.
   */
  @Test
  void everyHitIsFoundWhileTheHostCacheIsSkippedAndAfter() throws Exception {
    IndicatorIndex index =
        IndicatorIndex.builder(8)
            .add("u-files", ObservableType.URL, "http://files.example/payload.exe")
            .add("d-bad", ObservableType.DOMAIN, "bad.example")
            .build();
    // the first 4,096 lookups find too little: the next 65,536 skip the cache; the 4,096 after
    // those use it again (and judge it again: it is skipped once more to the end)
    int lines = HostCache.JUDGE_EVERY + HostCache.SKIP + 3 * HostCache.JUDGE_EVERY;
    String[] urls = {
      "http://files.example/payload.exe",
      "http://Files.Example/other",
      "http://c2.BAD.example/gate.php",
      "http://files.example./payload.exe",
      "http://bad.example.not/x",
    };
    StringBuilder log = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      String url =
          i % 997 < urls.length // one line in 200 on a popular host: too few to keep the cache on
              ? urls[i % 997]
              : "http://h" + i + ".spread.example/p" + i;
      log.append(line("10.1." + (i >>> 8 & 255) + "." + (i & 255), url, "192.0.2.1"));
      String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*", "");
      if (host.toLowerCase(java.util.Locale.ROOT)
          .replaceFirst("\\.$", "")
          .endsWith("bad.example")) {
        expected.add(i + 1 + " d-bad host");
      }
      int u = index.matchUrl(url);
      if (u >= 0) {
        expected.add(i + 1 + " " + index.indicator(u).id() + " url");
      }
    }
    List<Hit> hits = new ArrayList<>();
    new SquidMatcher(index)
        .match(
            new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), hits::add);
    assertThat(hits)
        .extracting(h -> h.line() + " " + index.indicator(h.indicator()).id() + " " + h.field())
        .containsExactlyElementsOf(expected);
    // hits in each phase (one host lookup per line): used, skipped, used again, skipped again
    int used = HostCache.JUDGE_EVERY;
    int skipped = used + HostCache.SKIP;
    int usedAgain = skipped + HostCache.JUDGE_EVERY;
    assertThat(hits.stream().mapToLong(Hit::line))
        .anyMatch(n -> n < used)
        .anyMatch(n -> n > used && n < skipped)
        .anyMatch(n -> n > skipped && n < usedAgain)
        .anyMatch(n -> n > usedAgain);
  }

  /**
   * A cached host keeps whether it is a URL indicator's host (and the hash the URL filter reads it
   * by), so its URLs have only their paths checked: every URL on popular hosts, in any case, with a
   * final dot, a port, escapes, a query or a trailing slash, on two names sharing one cache slot in
   * turn, and across an index replaced mid-log, hits exactly where the string path says it does.
   */
  @Test
  void urlsOnCachedHostsHitExactlyWhereTheStringPathSays() {
    // two URL hosts in one slot of the host cache, so each keeps the other out in turn
    HostCache probe = new HostCache();
    byte[] www = "www.popular.example".getBytes(StandardCharsets.US_ASCII);
    int wanted = probe.slot(www, 0, www.length);
    String twin = null;
    for (int i = 0; twin == null; i++) {
      byte[] n = ("t" + i + ".quiet.example").getBytes(StandardCharsets.US_ASCII);
      if (probe.slot(n, 0, n.length) == wanted) {
        twin = "t" + i + ".quiet.example";
      }
    }
    IndicatorIndex first =
        IndicatorIndex.builder(16)
            .add("u-twin", ObservableType.URL, "http://" + twin + "/only")
            .add("u-long", ObservableType.URL, "https://www.popular.example/news/media/300629.js")
            .add("u-short", ObservableType.URL, "http://www.popular.example/a")
            .add("u-query", ObservableType.URL, "https://cdn.popular.example/x?id=7&k=%7Euser")
            .add("u-port", ObservableType.URL, "http://cdn.popular.example:8080/gate/")
            .add("d-cdn", ObservableType.DOMAIN, "cdn.popular.example")
            .build();
    IndicatorIndex second =
        IndicatorIndex.builder(16)
            .add("u-other", ObservableType.URL, "http://other.example/a")
            .add("u-short2", ObservableType.URL, "http://www.popular.example/b")
            .build();
    String[] hosts = {
      twin,
      "www.popular.example",
      "WWW.Popular.Example",
      "www.popular.example.",
      "cdn.popular.example",
      "cdn.popular.example:8080",
      "www.popular.example:443",
      twin,
      "other.example",
    };
    String[] paths = {
      "/news/media/300629.js",
      "/news/media/300629.js?x=1",
      "/news/media/300629.jsx",
      "/news/media/300629",
      "/a",
      "/a/",
      "/A",
      "/b",
      "/x?id=7&k=%7Euser",
      "/x?id=7&k=~user",
      "/x?id=7&k=%7euser",
      "/gate",
      "/gate/",
      "",
      "/",
      "?q",
      "/only",
    };
    String[] schemes = {"http://", "https://", "HTTP://"};
    SquidMatcher m = new SquidMatcher(first);
    List<String> seen = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    long lineNo = 0;
    for (int round = 0; round < 40; round++) {
      IndicatorIndex index = round < 20 ? first : second;
      if (round == 20) {
        m.replaceIndex(second);
      }
      for (String host : hosts) {
        for (String path : paths) {
          String url = schemes[round % schemes.length] + host + path;
          lineNo++;
          byte[] line = line("10.0.0.9", url, "192.0.2.1").getBytes(StandardCharsets.US_ASCII);
          long n = lineNo;
          m.matchLine(
              line,
              n,
              h -> {
                if (h.field().equals("url")) {
                  seen.add(n + " " + m.index().indicator(h.indicator()).id());
                }
              });
          int u = index.matchUrl(url);
          if (u >= 0) {
            expected.add(n + " " + index.indicator(u).id());
          }
        }
      }
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(expected)
        .anyMatch(e -> e.endsWith(" u-long"))
        .anyMatch(e -> e.endsWith(" u-short"))
        .anyMatch(e -> e.endsWith(" u-query"))
        .anyMatch(e -> e.endsWith(" u-port"))
        .anyMatch(e -> e.endsWith(" u-twin"))
        .anyMatch(e -> e.endsWith(" u-other"))
        .anyMatch(e -> e.endsWith(" u-short2"));
  }

  /** The cache's own judgement: off after a run of misses, on again after its skip, on when hit. */
  @Test
  void theHostCacheIsSkippedOnlyAfterARunOfMissesAndThenTriedAgain() {
    HostCache cache = new HostCache();
    byte[] name = "popular.example".getBytes(StandardCharsets.US_ASCII);
    int slot = cache.slot(name, 0, name.length);
    cache.keep(slot, name, 0, name.length, -1, true, 42);
    for (int i = 0; i < 10 * HostCache.JUDGE_EVERY; i++) {
      assertThat(cache.use()).isTrue();
      cache.value(slot); // every lookup found: never skipped
    }
    int used = 0;
    for (int i = 0; i < HostCache.JUDGE_EVERY + HostCache.SKIP; i++) {
      used += cache.use() ? 1 : 0; // nothing found
    }
    assertThat(used).isEqualTo(HostCache.JUDGE_EVERY);
    assertThat(cache.use()).isTrue(); // tried again
    assertThat(cache.holds(slot, name, 0, name.length)).isTrue(); // and still holds its names
  }

  @Test
  void aUrlIndicatorHitsWithOrWithoutUserInfoOnEitherSide() throws Exception {
    IndicatorIndex index =
        IndicatorIndex.builder(8)
            .add("plain", ObservableType.URL, "http://files.example/payload.exe")
            .add("with-user", ObservableType.URL, "https://u:p@login.example/verify?s=1")
            // the same URL once its user info is dropped: the first listed stays
            .add("same", ObservableType.URL, "http://other@files.example/payload.exe")
            .build();
    String log =
        line("10.0.0.1", "http://u:p@files.example/payload.exe", "192.0.2.1")
            + line("10.0.0.2", "http://admin@FILES.example:80/payload.exe", "192.0.2.1")
            + line("10.0.0.3", "http://@files.example/payload.exe", "192.0.2.1")
            + line("10.0.0.4", "https://login.example/verify?s=1", "192.0.2.1")
            + line("10.0.0.5", "https://x:y@login.example/verify?s=1", "192.0.2.1")
            + line("10.0.0.6", "http://files.example/payload.exe@u", "192.0.2.1")
            + line("10.0.0.7", "http://files.example@benign.example/payload.exe", "192.0.2.1");
    List<Hit> hits = new ArrayList<>();
    new SquidMatcher(index)
        .match(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), hits::add);
    assertThat(hits)
        .extracting(h -> h.client() + " " + index.indicator(h.indicator()).id() + " " + h.field())
        .containsExactly(
            "10.0.0.1 plain url",
            "10.0.0.2 plain url",
            "10.0.0.3 plain url",
            "10.0.0.4 with-user url",
            "10.0.0.5 with-user url");
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.indicator(hits.get(3).indicator()).value())
        .isEqualTo("https://login.example/verify?s=1");
    assertThat(index.matchExact("url", "http://a:b@files.example/payload.exe")).isEqualTo(0);
  }

  @Test
  void overlappingIpv6RangesAnswerTheLongestPrefixWhateverTheOrderGivenAsIpv4Does() {
    for (boolean wideFirst : new boolean[] {true, false}) {
      IndicatorIndex.Builder b = IndicatorIndex.builder(8);
      if (wideFirst) {
        b.add("v6-32", ObservableType.CIDR, "2001:db8::/32")
            .add("v6-64", ObservableType.CIDR, "2001:db8:1:2::/64")
            .add("v4-8", ObservableType.CIDR, "10.0.0.0/8")
            .add("v4-24", ObservableType.CIDR, "10.1.2.0/24");
      } else {
        b.add("v6-64", ObservableType.CIDR, "2001:db8:1:2::/64")
            .add("v6-32", ObservableType.CIDR, "2001:db8::/32")
            .add("v4-24", ObservableType.CIDR, "10.1.2.0/24")
            .add("v4-8", ObservableType.CIDR, "10.0.0.0/8");
      }
      IndicatorIndex idx =
          b.add("v6-exact", ObservableType.IPV6, "2001:db8:1:2::7")
              .add("v6-64-again", ObservableType.CIDR, "2001:db8:1:2::/64")
              .build();
      java.util.function.Function<String, String> v6 =
          a -> {
            byte[] t = a.getBytes(StandardCharsets.US_ASCII);
            int n = idx.matchIpv6(t, 0, t.length);
            return n < 0 ? null : idx.indicator(n).id();
          };
      assertThat(v6.apply("2001:db8:1:2::5")).isEqualTo("v6-64");
      assertThat(v6.apply("2001:db8:1:3::5")).isEqualTo("v6-32");
      assertThat(v6.apply("2001:db8:1:2::7")).isEqualTo("v6-exact");
      assertThat(v6.apply("2001:db9::1")).isNull();
      assertThat(idx.indicator(idx.matchIpv4(IndicatorIndex.Builder.ipv4Int("10.1.2.3"))).id())
          .isEqualTo("v4-24");
      assertThat(idx.indicator(idx.matchIpv4(IndicatorIndex.Builder.ipv4Int("10.1.3.3"))).id())
          .isEqualTo("v4-8");
    }
  }
}

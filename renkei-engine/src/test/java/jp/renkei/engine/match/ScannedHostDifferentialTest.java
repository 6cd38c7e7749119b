package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import jp.renkei.engine.observable.ObservableType;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, match18: a Squid URL's host is hashed in the pass that finds where it ends, and looked
 * up by that hash ({@link DomainTable#matchScanned}) with only the suffixes some key's shape (dots,
 * length) allows. Every host must hit exactly what the lookup by name ({@link
 * DomainTable#matchHost}, the code before) finds: hundreds of thousands of random hosts of labels
 * that nest into each other, in any case, with final dots, empty labels, IDN bytes and punycode,
 * more dots than a scan keeps, over 255 bytes, user info, ports, addresses and IPv6 literals.
 */
class ScannedHostDifferentialTest {

  static final String[] LABELS = {
    "a",
    "b",
    "co",
    "jp",
    "com",
    "evil",
    "www",
    "c2",
    "x-y",
    "xn--80ak6aa92e",
    "xn--wgv71a",
    "0",
    "1",
    "10",
    "255",
    "256",
    "ab",
    "abc",
    "login",
    "zz"
  };

  static final String LONG =
      "x".repeat(60) + "." + "y".repeat(60) + "." + "z".repeat(60) + "." + "w".repeat(60) + ".jp";

  final Random rnd = new Random(1818);

  String label() {
    return LABELS[rnd.nextInt(LABELS.length)];
  }

  String name(int labels) {
    StringBuilder s = new StringBuilder(label());
    for (int i = 1; i < labels; i++) {
      s.append('.').append(label());
    }
    return s.toString();
  }

  /** A host as a proxy may write it: any case, final dot, empty labels, raw UTF-8, long names. */
  String host() {
    String h =
        switch (rnd.nextInt(12)) {
          case 0 -> name(1);
          case 1 -> name(17 + rnd.nextInt(6)); // more dots than a scan keeps
          case 2 -> name(2) + "." + "q".repeat(250 + rnd.nextInt(10)) + "." + name(2); // > 255
          case 3 -> rnd.nextInt(256) + "." + rnd.nextInt(4) + "." + rnd.nextInt(4) + ".7";
          case 4 -> name(1 + rnd.nextInt(3)) + ".." + name(1 + rnd.nextInt(2));
          case 5 -> "." + name(1 + rnd.nextInt(3));
          case 6 -> name(1 + rnd.nextInt(2)) + ".\u3042\u3044." + name(2); // UTF-8 bytes
          default -> name(1 + rnd.nextInt(5));
        };
    if (rnd.nextInt(3) == 0) {
      StringBuilder m = new StringBuilder();
      for (char c : h.toCharArray()) {
        m.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
      }
      h = m.toString();
    }
    if (rnd.nextInt(8) == 0) {
      h += ".";
    }
    return h;
  }

  /** The URL field of a Squid line for the host: schemes, user info, ports, CONNECT, IPv6. */
  String url(String host) {
    return switch (rnd.nextInt(9)) {
      case 0 -> host + ":443"; // CONNECT
      case 1 -> "http://user:pw@" + host + "/x";
      case 2 -> "http://a@b@" + host + ":8080/x?q=@y";
      case 3 -> "https://" + host + ":8443";
      case 4 -> "http://[2001:db8::" + rnd.nextInt(3) + "]:8080/x";
      case 5 -> "ftp://" + host + "?q=" + host;
      case 6 -> "http://" + host + "#frag";
      default -> "http://" + host + "/p/" + label();
    };
  }

  @Test
  void everyUrlHostHitsWhatTheLookupByNameFinds() throws Exception {
    IndicatorIndex.Builder builder = IndicatorIndex.builder(4096);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String d =
          switch (i % 10) {
            case 0 -> name(1); // a single label: "com" listed
            case 1 -> name(8 + rnd.nextInt(12)); // many dots
            default -> name(1 + rnd.nextInt(4));
          };
      if (d.substring(d.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
        d += ".zz"; // a list's last label is not all digits
      }
      builder.add("d" + i, ObservableType.DOMAIN, d);
      ids.add(d);
    }
    for (int i = 0; i < 300; i++) {
      builder.add(
          "v4-" + i,
          ObservableType.IPV4,
          rnd.nextInt(256) + "." + rnd.nextInt(4) + "." + rnd.nextInt(4) + ".7");
    }
    builder.add("v6", ObservableType.IPV6, "2001:db8::1");
    IndicatorIndex index = builder.build();
    assertThat(index.domains.size()).isGreaterThan(1000);

    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    String burst = host();
    for (int n = 1; n <= 300_000; n++) {
      // runs of one host (the host cache answers them) between runs of new ones (it is skipped)
      // (a label of its own before most new hosts, so that the cache is skipped there)
      String h =
          (n / 20_000) % 2 == 0 || rnd.nextInt(4) == 0
              ? (rnd.nextInt(5) == 0 ? "" : "n" + rnd.nextInt(1_000_000) + ".") + host()
              : burst;
      if (rnd.nextInt(50) == 0) {
        burst = host();
      }
      String url = url(h);
      lines.add(
          "1732252800.123    120 10.0.0.1 TCP_MISS/200 5123 GET "
              + url
              + " - HIER_DIRECT/0.0.0.1 text/html");
      int want = byName(index, url);
      if (want >= 0) {
        expected.add(n + " " + index.indicator(want).id());
      }
    }
    byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    List<String> got = new ArrayList<>();
    new SquidMatcher(index)
        .match(
            new ByteArrayInputStream(log),
            hit -> {
              if (hit.field().equals("host")) {
                got.add(hit.line() + " " + index.indicator(hit.indicator()).id());
              }
            });
    sameHits(got, expected);
    assertThat(expected.size()).isGreaterThan(30_000); // many hits, and...
    assertThat(expected.size()).isLessThan(290_000); // ...many misses
    assertThat(expected).anyMatch(e -> e.endsWith(" v6"));
    assertThat(expected).anyMatch(e -> e.contains(" v4-"));
  }

  /** The first hit that differs, said briefly (a whole-list diff of 10^5 hits takes minutes). */
  static void sameHits(List<String> got, List<String> expected) {
    for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
      assertThat(got.get(i)).as("hit %d (line, indicator)", i).isEqualTo(expected.get(i));
    }
    assertThat(got.size()).as("hits").isEqualTo(expected.size());
  }

  /**
   * The reference: the URL's host read with strings (as {@code MatchDifferentialTest} reads it),
   * then looked up as {@code LogMatcher.host} did before: a final dot dropped, an address, an IPv6
   * address, or {@link DomainTable#matchHost} of the name's bytes.
   */
  static int byName(IndicatorIndex index, String url) {
    String rest =
        url.contains("://") && url.indexOf(':') == url.indexOf("://")
            ? url.substring(url.indexOf("://") + 3)
            : url;
    String authority = rest.split("[/?#]", 2)[0];
    rest = rest.substring(authority.lastIndexOf('@') + 1);
    String h =
        rest.startsWith("[") && rest.indexOf(']') > 1
            ? rest.substring(1, rest.indexOf(']'))
            : rest.split("[/:?#]", 2)[0];
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      return -1;
    }
    byte[] b = h.getBytes(StandardCharsets.UTF_8);
    boolean[] ok = new boolean[1];
    int ip = Ipv4Table.parse(b, 0, b.length, ok);
    if (ok[0]) {
      return index.matchIpv4(ip);
    }
    if (h.indexOf(':') >= 0) {
      return index.matchIpv6(b, 0, b.length, new long[2]);
    }
    return index.domains.matchHost(b, 0, b.length);
  }

  @Test
  void aSuffixHashMadeFromTheWholeNamesHashIsTheSuffixsOwnHash() {
    for (int i = 0; i < 100_000; i++) {
      byte[] b = host().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      int raw = 0;
      int pow = 1;
      for (byte c : b) {
        raw += c * pow;
        pow *= 31;
      }
      assertThat(DomainTable.finish(raw)).isEqualTo(DomainTable.hash(b, 0, b.length));
      int pre = 0;
      pow = 1;
      for (int k = 0; k < b.length; k++) {
        pre += b[k] * pow;
        pow *= 31;
        int suffix = (raw - pre) * DomainTable.inverse(pow);
        assertThat(DomainTable.finish(suffix)).isEqualTo(DomainTable.hash(b, k + 1, b.length));
      }
    }
    for (int i = 0; i < 100_000; i++) {
      int odd = rnd.nextInt() | 1;
      assertThat(odd * DomainTable.inverse(odd)).isEqualTo(1);
    }
  }

  @Test
  void aHostOfNoKeysShapeIsNotProbedButEveryListedShapeIs() throws Exception {
    // "com" (no dot, 3 bytes) and "b.co.jp" listed; "co.jp" (1 dot, 5 bytes) is no key's shape;
    // a name of 247 bytes
    IndicatorIndex index =
        IndicatorIndex.builder(16)
            .add("tld", ObservableType.DOMAIN, "com")
            .add("deep", ObservableType.DOMAIN, "b.co.jp")
            .add("long", ObservableType.DOMAIN, LONG)
            .build();
    String log =
        "1 0 10.0.0.1 TCP_MISS/200 1 GET http://WWW.Example.COM/ - HIER_DIRECT/0.0.0.1 -\n"
            + "1 0 10.0.0.2 TCP_MISS/200 1 GET http://a.B.co.jp./ - HIER_DIRECT/0.0.0.1 -\n"
            + "1 0 10.0.0.3 TCP_MISS/200 1 GET http://co.jp/ - HIER_DIRECT/0.0.0.1 -\n"
            + "1 0 10.0.0.4 TCP_MISS/200 1 CONNECT a."
            + LONG.toUpperCase(Locale.ROOT)
            + ":443 - HIER_DIRECT/0.0.0.1 -\n";
    List<String> got = new ArrayList<>();
    new SquidMatcher(index)
        .match(
            new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
            h -> got.add(h.client() + " " + index.indicator(h.indicator()).id()));
    assertThat(got).containsExactly("10.0.0.1 tld", "10.0.0.2 deep", "10.0.0.4 long");
  }
}

package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import jp.renkei.engine.observable.ObservableType;
import org.junit.jupiter.api.Test;

/** The byte-level IPv6 reader and filter against the JDK's reading and the exact path. */
class Ipv6FilterTest {

  /** The JDK's 128 bits of a literal (an IPv4-mapped one as IPv6), or null if it rejects it. */
  static long[] jdk(String text) {
    try {
      return IndicatorIndex.Builder.ipv6(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String plainForm(Random rnd) {
    int[] g = new int[8];
    for (int k = 0; k < 8; k++) {
      g[k] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3) == 0 ? rnd.nextInt(16) : rnd.nextInt(65536);
    }
    if (rnd.nextInt(6) == 0) { // IPv4-mapped, written in hex
      g = new int[] {0, 0, 0, 0, 0, 0xffff, rnd.nextInt(65536), rnd.nextInt(65536)};
    }
    int gapFrom = rnd.nextBoolean() ? rnd.nextInt(8) : -1;
    int gapTo = gapFrom < 0 ? -1 : gapFrom + 1 + rnd.nextInt(8 - gapFrom);
    StringBuilder t = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k >= gapFrom && k < gapTo) {
        if (k == gapFrom) {
          t.append("::");
        }
        continue;
      }
      if (t.length() > 0 && t.charAt(t.length() - 1) != ':') {
        t.append(':');
      }
      String h = Integer.toHexString(g[k]);
      if (rnd.nextInt(5) == 0) {
        h = "000".substring(0, Math.min(3, 4 - h.length())) + h; // leading zeros
      }
      t.append(rnd.nextInt(4) == 0 ? h.toUpperCase(java.util.Locale.ROOT) : h);
    }
    return t.toString();
  }

  @Test
  void plainFormsAreReadAsTheJdkReadsThemAndNothingElseIsReadAtAll() {
    Random rnd = new Random(29);
    long[] out = new long[2];
    int read = 0;
    for (int n = 0; n < 50_000; n++) {
      String t;
      if (n % 2 == 0) {
        t = plainForm(rnd);
      } else { // junk of the characters an address is written with
        StringBuilder j = new StringBuilder();
        String alphabet = "0123456789abcdefABCDEF::::..%[]";
        for (int k = 1 + rnd.nextInt(24); k > 0; k--) {
          j.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        t = j.toString();
      }
      byte[] b = ("::" + t + "1:").getBytes(StandardCharsets.ISO_8859_1);
      boolean ok = Ipv6Filter.parse(b, 2, b.length - 2, out);
      // without a ':' the JDK takes a text for a host name and asks DNS (a hang on a machine
      // without one); such a text is no IPv6 literal, and the filter must not read it either
      long[] expected = t.indexOf(':') < 0 ? null : jdk(t);
      if (ok) {
        read++;
        assertThat(expected).as(t).isNotNull();
        assertThat(out).as(t).containsExactly(expected[0], expected[1]);
      } else {
        assertThat(n % 2).as("a plain form not read: %s", t).isEqualTo(1);
      }
    }
    assertThat(read).isGreaterThan(20_000);
  }

  @Test
  void theFilterRulesOutOnlyAddressesThatHitNothing() throws Exception {
    Random rnd = new Random(31);
    IndicatorIndex.Builder builder = IndicatorIndex.builder(64);
    for (int k = 0; k < 300; k++) {
      builder.add("six-" + k, ObservableType.IPV6, "2001:db8::" + Integer.toHexString(k * 7));
    }
    builder.add("mapped", ObservableType.IPV6, "::ffff:192.0.2.9");
    builder.add("zero", ObservableType.IPV6, "::");
    builder.add("range", ObservableType.CIDR, "2001:db8:77::/48");
    builder.add("four", ObservableType.IPV4, "192.0.2.10");
    IndicatorIndex index = builder.build();
    String[] fixed = {
      "::ffff:c000:209",
      "::ffff:192.0.2.9",
      "::FFFF:C000:0209",
      "0:0:0:0:0:0:0:0",
      "::",
      "2001:db8:77:1::5",
      "2001:DB8:0077:ffff:1:2:3:4",
      "2001:db8:78::1",
      "::ffff:c000:20a",
      "2001:0db8:0000:0000:0000:0000:0000:0007",
      "2001:db8::7%eth0",
      "2001:db8::7:",
    };
    for (String t : fixed) {
      check(index, t);
    }
    for (int n = 0; n < 20_000; n++) {
      String t =
          switch (rnd.nextInt(3)) {
            case 0 -> "2001:db8::" + Integer.toHexString(rnd.nextInt(2400));
            case 1 -> "2001:db8:77:" + Integer.toHexString(rnd.nextInt(3)) + "::1";
            default -> plainForm(rnd);
          };
      check(index, t);
    }
  }

  /** matchIpv6 answers as normalising the text and looking it up exactly (the old path). */
  private static void check(IndicatorIndex index, String t) {
    byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
    int expected;
    try {
      String normal = jp.renkei.engine.observable.Observables.parse(ObservableType.IPV6, t).value();
      expected = index.matchExact(ObservableType.IPV6.code(), normal);
    } catch (IllegalArgumentException e) {
      expected = -1;
    }
    assertThat(index.matchIpv6(b, 0, b.length)).as(t).isEqualTo(expected);
  }
}

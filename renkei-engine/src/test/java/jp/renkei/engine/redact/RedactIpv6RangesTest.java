package jp.renkei.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reporter's IPv6 ranges: every way an address inside them is written in a report goes, and
 * nothing else does. An operator whose mail and web servers are on IPv6 could not register those
 * ranges until session 41, so its own addresses went into every anonymised copy.
 */
class RedactIpv6RangesTest {

  static final Identity OWN =
      new Identity(
          List.of("さくら架空銀行"),
          List.of("sakura-bank.example"),
          List.of(),
          List.of(),
          List.of("192.0.2.0/24", "2001:db8:1::/48", "2001:db8:ff::7/128"));

  final Redactor redactor = new Redactor(OWN, RedactorTest.JA);

  private String redacted(String text) {
    return redactor.redact(text).text();
  }

  @Test
  void removesAnAddressInsideInEveryForm() {
    assertThat(redacted("送信元 2001:db8:1::25 から")).isEqualTo("送信元 〔IP〕 から");
    assertThat(redacted("2001:DB8:1:0:0:0:0:25 were blocked")).isEqualTo("〔IP〕 were blocked");
    assertThat(redacted("2001:0db8:0001:0000:0000:0000:0000:0025")).isEqualTo("〔IP〕");
    // full-width, as typed in a Japanese form
    assertThat(redacted("送信元：２００１：ｄｂ８：１：：２５")).isEqualTo("送信元：〔IP〕");
    // run on into Japanese text without spaces
    assertThat(redacted("送信元2001:db8:1::25から不審な通信")).isEqualTo("送信元〔IP〕から不審な通信");
    // a label's colon, a sentence's full stop
    assertThat(redacted("IP:2001:db8:1::25.")).isEqualTo("IP:〔IP〕.");
    assertThat(redacted("src=2001:db8:1::25, dst=2001:db8:2::1"))
        .isEqualTo("src=〔IP〕, dst=2001:db8:2::1");
    // in a URL's brackets, with a zone, defanged
    assertThat(redacted("http://[2001:db8:1::25]:8080/login"))
        .isEqualTo("http://[〔IP〕]:8080/login");
    assertThat(redacted("fe80 経由 2001:db8:1::9%eth0 へ")).isEqualTo("fe80 経由 〔IP〕 へ");
    assertThat(redacted("2001[:]db8[:]1[:][:]25 を遮断")).isEqualTo("〔IP〕 を遮断");
    // a Received line's literal, a label glued to the address by its colon
    assertThat(redacted("from relay ([IPv6:2001:db8:1::25]) by mx"))
        .isEqualTo("from relay ([IPv6:〔IP〕]) by mx");
    assertThat(redacted("ipv6:2001:db8:1::25 addr:2001:db8:1::26"))
        .isEqualTo("ipv6:〔IP〕 addr:〔IP〕");
    // a range written in the text: the address goes, the prefix length is no one's
    assertThat(redacted("2001:db8:1:4::/64 を調査")).isEqualTo("〔IP〕/64 を調査");
    // a single address registered alone
    assertThat(redacted("2001:db8:ff::7 と 2001:db8:ff::8")).isEqualTo("〔IP〕 と 2001:db8:ff::8");
    // from one address to another
    assertThat(redacted("2001:db8:1::10-2001:db8:1::20")).isEqualTo("〔IP〕-〔IP〕");
  }

  @Test
  void anIpv4AddressMappedIntoIpv6IsTheIpv4Address() {
    assertThat(redacted("::ffff:192.0.2.9 から")).isEqualTo("〔IP〕 から");
    assertThat(redacted("::FFFF:c000:0209")).isEqualTo("〔IP〕");
    assertThat(redacted("::ffff:198.51.100.9")).isEqualTo("::ffff:198.51.100.9");
  }

  @Test
  void leavesWhatIsNoAddressInsideAlone() {
    String text =
        "2001:db8:2::25 は攻撃元。12:30:45 に検知。MAC 00:1a:2b:3c:4d:5e、"
            + "std::vector、a::b、hash 2001:db8:1::25abc、fe80::1、::1、::";
    assertThat(redacted(text)).isEqualTo(text);
    // inside a longer ASCII word or identifier
    assertThat(redacted("id_2001:db8:1::25 x2001:db8:1::25"))
        .isEqualTo("id_2001:db8:1::25 x2001:db8:1::25");
  }

  @Test
  void identifiesObservablesInsideItsRanges() {
    assertThat(redactor.identifies("ipv6-addr", "2001:db8:1::25")).isTrue();
    assertThat(redactor.identifies("ipv6-addr", "2001:db8:2::25")).isFalse();
    assertThat(redactor.identifies("ipv6-addr", "::ffff:192.0.2.9")).isTrue();
    assertThat(redactor.identifies("cidr", "2001:db8:1:4::/64")).isTrue();
    assertThat(redactor.identifies("cidr", "2001:db8::/32")).isFalse();
    assertThat(redactor.identifies("url", "https://[2001:db8:1::25]:8443/")).isTrue();
    assertThat(redactor.identifies("url", "https://user@[2001:db8:1::25]/")).isTrue();
    assertThat(redactor.identifies("url", "https://[2001:db8:2::25]/")).isFalse();
    assertThat(redactor.identifies("ipv4-addr", "192.0.2.77")).isTrue();
  }

  @Test
  void aLongRunOfColonsAndDigitsIsReadOnce() {
    // 180 KB of time stamps and colon runs: each token is looked at once, none is an address
    String text = "12:30:45 ab:cd:ef ".repeat(10_000) + "2001:db8:1::25";
    String out = redacted(text);
    assertThat(out).endsWith("〔IP〕").hasSize(text.length() - "2001:db8:1::25".length() + 4);
  }

  /**
   * An adversary's sweep: 3,000 addresses inside the ranges, each written in a random form in a
   * random place of Japanese or English text beside one outside; the one inside never survives, the
   * one outside always does.
   */
  @Test
  void noFormOrPlaceOfAnAddressInsideSurvives() {
    java.util.Random random = new java.util.Random(20261205);
    String[] before = {
      "", " ", "送信元", "送信元：", "IP:", "ipv6:", "[IPv6:", "(", "「", "src=", "\n", "http://["
    };
    String[] after = {"", " ", "から", ".", ")", "」", ",", "/64", "]", "%eth0 ", "\n", "]:8443/x"};
    for (int k = 0; k < 3_000; k++) {
      int[] g = {0x2001, 0xdb8, 1, 0, 0, 0, 0, 0};
      for (int j = 3; j < 8; j++) {
        g[j] = random.nextInt(4) == 0 ? random.nextInt(0x10000) : 0;
      }
      String inside = written(g, random);
      g[2] = 2 + random.nextInt(100);
      String outside =
          java.util.Arrays.stream(g)
              .mapToObj(Integer::toHexString)
              .collect(java.util.stream.Collectors.joining(":"));
      String text =
          before[random.nextInt(before.length)]
              + inside
              + after[random.nextInt(after.length)]
              + " と "
              + outside
              + " は別";
      String out = redacted(text);
      assertThat(out).as(text).doesNotContain(inside).contains(outside);
    }
  }

  /** One address in one of the forms people and programs write. */
  private static String written(int[] g, java.util.Random random) {
    String full =
        java.util.Arrays.stream(g)
            .mapToObj(x -> String.format("%04x", x))
            .collect(java.util.stream.Collectors.joining(":"));
    String compressed =
        jp.renkei.engine.observable.Observables.parse(
                jp.renkei.engine.observable.ObservableType.IPV6, full)
            .value();
    String a =
        switch (random.nextInt(6)) {
          case 0 -> full;
          case 1 -> compressed.toUpperCase(java.util.Locale.ROOT);
          case 2 -> compressed.replace(":", "[:]");
          case 3 -> compressed;
          case 4 ->
              java.util.Arrays.stream(g)
                  .mapToObj(Integer::toHexString)
                  .collect(java.util.stream.Collectors.joining(":"));
          default -> {
            StringBuilder wide = new StringBuilder();
            for (char c : compressed.toCharArray()) {
              wide.append((char) (c + 0xFEE0));
            }
            yield wide.toString();
          }
        };
    return a;
  }
}

package jp.renkei.engine.observable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick path agrees with {@link Observables}: whenever it answers, {@code Observables} detects
 * the same type and gives the same normal form; it answers for the common forms; and it leaves
 * everything else (defanged, IPv6, e-mail, ports, IDN, bad values) to {@code Observables}.
 */
class QuickObservablesTest {

  static final List<String> EDGES =
      List.of(
          "192.0.2.1",
          "0.0.0.0",
          "255.255.255.255",
          "256.1.1.1",
          "01.2.3.4",
          "1.2.3",
          "1.2.3.4.5",
          "1..2.3",
          ".1.2.3.4",
          "1.2.3.4.",
          "1234.1.1.1",
          "192.0.2.1/24",
          "192.0.2.77/24",
          "192.0.2.77/0",
          "192.0.2.77/00",
          "192.0.2.77/032",
          "192.0.2.77/32",
          "192.0.2.77/33",
          "192.0.2.77/",
          "192.0.2.77/+8",
          "192.0.2.77/-0",
          "/24",
          "192.0.2[.]77/24",
          "2001:db8::1/32",
          "2001:db8::1",
          "2001:DB8:0:0:0:0:0:1",
          "2001:db8:0:0:1:0:0:1",
          "2001:db8:158e:bb65::dbc",
          "1:2:3:4:5:6:7:8",
          "1:2:3:4:5:6:7:8:9",
          "1:2:3:4:5:6:7::",
          "::1:2:3:4:5:6:7",
          "1::2:3:4:5:6:7",
          "1:2:3:4:5:6:7:8::",
          "1:2:3:4::5:6:7:8",
          "::",
          ":::",
          "1:::2",
          ":1::2",
          "1::2:",
          "1::2::3",
          "12345::1",
          "::1",
          "::0:1",
          "0::",
          "::ffff:c000:201",
          "::ffff:192.0.2.1",
          "0:0:0:0:0:ffff:c000:201",
          "::fffe:c000:201",
          "::c000:201",
          "fe80::1%eth0",
          "[2001:db8::1]",
          "abcd",
          "２００１:db8::1",
          "a:b",
          ":",
          "::ffff:192.0.2.1",
          "evil.example.com",
          "Evil.Example.COM.",
          "evil.example.com..",
          "example",
          "example.",
          ".example.com",
          "-a.example.com",
          "a-.example.com",
          "a.-b.example",
          "a_b.example",
          "_dmarc.example.jp",
          "a.123",
          "a.123.",
          "123.a",
          "xn--eckwd4c7c.xn--zckzah",
          "例え.テスト",
          "bücher.example",
          "a".repeat(63) + ".jp",
          "a".repeat(64) + ".jp",
          ("a".repeat(60) + ".").repeat(4) + "jp",
          ("a".repeat(62) + ".").repeat(4) + "jp",
          "c2[.]example(.)net",
          "c2{.}example[dot]net",
          "evil.example.com[.]",
          "http://evil.example.com/a/b?x=1#f",
          "https://Evil.Example.COM./Path%7e%2f?Q=%41",
          "http://evil.example.com",
          "http://evil.example.com?x",
          "http://evil.example.com#x",
          "http://198.51.100.5/x",
          "http://198.51.100.05/x",
          "http://999.1.1.1/x",
          "http://198.51.100.5:8080",
          "http://evil.example.com:80/",
          "https://evil.example.com:443/",
          "https://[2001:DB8::1]:8443/p",
          "http://user@evil.example.com/",
          "http:///x",
          "http://",
          "http://evil.example.com/a b",
          "http://evil.example.com/a\u007f",
          "http://evil.example.com/(x)",
          "http://evil.example.com/[.]x",
          "http://-bad.example/",
          "http://例え.テスト/",
          "http://evil.example.com/パス",
          "HTTP://evil.example.com/",
          "hxxp://evil.example.com/",
          "hxxps://evil[.]example.com/a",
          "fxp://files.example/",
          "ftp://files.example/",
          "attacker@phish.example",
          "Attacker[@]Phish.Example",
          "d41d8cd98f00b204e9800998ecf8427e",
          "D41D8CD98F00B204E9800998ECF8427E",
          "d41d8cd98f00b204e9800998ecf8427",
          "da39a3ee5e6b4b0d3255bfef95601890afd80709",
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
              + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
          "12345678901234567890123456789012",
          "deadbeef.example",
          "x".repeat(2049),
          "a.b",
          "a",
          "-",
          ".",
          "..",
          "/",
          "0",
          "");

  @Test
  void agreesWithObservablesOnEdgeCases() {
    for (String s : EDGES) {
      assertAgrees(s);
    }
  }

  @Test
  void agreesWithObservablesOnGeneratedValues() {
    Random r = new Random(18);
    String alphabet = "0123456789abcdefABCXYZxyz.-_/:@[]().%?#~ ";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      switch (i % 6) {
        case 0 ->
            b.append(r.nextInt(300))
                .append('.')
                .append(r.nextInt(300))
                .append('.')
                .append(r.nextInt(300))
                .append('.')
                .append(r.nextInt(300));
        case 1 ->
            b.append(r.nextInt(256))
                .append(".")
                .append(r.nextInt(256))
                .append(".0.")
                .append(r.nextInt(256))
                .append('/')
                .append(r.nextInt(40));
        case 2 ->
            b.append(r.nextBoolean() ? "http" : "https")
                .append("://")
                .append(word(r))
                .append(r.nextBoolean() ? "." : "")
                .append(word(r))
                .append(r.nextBoolean() ? "/" : "")
                .append(word(r));
        case 3 -> {
          int groups = r.nextInt(9);
          for (int g = 0; g < groups; g++) {
            b.append(g == 0 ? "" : r.nextInt(6) == 0 ? "::" : ":")
                .append(Integer.toHexString(r.nextInt(r.nextBoolean() ? 16 : 0x10000)));
          }
        }
        default -> {}
      }
      int extra = i % 6 < 4 ? r.nextInt(2) : 1 + r.nextInt(24);
      for (int k = 0; k < extra; k++) {
        int at = r.nextInt(b.length() + 1);
        b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString().strip();
      assertAgrees(s);
      for (ObservableType type : ObservableType.values()) {
        assertTypedAgrees(type, s);
      }
    }
  }

  @Test
  void answersForTheCommonFormsOfLargeLists() {
    List<String> common = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 1000; i++) {
      common.add("evil" + i + "-cdn.Example.jp");
      common.add((1 + r.nextInt(223)) + "." + r.nextInt(256) + ".0." + r.nextInt(256));
      common.add((1 + r.nextInt(223)) + "." + r.nextInt(256) + ".7.0/24");
      common.add("http://evil" + i + ".example.com/path/" + i + "?q=%7e" + i);
      common.add(String.format("%032x", (long) i * 7919));
      common.add("2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(i * 31 + 1));
    }
    for (String s : common) {
      assertThat(QuickObservables.detectAndParse(s)).as(s).isNotNull();
      assertAgrees(s);
    }
  }

  @Test
  void typedValuesAgreeToo() {
    for (String s : EDGES) {
      for (ObservableType type : ObservableType.values()) {
        assertTypedAgrees(type, s);
      }
    }
    assertThat(QuickObservables.parse(ObservableType.DOMAIN, "localhost")).isEqualTo("localhost");
    assertThat(QuickObservables.parse(ObservableType.CIDR, "10.1.2.3/8")).isEqualTo("10.0.0.0/8");
  }

  @Test
  void dottedQuadsWithCharactersWhoseLowByteIsADigitOrADotAreNoAddresses() {
    // U+0134 and U+012E end in the bytes of '4' and '.': read as bytes, only ASCII may count
    for (String s :
        List.of(
            "1.2.3.\u0134", "1.2.3\u012E4", "\uFF11.2.3.4", "1.2.3.4\u0100", "1.2.3.4/8\u0100")) {
      for (ObservableType type : ObservableType.values()) {
        assertTypedAgrees(type, s);
      }
      assertAgrees(s);
      assertThat(QuickObservables.parse(ObservableType.IPV4, s)).as(s).isNull();
    }
    assertTypedAgrees(ObservableType.URL, "http://1.2.3.\u0134/x");
    assertAgrees("http://1.2.3.\u0134/x");
    assertThat(QuickObservables.parse(ObservableType.IPV4, "255.255.255.255")).isNotNull();
    assertThat(QuickObservables.parse(ObservableType.IPV4, "255.255.255.2550")).isNull();
  }

  private static String word(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }

  private static void assertAgrees(String s) {
    Observable quick = QuickObservables.detectAndParse(s);
    if (quick == null) {
      return;
    }
    Optional<ObservableType> type = Observables.detect(s);
    assertThat(type).as("detect %s", s).contains(quick.type());
    assertThat(Observables.parse(type.get(), s).value()).as(s).isEqualTo(quick.value());
  }

  private static void assertTypedAgrees(ObservableType type, String s) {
    String quick = QuickObservables.parse(type, s);
    if (quick == null) {
      return;
    }
    assertThat(Observables.parse(type, s).value()).as("%s %s", type, s).isEqualTo(quick);
  }
}

package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StixValuesTest {

  @Test
  void linksBecomeTheUriABrowserWouldRequest() {
    assertThat(StixValues.uri("https://例え.jp/パス?q=値#見出し"))
        .isEqualTo(
            "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E5%80%A4#%E8%A6%8B%E5%87%BA%E3%81%97");
    assertThat(StixValues.uri("https://evil.example/a b|c^d`e{f}g<h>i\"j"))
        .isEqualTo("https://evil.example/a%20b%7Cc%5Ed%60e%7Bf%7Dg%3Ch%3Ei%22j");
    assertThat(StixValues.uri("ftp://evil.example/%zz%41%4a%"))
        .isEqualTo("ftp://evil.example/%25zz%41%4A%25");
    assertThat(StixValues.uri("https://evil.example\\login\\x"))
        .isEqualTo("https://evil.example/login/x");
    assertThat(StixValues.uri("  https://evil.example/a\n   title=\t "))
        .isEqualTo("https://evil.example/a%20%20%20title=");
    assertThat(StixValues.uri("HTTPS://EVIL.Example:8443/A?B=C&d=%7e"))
        .isEqualTo("https://evil.example:8443/A?B=C&d=%7E");
    assertThat(StixValues.uri("http://u s:p@ss@evil.example/"))
        .isEqualTo("http://u%20s:p%40ss@evil.example/");
    assertThat(StixValues.uri("http://[2001:DB8::1]:80/x")).isEqualTo("http://[2001:db8::1]:80/x");
    assertThat(StixValues.uri("http://𝟜.webrentals.eu.com/r.php"))
        .isEqualTo("http://4.webrentals.eu.com/r.php");
    assertThat(StixValues.uri("https://a.example/x#y#z")).isEqualTo("https://a.example/x#y%23z");
    // not a URL with a host: left out of a bundle
    assertThat(StixValues.uri("{UNSUB}")).isNull();
    assertThat(StixValues.uri("www.nfe.fazenda.gov.br/")).isNull();
    assertThat(StixValues.uri("protonmail.com")).isNull();
    assertThat(StixValues.uri("mailto:a@b.example")).isNull();
    assertThat(StixValues.uri("http:///x")).isNull();
    assertThat(StixValues.uri("http://exa mple.com/")).isNull();
    assertThat(StixValues.uri("http://a.example:8x/")).isNull();
    assertThat(StixValues.uri("http://[::1/")).isNull();
    assertThat(StixValues.uri(null)).isNull();
  }

  @Test
  void sendersAreBareAddressesOrNothing() {
    assertThat(StixValues.emailAddress(" Ph@Evil.Example ")).isEqualTo("Ph@evil.example");
    assertThat(StixValues.emailAddress("microsoft account team")).isNull();
    assertThat(StixValues.emailAddress("")).isNull();
    assertThat(StixValues.emailAddress("contato@correios")).isNull();
    assertThat(StixValues.emailAddress("a@atendimento__x.com.br")).isNull();
    assertThat(StixValues.emailAddress("a@[192.0.2.1]")).isNull();
    assertThat(StixValues.emailAddress("phishing@pot<phishing@pot>")).isNull();
    assertThat(StixValues.emailAddress("unlimitedtv@'unlimitedtv-x.example.com")).isNull();
    assertThat(StixValues.hostName("例え.JP.")).isEqualTo("xn--r8jz45g.jp");
    assertThat(StixValues.hostName("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(StixValues.hostName("bad host")).isNull();
  }

  /** Random links of every kind of character: each is a URI or refused, and stays as it is. */
  @Test
  void everyLinkBecomesAUriOrIsLeftOut() {
    Random random = new Random(20261201);
    String[] pieces = {
      "a",
      "Z",
      "0",
      "-",
      ".",
      "_",
      "~",
      "/",
      "?",
      "#",
      "%",
      "%4",
      "%41",
      "%e3%81%82",
      ":",
      "@",
      "!",
      "$",
      "&",
      "'",
      "(",
      ")",
      "*",
      "+",
      ",",
      ";",
      "=",
      " ",
      "\t",
      "\n",
      "\\",
      "|",
      "^",
      "`",
      "{",
      "}",
      "<",
      ">",
      "\"",
      "[",
      "]",
      "あ",
      "例",
      "𝟜",
      "é",
      "\u202E",
      "\u0000",
      "\u007F"
    };
    String[] starts = {
      "http://a.example",
      "https://例え.jp",
      "ftp://u:p@b.example:21",
      "http://[2001:db8::2]",
      "HTTP://C.Example",
      "https://d.example.",
      "http://",
      "hxxp://e.example",
      "x",
      ""
    };
    List<String> bad = new ArrayList<>();
    int uris = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder(starts[random.nextInt(starts.length)]);
      if (random.nextInt(5) > 0) {
        // mostly after the host, which takes few of these characters
        s.append('/');
      }
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String uri = StixValues.uri(s.toString());
      if (uri == null) {
        continue;
      }
      uris++;
      if (!StixConformance.isUri(uri) || !uri.equals(StixValues.uri(uri))) {
        bad.add(s + " -> " + uri + " -> " + StixValues.uri(uri));
      }
    }
    assertThat(bad).isEmpty();
    assertThat(uris).isGreaterThan(8_000);
  }
}

package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import org.junit.jupiter.api.Test;

/**
 * The byte normaliser of log URLs against the text path it replaces ({@link Observables#parse},
 * then the user info dropped): for every URL it decides, the same normal form, or "refused" exactly
 * when Observables refuses; it may only leave a URL undecided, never read it differently.
 */
class UrlNormalTest {

  static final List<String> SCHEMES =
      List.of(
          "http", "https", "HTTP", "HtTpS", "ftp", "h-t+t.p", "1http", "", "ht_tp", "hxxp", "fXp");
  static final List<String> USERS = List.of("", "u:p@", "a@b@", ":@");
  static final List<String> HOSTS =
      List.of(
          "evil.example",
          "EVIL.Example",
          "evil.example.",
          "evil.example..",
          ".evil.example",
          "-a.example",
          "a-.example",
          "_a.example",
          "a_b.co.jp",
          "a." + "b".repeat(63) + ".jp",
          "a." + "b".repeat(64) + ".jp",
          "c".repeat(250) + ".jp",
          "localhost",
          "a.123",
          "123",
          "1.2.3.4",
          "01.2.3.4",
          "1.2.3.4.",
          "999.1.1.1",
          "1.2.3",
          "",
          "a^b.example",
          "a~b.example",
          "xn--eckwd4c7c.xn--zckzah");
  static final List<String> PORTS =
      List.of(
          "", ":80", ":443", ":080", ":+80", ":-1", ":0", ":1", ":65535", ":65536", ":123456", ":",
          ":8a", ":80:90", ":+", ":00080", ":8080");
  static final List<String> PATHS =
      List.of(
          "",
          "/",
          "//",
          "/a%7e",
          "/a%7E/%2f",
          "/x%4",
          "?q=%41%2c",
          "#frag",
          "/@evil.example",
          "?to=u@evil.example/x",
          "?x=://y");

  static Object reference(String url) {
    try {
      return IndicatorIndex.withoutUserInfo(Observables.parse(ObservableType.URL, url).value());
    } catch (InvalidObservable e) {
      return UrlNormal.INVALID;
    }
  }

  static Object bytes(String url) {
    byte[] b = ("<<" + url + ">>").getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[url.length()];
    int n = UrlNormal.normalize(b, 2, b.length - 2, out);
    return n < 0 ? n : new String(out, 0, n, StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyCombinationOfSchemeUserHostPortAndPathIsReadAsObservablesReadsIt() {
    int decided = 0;
    for (String scheme : SCHEMES) {
      for (String user : USERS) {
        for (String host : HOSTS) {
          for (String port : PORTS) {
            for (String path : PATHS) {
              String url = scheme + "://" + user + host + port + path;
              Object got = bytes(url);
              if (!got.equals(UrlNormal.UNDECIDED)) {
                decided++;
                assertThat(got).as(url).isEqualTo(reference(url));
              }
            }
          }
        }
      }
    }
    // all but the defanged schemes are decided here
    assertThat(decided).isEqualTo(9 * USERS.size() * HOSTS.size() * PORTS.size() * PATHS.size());
  }

  @Test
  void randomTextIsNeverReadDifferently() {
    String chars = "htpsHTPS:/@.%?#-_+~0123456789abcdefABCDEF[](){} \t\u00e9";
    Random rnd = new Random(18);
    for (int i = 0; i < 60_000; i++) {
      StringBuilder u = new StringBuilder(rnd.nextInt(4) == 0 ? "" : "http://");
      for (int k = rnd.nextInt(24); k > 0; k--) {
        u.append(chars.charAt(rnd.nextInt(chars.length())));
      }
      String url = u.toString();
      Object got = bytes(url);
      if (!got.equals(UrlNormal.UNDECIDED)) {
        assertThat(got).as(url).isEqualTo(reference(url));
      }
    }
  }

  @Test
  void unusualFormsAreLeftToTheTextPath() {
    for (String url :
        List.of(
            "hxxp://evil.example/",
            "HXXPS://evil.example/",
            "fxp://evil.example/",
            "http://evil[.]example/",
            "http://[2001:db8::1]/",
            "http://évil.example/",
            "http://evil.example/a b",
            " http://evil.example/",
            "http://evil(.)example/")) {
      assertThat(bytes(url)).as(url).isEqualTo(UrlNormal.UNDECIDED);
    }
    assertThat(bytes("http://evil.example/" + "a".repeat(2100))).isEqualTo(UrlNormal.INVALID);
  }
}

package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The language switch's {@code back} is an open redirect's classic place (attack28b): every way a
 * browser reads an address as another host — two slashes, a backslash (which browsers take as a
 * slash), a tab, CR or LF between them (which browsers drop), a scheme, full-width solidi, leading
 * spaces — leads to a path on this hub, written in printable ASCII only.
 */
class LanguageSwitchRedirectTest {

  static final List<String> PAYLOADS =
      List.of(
          "//evil.example/",
          "///evil.example/",
          "/\\evil.example/",
          "\\\\evil.example/",
          "\\/evil.example/",
          "/\t/evil.example/",
          "/\n/evil.example/",
          "/\r\n/evil.example/",
          " //evil.example/",
          "https://evil.example/",
          "HTTPS:evil.example",
          "javascript:alert(1)",
          "//evil.example%2F@hub.example/",
          "/%2F/evil.example/",
          "/%5Cevil.example/",
          "／／evil.example/",
          "/／evil.example/",
          "/\u3000/evil.example/",
          "/\u0085/evil.example/",
          "/\u2028/evil.example/",
          "/@evil.example",
          "/.\\./evil.example/");

  @Test
  void noBackLeavesTheHub() {
    URI page = URI.create("https://hub.example/reports");
    for (String p : PAYLOADS) {
      String back = LanguageController.safeBack(p);
      assertThat(back).as(p).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
      assertThat(back.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as(p + " → " + back).isTrue();
      assertThat(page.resolve(back).getHost()).as(p + " → " + back).isEqualTo("hub.example");
    }
  }

  @Test
  void aPathOfThisHubComesBackWithItsQuery() {
    assertThat(LanguageController.safeBack("/reports?q=停電&page=2"))
        .isEqualTo("/reports?q=%E5%81%9C%E9%9B%BB&page=2");
  }
}

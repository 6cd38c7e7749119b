package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.renkei.server.support.RawHttp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * share38: a body refused before it is read ({@link RequestBodyLimit}) answers a page with the
 * themed error page in the person's language — what was too large and the limit in megabytes, no
 * setting named, no JSON — while the API keeps problem+json naming the setting.
 */
class EarlyRefusalPagesIT extends ServerTest {

  /**
   * A PUT announcing 100 MB and sending two bytes, then nothing more: refused by its announced
   * length before anything is read, so what the client does with the rest is not what is tested.
   */
  RawHttp.Answer put(String path, String language) {
    return RawHttp.sendThenClose(
        port,
        "PUT "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nCookie: renkei_lang="
            + language
            + "\r\nContent-Type: application/json\r\nContent-Length: 100000000",
        "{}".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aPageBodyPastTheLimitIsTheThemedPageInBothLanguages() {
    RawHttp.Answer en = put("/reports/1", "en");
    assertThat(en.status()).isEqualTo(413);
    assertThat(en.header("content-type")).startsWith("text/html");
    assertThat(en.body())
        .contains("id=\"error-message\"")
        .contains("What was sent is too large (95.4 MB); this page accepts at most 8 MB.")
        .doesNotContain("renkei.web.max-body")
        .doesNotContain("\"status\":");
    RawHttp.Answer ja = put("/reports/1", "ja");
    assertThat(ja.status()).isEqualTo(413);
    assertThat(ja.header("content-type")).startsWith("text/html");
    assertThat(ja.body()).contains("送信された内容が大きすぎます (95.4 MB)。このページが受け付けるのは 8 MB までです。");
  }

  @Test
  void theApiKeepsProblemJsonNamingTheSetting() {
    RawHttp.Answer api = put("/api/v1/reports/1", "en");
    assertThat(api.status()).isEqualTo(413);
    assertThat(api.header("content-type")).startsWith("application/problem+json");
    assertThat(api.body()).contains("renkei.web.max-body").contains("\"status\":413");
  }
}

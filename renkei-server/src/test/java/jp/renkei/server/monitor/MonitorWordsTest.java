package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import jp.renkei.server.ui.TimeFormat;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * A probe's error and an alert's detail in the reader's language: both are stored in English ("1/1
 * vantage points; no answer within 10 s", "certificate expires 2026-12-10T00:00:00Z") and the
 * Japanese monitor pages showed them so (new-user walk, walk13).
 */
class MonitorWordsTest {

  private static final Pattern JAPANESE =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  private static MonitorWords words() {
    ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
    m.setBasenames("classpath:i18n/monitor");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return new MonitorWords(m, new TimeFormat());
  }

  @Test
  void theProbesErrorsReadInEitherLanguage() {
    MonitorWords w = words();
    for (String e :
        new String[] {
          "no answer within 1 s",
          "no connection within 2.5 s",
          "connection refused",
          "connection reset",
          "TLS handshake failed",
          "certificate not trusted or expired",
          "certificate does not match the host name",
          "expected text not found",
          "not an HTTP answer",
          "connection closed before any answer",
          "HTTP 503 (expected 200)",
          "I/O error: SocketException",
          "recovered after retry: no answer within 10 s",
          "destination refused: intra.example is or resolves to a private address (see"
              + " renkei.outbound.allow-ranges)"
        }) {
      String ja = w.error(e, Locale.JAPANESE);
      String en = w.error(e, Locale.ENGLISH);
      assertThat(JAPANESE.matcher(ja).find()).as(e + " -> " + ja).isTrue();
      assertThat(JAPANESE.matcher(en).find()).as(e + " -> " + en).isFalse();
      assertThat(en).as(e).isNotEqualTo(e);
    }
    assertThat(w.error("HTTP 503 (expected 200)", Locale.JAPANESE))
        .isEqualTo("ステータス 503 (期待するステータスは 200)");
    assertThat(w.error("recovered after retry: no answer within 10 s", Locale.ENGLISH))
        .isEqualTo("Recovered after a retry (first: No answer within 10 s)");
    // an agent's own words are shown as they came; none is empty
    assertThat(w.error("agent: proxy said 407", Locale.JAPANESE))
        .isEqualTo("agent: proxy said 407");
    assertThat(w.error(null, Locale.JAPANESE)).isEmpty();
  }

  @Test
  void anAlertsDetailReadsInEitherLanguageWithTheTimeInJapanTime() {
    MonitorWords w = words();
    assertThat(w.alertDetail("down", "2/3 vantage points; no answer within 10 s", Locale.JAPANESE))
        .isEqualTo("3 か所の計測地点のうち 2 か所で停止: 10 秒以内に応答がない");
    assertThat(w.alertDetail("down", "1/1 vantage points", Locale.ENGLISH))
        .isEqualTo("Down from 1 of 1 vantage points");
    assertThat(
            w.alertDetail("slow", "2/2 vantage points slow against the baseline", Locale.JAPANESE))
        .isEqualTo("2 か所の計測地点のうち 2 か所で平常時より遅延");
    assertThat(
            w.alertDetail(
                "cert_expiry", "certificate expires 2026-12-10T00:00:00Z", Locale.JAPANESE))
        .isEqualTo("証明書の有効期限: 2026-12-10 09:00 JST");
    assertThat(
            w.alertDetail(
                "cert_expiry", "certificate expires 2026-12-10T00:00:00Z", Locale.ENGLISH))
        .isEqualTo("The certificate expires 2026-12-10 09:00 JST");
    assertThat(w.alertDetail("down", "something else", Locale.ENGLISH)).isEqualTo("something else");
  }
}

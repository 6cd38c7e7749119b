package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.ui.TimeFormat;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * Alert e-mails and webhooks carried the stored English detail ("1/2 vantage points; HTTP 500
 * (expected 200)"), the kind's code and a UTC time to Japanese recipients: the text now follows the
 * recipient's language, and a webhook keeps its machine fields and adds the words in both.
 */
class AlertTextTest {

  private static AlertText text() {
    ReloadableResourceBundleMessageSource m = new ReloadableResourceBundleMessageSource();
    m.setBasenames("classpath:i18n/monitor");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return new AlertText(m, new MonitorWords(m, new TimeFormat()), new TimeFormat());
  }

  private static final AlertText.Alert DOWN =
      new AlertText.Alert(
          "raised",
          "down",
          "ネットバンキング\nログイン",
          Instant.parse("2026-12-01T23:05:00Z"),
          "1/2 vantage points; HTTP 500 (expected 200)",
          "https://hub.example/monitor/sites/7");

  @Test
  void aJapaneseRecipientReadsJapaneseWithTheTimeInJapan() {
    AlertText t = text();
    assertThat(t.subject(DOWN, Locale.JAPANESE)).isEqualTo("【ウェブ監視・発生】停止: ネットバンキング ログイン");
    String body = t.body(DOWN, Locale.JAPANESE);
    assertThat(body)
        .contains("種別: 停止")
        .contains("発生: 2026-12-02 08:05 JST")
        .contains("2 か所の計測地点のうち 1 か所で停止")
        .contains("https://hub.example/monitor/sites/7")
        .doesNotContain("vantage points", "expected", "down", "2026-12-01T23:05");
  }

  @Test
  void anEnglishRecipientReadsEnglish() {
    AlertText t = text();
    AlertText.Alert cleared =
        new AlertText.Alert(
            "cleared",
            "cert_expiry",
            "Portal",
            Instant.parse("2026-12-01T23:05:00Z"),
            "certificate expires 2026-12-10T00:00:00Z",
            "https://hub.example/monitor/sites/8");
    assertThat(t.subject(cleared, Locale.ENGLISH)).startsWith("[Web monitoring: cleared] ");
    String body = t.body(cleared, Locale.ENGLISH);
    assertThat(body)
        .contains("State: recovered")
        .contains("The certificate expires")
        .doesNotContain("cert_expiry", "2026-12-10T00:00:00Z")
        .doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
  }

  @Test
  void aWebhookGetsTheWordsInBothLanguages() {
    Map<String, Map<String, String>> words = text().words(DOWN);
    assertThat(words).containsOnlyKeys("ja", "en");
    assertThat(words.get("ja").get("detail"))
        .isEqualTo("2 か所の計測地点のうち 1 か所で停止: ステータス 500 (期待するステータスは 200)");
    assertThat(words.get("en").get("kind")).isEqualTo("Down");
    assertThat(words.get("en").get("summary")).contains("Down", "ネットバンキング ログイン");
    assertThat(words.get("ja").get("raisedAt")).isEqualTo("2026-12-02 08:05 JST");
    assertThat(words.get("en").get("raisedAt")).isEqualTo("2026-12-02 08:05 JST");
  }
}

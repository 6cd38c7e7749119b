package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Why the hub refuses a destination (a webhook URL, a feed's API root) reads in the page's
 * language: the Japanese form said 「宛先 … には接続できません: destination refused: 127.0.0.1 is or resolves
 * to a loopback address …」, its reason in English (ux32).
 */
class OutboundRefusalWordsTest {

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  private static OutboundHttp.Refused refused(String url) {
    try (OutboundHttp guard = OutboundHttpTest.guard(List.of(), false)) {
      return catchThrowableOfType(OutboundHttp.Refused.class, () -> guard.check(url));
    }
  }

  private static String said(String url, Locale locale) {
    OutboundHttp.Refused e = refused(url);
    assertThat(e).as(url).isNotNull();
    return MESSAGES.getMessage("error.outbound.refused", new Object[] {url, e.reason()}, locale);
  }

  @Test
  void aRefusedAddressIsSaidInJapaneseAndInEnglish() {
    assertThat(said("https://127.0.0.1/hook", Locale.JAPANESE))
        .isEqualTo(
            "宛先 https://127.0.0.1/hook には接続できません: 127.0.0.1 はループバックアドレスです"
                + " (またはそのアドレスに解決されます)。接続を許す範囲は renkei.outbound.allow-ranges で設定します");
    assertThat(said("https://127.0.0.1/hook", Locale.ENGLISH))
        .isEqualTo(
            "The hub may not connect to https://127.0.0.1/hook: 127.0.0.1 is or resolves to a"
                + " loopback address; the ranges the hub may connect to are set by"
                + " renkei.outbound.allow-ranges");
  }

  @Test
  void everyKindOfRefusedAddressHasItsWordsInBothLanguages() {
    for (String address :
        List.of(
            "0.0.0.0",
            "10.1.2.3",
            "169.254.169.254",
            "100.64.0.1",
            "192.0.0.8",
            "224.0.0.1",
            "[::1]",
            "[fe80::1]",
            "[fec0::1]",
            "[fc00::1]",
            "[ff02::1]")) {
      String url = "https://" + address + "/";
      String ja = said(url, Locale.JAPANESE);
      assertThat(ja).as(url).doesNotContain("address", "destination", "resolves");
      String host = address.replace("[", "").replace("]", "");
      assertThat(ja.replace("renkei.outbound.allow-ranges", "").replace(url, "").replace(host, ""))
          .as(url)
          .doesNotContainPattern("[a-z]{3,}");
      assertThat(said(url, Locale.ENGLISH)).as(url).contains(" is or resolves to a");
    }
  }

  @Test
  void aRefusedFormIsSaidInJapanese() {
    assertThat(said("ftp://feeds.example/taxii2/", Locale.JAPANESE))
        .endsWith("https の URL だけが使えます (renkei.outbound.allow-http が無効です)");
    assertThat(said("https://user:secret@feeds.example/taxii2/", Locale.JAPANESE))
        .endsWith("URL にユーザー名やパスワードは書けません");
    assertThat(said("https:///nohost", Locale.JAPANESE)).contains("ホスト名を含む");
  }

  private static String saidToOrgAdmin(String url, Locale locale) {
    OutboundHttp.Refused e = refused(url);
    assertThat(e).as(url).isNotNull();
    return MESSAGES.getMessage(
        "error.outbound.refused", new Object[] {url, e.reasonForOrgAdmin()}, locale);
  }

  /**
   * ux37: an organisation's admin setting its webhook read the hub's setting ({@code
   * renkei.outbound.allow-http}), an operator's word they cannot change; they read what to give
   * instead, and whom to ask.
   */
  @Test
  void anOrgAdminReadsWhatToGiveInsteadOfTheHubsSetting() {
    String http = "http://hooks.example/renkei";
    assertThat(saidToOrgAdmin(http, Locale.JAPANESE))
        .isEqualTo(
            "宛先 http://hooks.example/renkei には接続できません: このハブは https の URL にだけ通知を送ります。"
                + "受信側の https の URL を指定してください (http でしか受け取れない場合は、ハブの基盤管理者にご相談ください)");
    assertThat(saidToOrgAdmin(http, Locale.ENGLISH))
        .isEqualTo(
            "The hub may not connect to http://hooks.example/renkei: this hub delivers to https"
                + " URLs only: give your receiver's https URL (if it can only receive over http,"
                + " ask the hub's platform admin)");
    String internal = "https://10.1.2.3/hook";
    assertThat(saidToOrgAdmin(internal, Locale.JAPANESE))
        .contains("10.1.2.3 はプライベートアドレスです", "インターネットから届く受信側のアドレスを指定してください");
    assertThat(saidToOrgAdmin(internal, Locale.ENGLISH))
        .contains(
            "10.1.2.3 is or resolves to a private address; this hub does not deliver to internal"
                + " addresses: give an address of your receiver that can be reached from the"
                + " internet");
    for (String url : List.of(http, internal, "https://user:secret@hooks.example/")) {
      for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
        assertThat(saidToOrgAdmin(url, locale)).as(url).doesNotContain("renkei.", "''");
      }
    }
    // the platform admin, who runs the hub, still reads the setting
    assertThat(said(http, Locale.ENGLISH)).contains("renkei.outbound.allow-http");
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Words written with other scripts' look-alike letters or marks are read as the Latin words they
 * show before the brand and wording signs read them (recall34): "Ꮮеdgеr", "Аррӏе", "amܿazoܿn".
 * Prose in Russian, Greek, Armenian or Thai, and Latin's own accents, are left as written.
 */
class MailLookalikesTest {

  static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  static String message(String from, String subject, String body) {
    return "From: "
        + from
        + "\r\nTo: taro.yamada@ops-mail.example\r\nSubject: "
        + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n"
        + body
        + "\r\n";
  }

  @Test
  void mixedAndLookalikeWordsAreReadAsTheLatinWordsTheyShow() {
    // Cherokee Ꮮ and Cyrillic е; Cyrillic only, beside a Latin word and beside Japanese
    assertThat(MailText.fold("Your Ꮮеdgеr wallet")).isEqualTo("Your Ledger wallet");
    assertThat(MailText.fold("Your Аррӏе ID was locked")).isEqualTo("Your Apple ID was locked");
    assertThat(MailText.fold("Аррӏе サポート")).isEqualTo("Apple サポート");
    // Greek lunate sigma, Armenian ո, Cyrillic і а ѕ е; Canadian syllabic ᑕ; Syriac marks
    assertThat(MailText.fold("Ϲoіոbаѕе")).isEqualTo("Coinbase");
    assertThat(MailText.fold("ᑕloud storage")).isEqualTo("Cloud storage");
    assertThat(MailText.fold("your amܿazoܿn order")).isEqualTo("your amazon order");
    assertThat(MailSigns.claimed(MailText.fold("Ϲoіոbаѕе")))
        .extracting(MailBrands.Brand::name)
        .containsExactly("Coinbase");
  }

  @Test
  void proseInItsOwnScriptAndLatinAccentsStayAsWritten() {
    for (String s :
        new String[] {
          "Привет от команды, ваш заказ отправлен",
          "ООО Ромашка",
          "Καλημέρα σας, η παραγγελία σας στάλθηκε",
          "Բարեւ ձեզ, պատվերը ուղարկված է",
          "ภาษาไทย สวัสดีครับ",
          "naïve café, Ångström, São Paulo",
          "お客様のご注文を承りました"
        }) {
      assertThat(MailText.fold(s)).as(s).isEqualTo(s);
    }
  }

  @Test
  void anEnglishLureSignedWithCherokeeAndCyrillicLettersClaimsTheBrand() {
    MailReport r =
        analyze(
            message(
                "Ꮮеdgеr Support <alerts@wallet-safety.example>",
                "Firmware update required",
                "Dear customer,\r\n\r\nYour Ꮮеdgеr Nano must be updated today. Verify your recovery"
                    + " phrase at https://wallet-safety.example/update to keep your funds.\r\n"));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.BRAND_IMPERSONATION);
              assertThat(f.evidence()).startsWith("Ledger ≠");
            });
    assertThat(r.findings()).anyMatch(f -> f.flag() == RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aJapaneseLureFromACyrillicAppleClaimsTheBrand() {
    MailReport r =
        analyze(
            message(
                "Аррӏе サポート <info@secure-notice.example>",
                "アカウントの確認",
                "お客様のアカウントが一時的にロックされました。\r\n"
                    + "下記よりログインして本人確認を行ってください。\r\n"
                    + "https://secure-notice.example/login\r\n"));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.BRAND_IMPERSONATION);
              assertThat(f.evidence()).startsWith("Apple ≠");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

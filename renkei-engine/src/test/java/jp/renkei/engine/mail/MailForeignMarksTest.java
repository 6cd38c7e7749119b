package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Marks of another script put on the Latin letters of a body's words ("amܿazoܿn" with the Syriac
 * U+073F), so that a reader still sees the brand while a filter reads no word: OBFUSCATED_TEXT in
 * the body's visible text, not only in the subject and sender name (recall33). Thai, Arabic,
 * Devanagari and Vietnamese text carry marks on their own letters and are not counted. Every
 * message is written for this test.
 */
class MailForeignMarksTest {

  private static final String SYRIAC = "\u073F";

  @Test
  void findsAForeignMarkOnALatinLetter() {
    assertThat(MailRandomNames.foreignMarkWord("Your am" + SYRIAC + "azo" + SYRIAC + "n order"))
        .isEqualTo("am" + SYRIAC + "azo" + SYRIAC + "n");
    // a Cyrillic combining mark on a Latin letter
    assertThat(MailRandomNames.foreignMarkWord("pay\u0483pal")).isEqualTo("pay\u0483pal");
  }

  @Test
  void leavesMarksOnTheirOwnScript() {
    for (String text :
        List.of(
            "สวัสดีครับ ยินดีต้อนรับสู่จดหมายข่าวประจำเดือน",
            "مَرْحَبًا بِكُمْ فِي النَّشْرَةِ",
            "नमस्ते, हमारे समाचार पत्र में आपका स्वागत है",
            "Chào mừng bạn đến với bản tin tháng này",
            "café crème, naïve, Ångström",
            "ガ\u3099ッコウ")) {
      assertThat(MailRandomNames.foreignMarkWord(text)).as(text).isNull();
    }
  }

  @Test
  void aLureWithMarkedBrandInItsTextIsFlagged() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("Customer Service", "service@order-help.example")
            .subject("Your order could not be shipped")
            .text(
                "Dear customer,\n"
                    + "Your am"
                    + SYRIAC
                    + "azo"
                    + SYRIAC
                    + "n order is on hold.\n"
                    + "Update your payment details within 24 hours:\n"
                    + "https://order-help.example/update\n")
            .analyze();
    assertThat(lure.findings())
        .as(lure.findings().toString())
        .anyMatch(
            f ->
                f.flag() == RedFlag.OBFUSCATED_TEXT
                    && f.evidence().startsWith("another script's mark on a letter: ")
                    && f.evidenceJa().startsWith("文字に別の文字体系の記号: "));
  }

  @Test
  void aJapaneseLureWithAMarkedBrandIsFlagged() {
    MailReport lure =
        JapaneseMail.utf8()
            .from("会員サポート", "support@member-desk.example")
            .subject("会員情報の更新のお願い")
            .text(
                "いつもご利用ありがとうございます。\n"
                    + "Am"
                    + SYRIAC
                    + "azon プライムの会費のお支払いができませんでした。\n"
                    + "https://member-desk.example/prime\n")
            .analyze();
    assertThat(lure.findings().stream().map(MailReport.Finding::flag))
        .as(lure.findings().toString())
        .contains(RedFlag.OBFUSCATED_TEXT);
  }

  @Test
  void aThaiNewsletterFromItsOwnDomainStaysClean() {
    MailReport news =
        JapaneseMail.utf8()
            .from("จดหมายข่าว", "news@thai-culture.example")
            .subject("จดหมายข่าวประจำเดือนธันวาคม")
            .auth("thai-culture.example", "pass")
            .text("สวัสดีครับ ยินดีต้อนรับสู่จดหมายข่าวประจำเดือน กิจกรรมเดือนนี้มีดังนี้\n")
            .analyze();
    assertThat(news.findings().stream().map(MailReport.Finding::flag))
        .doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(news.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}

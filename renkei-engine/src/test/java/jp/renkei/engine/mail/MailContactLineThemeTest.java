package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ux39's walk: a bank lure's footer 「お問合せ・ご案内」 and 「…よりお問い合わせいただくか、Q&Aをご参照ください」 fired 「標的型メールに多い話題
 * (IPA)」. IPA's theme is a mail that is an inquiry or answers one; a footer's contact line, which
 * every bank and shop writes, is not (MailFraudWords.CONTACT_LINE).
 */
class MailContactLineThemeTest {

  private static MailReport analyse(String subject, String body) {
    String eml =
        "From: 株式会社カシワ工業 <info@kashiwa-kogyo.co.jp>\r\nTo: sato@sakura-bank.co.jp\r\n"
            + "Subject: "
            + subject
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body
            + "\r\n";
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean theme(MailReport r) {
    return r.findings().stream().anyMatch(f -> f.flag() == RedFlag.TARGETED_THEME);
  }

  @Test
  void aFootersContactLineIsNoTheme() {
    for (String footer :
        new String[] {
          "■お問合せ・ご案内\nカスタマーセンター 0120-000-000",
          "ご不明な点はお客さまセンターよりお問い合わせいただくか、Q&Aをご参照ください。",
          "【お問い合わせ】\n総務部 03-0000-0000",
          "お問い合わせ先：総務部",
          "お問い合わせは下記までお願いいたします。",
          "詳しくは窓口までお問い合わせください。",
          "お問い合わせ窓口 平日9時〜17時",
        }) {
      assertThat(theme(analyse("展示会のご案内", "来月の展示会のご案内です。\n\n" + footer))).as(footer).isFalse();
    }
  }

  @Test
  void anInquiryOrItsAnswerStillIs() {
    assertThat(theme(analyse("貴社製品の不具合に関するお問い合わせ", "添付の資料をご確認ください。"))).isTrue();
    assertThat(theme(analyse("お問い合わせありがとうございます", "担当者よりご連絡いたします。"))).isTrue();
    assertThat(theme(analyse("ご確認", "先日のお問い合わせの件でご連絡しました。"))).isTrue();
  }
}

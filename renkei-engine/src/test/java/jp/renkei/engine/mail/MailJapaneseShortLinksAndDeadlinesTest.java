package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Japanese lures of 2025–2026 in shapes the word tables missed (ja42), each beside legitimate
 * Japanese mail of the same shape: a deadline in hours with its digits set apart ("24 時間以内",
 * "２４　時間以内"), a brokerage's restriction said to be in force already (取引制限を実施), the SMS-style short
 * link (bit.do, inx.lv), and a short link typed into any field of a web form whose automatic reply
 * repeats it. Texts written for this test.
 */
class MailJapaneseShortLinksAndDeadlinesTest {

  private static List<MailReport.Finding> relayed(MailReport r) {
    return r.findingsByFlag().getOrDefault(RedFlag.RELAYED_LURE, List.of());
  }

  @Test
  void aDeadlineInHoursWithItsDigitsSetApartIsUrgency() {
    for (String deadline : List.of("24 時間以内", "２４　時間以内", "48 時間 以内")) {
      MailReport r =
          JapaneseMail.utf8()
              .from("メールシステム管理", "admin@mail-box-center.co.za")
              .subject("アカウント情報ご確認のお願い")
              .text(
                  "お客様のメールアカウントの情報確認が必要です。\n本メール受信後 "
                      + deadline
                      + "に下記よりご確認ください。\n"
                      + "https://mail-box-center.co.za/verify#soumu@example-corp.co.jp\n")
              .analyze();
      assertThat(r.findingsByFlag()).as(deadline).containsKey(RedFlag.URGENCY);
      assertThat(r.verdict()).as(deadline).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aShopsOwnShippingPromiseInHoursStaysClean() {
    MailReport r =
        JapaneseMail.utf8()
            .from("青山雑貨店", "shop@aoyama-zakka.jp")
            .auth("aoyama-zakka.jp", "pass")
            .subject("ご注文ありがとうございます")
            .text(
                "ご注文ありがとうございます。ご注文確定後 24 時間以内に発送いたします。\n"
                    + "ご注文内容は https://aoyama-zakka.jp/mypage でご確認いただけます。\n")
            .analyze();
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aBrokeragesRestrictionInForceIsUrgency() {
    MailReport r =
        JapaneseMail.utf8()
            .from("証券口座サポート", "support@kouza-anzen.top")
            .subject("【重要】二段階認証の設定のお願い")
            .text(
                "お客様の証券口座で不審な取引が確認されたため、取引制限を実施しております。\n"
                    + "制限の解除には本人確認と二段階認証の設定が必要です。\n"
                    + "https://kouza-anzen.top/auth\n")
            .analyze();
    assertThat(r.findingsByFlag()).containsKeys(RedFlag.URGENCY, RedFlag.CREDENTIAL_REQUEST);
    MailReport paused =
        JapaneseMail.utf8()
            .from("ミナト証券", "info@minato-sec.co.jp")
            .auth("minato-sec.co.jp", "pass")
            .subject("システムメンテナンスのお知らせ")
            .text(
                "12月14日 2:00〜6:00 はシステムメンテナンスのため、お取引を一時停止いたします。\n"
                    + "詳しくは https://minato-sec.co.jp/info/ をご覧ください。\n")
            .analyze();
    assertThat(paused.verdict())
        .as(paused.findings().toString())
        .isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anSmsStyleShortLinkIsASuspiciousLink() {
    MailReport r =
        JapaneseMail.utf8()
            .from(null, "k9x2@gmail.com")
            .subject("不在通知")
            .text("お荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。 https://inx.lv/Ab3d\n")
            .analyze();
    assertThat(r.findingsByFlag().get(RedFlag.SUSPICIOUS_LINK))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("inx.lv"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  private static MailReport formReply(String message, String footer) {
    return JapaneseMail.utf8()
        .from("有限会社みなと工房", "info@minato-koubou.jp")
        .header("X-Mailer: PHPMailer 6.5.0 (https://github.com/PHPMailer/PHPMailer)")
        .subject("お問い合わせありがとうございます")
        .text(
            "お問い合わせありがとうございます。\n以下の内容で送信されました。担当者よりご連絡いたします。\n\n"
                + "お名前：佐藤 花子\nメールアドレス：soumu@example-corp.co.jp\nお問い合わせ内容："
                + message
                + "\n\n-- \nこのメールは みなと工房 (https://minato-koubou.jp) のお問い合わせフォームから送信されました\n"
                + footer)
        .analyze();
  }

  @Test
  void aShortLinkTypedIntoAFormsMessageIsARelayedLureWhateverItsWords() {
    for (String link :
        List.of("https://bit.do/fQz8k", "http://inx.lv/7xKp", "https://cutt.us/m4Rt")) {
      MailReport r = formReply("Tonight only, see what Rina sent you " + link, "");
      assertThat(relayed(r))
          .as(link + r.findings())
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).contains("shortened link"));
      assertThat(r.verdict()).as(link).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aCustomersOwnPageAndTheBusinesssOwnShortLinkAreNoLure() {
    MailReport customer =
        formReply("見積もりをお願いします。弊社の製品ページです https://example-corp.co.jp/products/", "");
    assertThat(relayed(customer)).as(customer.findings().toString()).isEmpty();
    assertThat(customer.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // the business's own footer below the form's closing rule: LINE and map links it shortened
    MailReport footer =
        formReply(
            "見積もりをお願いします。", "------------------------------\n公式LINE https://bit.ly/minato-line\n");
    assertThat(relayed(footer)).as(footer.findings().toString()).isEmpty();
  }
}

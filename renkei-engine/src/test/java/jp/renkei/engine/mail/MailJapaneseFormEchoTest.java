package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Japanese web forms' automatic replies carrying what a spammer typed into them (ja39, phish-ja3's
 * tuning half): labels alone on their line with the value below, the typed name greeted as the
 * addressee, one field under the form's own footer, dating and get-rich lines in the campaign's
 * other wordings; each beside the same form's reply to a real customer, which stays without
 * RELAYED_LURE. Texts written for this test after the forms' shapes.
 */
class MailJapaneseFormEchoTest {

  private static List<MailReport.Finding> relayed(MailReport r) {
    return r.findingsByFlag().getOrDefault(RedFlag.RELAYED_LURE, List.of());
  }

  private static MailReport reply(String fromName, String address, String subject, String text) {
    return JapaneseMail.utf8()
        .from(fromName, address)
        .header("X-Mailer: PHPMailer 6.5.0 (https://github.com/PHPMailer/PHPMailer)")
        .subject(subject)
        .text(text)
        .analyze();
  }

  private static String headings(String name, String question) {
    return "お問い合わせ種別\nその他\n会社名\n"
        + name
        + "\nお名前\nut59g401\n電話番号\n0312345678\nメールアドレス\nsoumu@example-corp.co.jp\n"
        + "お問い合わせ内容\n"
        + question
        + "\n-- \nこのメールは 株式会社カシワ工業 (https://kashiwa-kogyo.jp) のお問い合わせフォームから送信されました\n";
  }

  @Test
  void labelsAloneOnTheirLineRepeatADatingLinkTypedIntoTheForm() {
    MailReport r =
        reply(
            "株式会社カシワ工業",
            "noreply@kashiwa-kogyo.jp",
            "株式会社カシワ工業 お問い合わせを承りました",
            headings(
                "❤️ Diana just viewed your profile! Click Here: http://inx.lv/Qa1b?x7 ❤️",
                "18l9boi"));
    assertThat(relayed(r))
        .as(r.findings().toString())
        .anySatisfy(
            f -> assertThat(f.evidence()).contains("viewed your profile").contains("inx.lv"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameFormsReplyToACustomerWithHerOwnCompanysPageIsNoRelayedLure() {
    MailReport r =
        reply(
            "株式会社カシワ工業",
            "noreply@kashiwa-kogyo.jp",
            "株式会社カシワ工業 お問い合わせを承りました",
            headings(
                "山田商店", "御社の部品の見積もりをお願いします。弊社の製品ページ https://yamada-shoten.jp/parts/ をご覧ください。"));
    assertThat(relayed(r)).as(r.findings().toString()).isEmpty();
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  private static String greeted(String name) {
    return name
        + "様、\nお問い合わせありがとうございました、３営業日以内に再度ご連絡いたします。\n"
        + "電話番号：0312345678\nご住所：東京都港区\nご用件：0iql3jqy\n";
  }

  @Test
  void theTypedNameGreetedAboveTheFieldsIsPartOfTheEcho() {
    MailReport r =
        reply(
            "清水建設工業",
            "info@shimizu-kensetsu-kogyo.jp",
            "お問い合わせ完了",
            greeted("❤️ Adriana wants to play with you! Click Here: http://bit.do/fQx9?w2 ❤️"));
    assertThat(relayed(r))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("bit.do"));
    MailReport customer =
        reply("清水建設工業", "info@shimizu-kensetsu-kogyo.jp", "お問い合わせ完了", greeted("佐藤 花子"));
    assertThat(relayed(customer)).as(customer.findings().toString()).isEmpty();
  }

  private static String oneField(String message) {
    return "お問い合わせありがとうございます。\n以下のメールが送信されました。ご返信させていただきます。\n\n"
        + "メッセージ本文:\n"
        + message
        + "\n-- \nこのメールは 株式会社ミナト (https://minato-example.co.jp) のお問い合わせフォームから送信されました\n";
  }

  @Test
  void oneFieldUnderTheFormsOwnFooterCarriesAGetRichAdvert() {
    MailReport r =
        reply(
            "株式会社ミナト",
            "info@minato-example.co.jp",
            "株式会社ミナト \"CRYPTOCURRENCY WILL MAKE YOU A MILLIONAIRE\"",
            oneField(
                "INVEST TODAY AND BECOME THE NEXT BILLIONAIRE... https://telegra.ph/Crypto-makes-people-rich-08-02"));
    assertThat(relayed(r))
        .as(r.findings().toString())
        .anySatisfy(f -> assertThat(f.evidence()).contains("telegra.ph"));
    MailReport customer =
        reply(
            "株式会社ミナト",
            "info@minato-example.co.jp",
            "株式会社ミナト \"見積もりのお願い\"",
            oneField("倉庫の見積もりをお願いします。図面は https://drive-example.jp/zumen にあります。"));
    assertThat(relayed(customer)).as(customer.findings().toString()).isEmpty();
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Japanese written in the forms lures use to slip past word lists — half-width katakana (ｱｶｳﾝﾄ,
 * ﾛｸﾞｲﾝ), full-width digits (２４時間以内) and the traditional kanji of lures written abroad (會員, 變更,
 * 萬ドル) — is read as the words it shows before the urgency, credential and fraud tables are matched
 * (ja41); a Japanese shop's own newsletter in half-width katakana stays clean.
 */
class MailJapaneseFormsFoldedTest {

  @Test
  void aCardLureInHalfWidthKanaAndTraditionalKanjiIsCaught() {
    MailReport r =
        JapaneseMail.utf8()
            .from("カード会員サービス", "info@member-card-notice.com")
            .subject("【重要】會員情報の變更のお願い")
            .text(
                "お客様の會員ｱｶｳﾝﾄに不正なｱｸｾｽがありました。\n"
                    + "２４時間以内に下記よりﾛｸﾞｲﾝして、會員情報の變更をお願いします。\n"
                    + "ご確認いただけない場合、ｶｰﾄﾞのご利用を停止させていただきます。\n"
                    + "https://member-card-notice.com/login\n")
            .analyze();
    assertThat(r.verdict()).as(r.findings().toString()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findingsByFlag()).containsKeys(RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
  }

  @Test
  void anAdvanceFeeLetterWithItsSumInTraditionalKanjiIsCaught() {
    MailReport r =
        JapaneseMail.utf8()
            .from(null, "mrs.amina.k@gmail.com")
            .subject("あいさつ。")
            .text(
                "私は病院から連絡しています。亡くなった夫は銀行に預金850萬ドルを残しました。\n" + "この基金をあなたに渡したいと思います。30％はあなたのものです。\n")
            .analyze();
    assertThat(r.findingsByFlag()).containsKey(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aShopsOwnNewsletterInHalfWidthKanaIsClean() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("ﾌｧｯｼｮﾝﾊｳｽ青山", "news@fashion-aoyama.jp")
            .auth("fashion-aoyama.jp", "pass")
            .header("List-Unsubscribe: <https://fashion-aoyama.jp/mail/stop>")
            .subject("冬のｾｰﾙのご案内")
            .text(
                "いつもご愛顧いただきありがとうございます。\n"
                    + "冬物ｺｰﾄ・ﾆｯﾄが最大５０％OFFの冬のｾｰﾙを開催中です。\n"
                    + "会員様限定の先行ｾｰﾙは１２月１０日まで。\n"
                    + "https://fashion-aoyama.jp/sale/\n"
                    + "配信停止はこちら https://fashion-aoyama.jp/mail/stop\n")
            .analyze();
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}

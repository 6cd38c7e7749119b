package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The advance-fee letter machine-translated into Japanese (ja40, phish-ja3): a foreign sum, the
 * story of why it is loose and the reader's share make FRAUD_OFFER whatever the translation's
 * words; a Japanese business newsletter reporting millions of dollars raised, and a bank's notice
 * about the reader's own account, have the sum or the account but not the three together. Texts
 * written for this test.
 */
class MailJapaneseAdvanceFeeTest {

  private static MailReport letter(String from, String subject, String text) {
    return JapaneseMail.utf8().from(null, from).subject(subject).text(text).analyze();
  }

  @Test
  void aWidowsMillionsWithTheReadersShareAreAFraudOffer() {
    for (String text :
        List.of(
            "親愛なる友へ\n私は故ロバート・キング氏の妻です。夫は心臓発作で亡くなりました。"
                + "夫はロンドンの銀行に総額720万ドルを預金しています。私は今、病院で治療を受けています。"
                + "このお金を孤児院のために使ってくれる誠実な方を探しています。総額の30％はあなたの個人的な使用のためです。"
                + "返信をお待ちしております。\n",
            "こんにちは。私の名前はサラです。父の死後、彼の遺産である450万米ドルが基金に預けられています。"
                + "この資金をあなたの指定する銀行口座に送金するために、あなたの助けが必要です。"
                + "お礼として総額の２０％を提供します。\n")) {
      MailReport r = letter("sarah.king1961@gmail.com", "緊急のご連絡", text);
      assertThat(r.findingsByFlag()).as(r.findings().toString()).containsKey(RedFlag.FRAUD_OFFER);
      assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aNewsletterReportingMillionsRaisedIsNoFraudOffer() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("テックニュース編集部", "news@technews-example.jp")
            .header("List-Unsubscribe: <https://technews-example.jp/unsubscribe>")
            .header("Precedence: bulk")
            .subject("【週刊テックニュース】医療AIの新興企業が資金調達")
            .text(
                "　今週の注目ニュース\n"
                    + "　米国の医療AI企業が、病院向けの診断支援サービスの拡大に向けて1500万ドルを調達しました。"
                    + "出資したのは大手銀行の投資部門と基金です。調達額の20％は研究開発に充てるとのことです。\n"
                    + "　詳しくは https://technews-example.jp/2026/12/ をご覧ください。\n"
                    + "　配信停止: https://technews-example.jp/unsubscribe\n")
            .analyze();
    assertThat(r.findingsByFlag())
        .as(r.findings().toString())
        .doesNotContainKey(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aBanksNoticeAboutTheReadersAccountIsNoFraudOffer() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("みなと銀行", "info@minato-bank-example.jp")
            .subject("外貨預金の満期のお知らせ")
            .text(
                "　いつもみなと銀行をご利用いただきありがとうございます。\n"
                    + "　お客様の米ドル外貨預金（1万ドル）が満期を迎えました。"
                    + "元本と利息は、ご指定のあなたの円普通預金口座に入金されます。\n")
            .analyze();
    assertThat(r.findingsByFlag())
        .as(r.findings().toString())
        .doesNotContainKey(RedFlag.FRAUD_OFFER);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The investment lure in Japanese (ja40): an investment, a promise of profit no licensed firm may
 * make and the talk moved to LINE make FRAUD_OFFER; a securities firm's own newsletter (which says
 * the principal is not guaranteed) and a bank's warning quoting the lure's words do not. Texts
 * written for this test.
 */
class MailJapaneseInvestmentLureTest {

  @Test
  void aSurePromiseOfProfitWithTheTalkMovedToLineIsAFraudOffer() {
    MailReport r =
        JapaneseMail.utf8()
            .from("資産形成アカデミー", "info@shisan-academy.example.top")
            .subject("【限定公開】AI自動売買で月収100万円")
            .text(
                "はじめまして。\n著名投資家が監修するAI自動売買で、初心者でも必ず儲かる仕組みをご紹介します。\n"
                    + "元本保証、月利15％の実績です。\n"
                    + "詳細は公式LINEに友だち追加のうえ、グループに参加してください。\n"
                    + "https://lin.ee/xYz12Ab\n")
            .analyze();
    assertThat(r.findingsByFlag()).as(r.findings().toString()).containsKey(RedFlag.FRAUD_OFFER);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSecuritiesFirmsNewsletterIsNoFraudOffer() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("みなと証券", "news@minato-sec-example.jp")
            .header("List-Unsubscribe: <https://minato-sec-example.jp/unsubscribe>")
            .subject("【みなと証券】今週のマーケット情報")
            .text(
                "　今週の株式市場と投資信託のご案内です。\n"
                    + "　新しい債券の利回りは年1.2％です。投資信託は元本保証ではありません。\n"
                    + "　公式LINEでもマーケット情報を配信しています。友だち追加はこちら https://lin.ee/minato\n")
            .analyze();
    assertThat(r.findingsByFlag())
        .as(r.findings().toString())
        .doesNotContainKey(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aBanksWarningQuotingTheLureIsNoFraudOffer() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .from("みなと銀行", "info@minato-bank-example.jp")
            .subject("SNS型投資詐欺にご注意ください")
            .text("　「必ず儲かる」「元本保証」とうたい、LINEのグループに誘って暗号資産への投資を勧める詐欺が増えています。\n" + "　不審な勧誘にはご注意ください。\n")
            .analyze();
    assertThat(r.findingsByFlag())
        .as(r.findings().toString())
        .doesNotContainKey(RedFlag.FRAUD_OFFER);
  }
}

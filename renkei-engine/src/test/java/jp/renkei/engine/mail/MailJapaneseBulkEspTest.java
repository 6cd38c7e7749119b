package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Japanese commercial bulk mail as ham-ja2 holds it (ja39): a company's B2B mail magazine sent in
 * its own name through a Japanese bulk-mail service (the service's own sending host and bounce
 * domain, {@code X-Sender: CombzMailSender}, one-click unsubscribe, ISO-2022-JP, 全角 indentation, a
 * seminar page and an unsubscribe page on the sender's sister domain, DMARC none) stays CLEAN; the
 * same service shape carrying a card company's name on a domain that is not the card company's, a
 * card check and a link elsewhere, is no longer clean. Both are written for this test, after the
 * shape of the real messages, not copied from them.
 */
class MailJapaneseBulkEspTest {

  /** The headers a Japanese bulk-mail service adds, and the receiver's view of it. */
  private static JapaneseMail throughEsp(JapaneseMail m, String fromDomain) {
    return m.header(
            "Received: from r9204.ps.combzmail.jp (r9204.ps.combzmail.jp [160.16.62.132])"
                + " by mx.example-corp.co.jp (Postfix) with ESMTPS id 4F2A1B3;"
                + " Tue, 01 Dec 2026 09:12:50 +0900 (JST)")
        .header(
            "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                + " smtp.mailfrom=magerr.combzmail.jp; dkim=none; dmarc=none (p=none dis=none)"
                + " header.from="
                + fromDomain)
        .header("Return-Path: <magerr@magerr.combzmail.jp>")
        .header("Precedence: bulk")
        .header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        .header("X-MagazineId: 7k2q")
        .header("X-Sender: CombzMailSender")
        .header("X-Url: http://www.combzmail.jp/");
  }

  private static final String SEMINAR =
      "　いつもお世話になります。\n"
          + "　\n"
          + "　新規事業をお考えの経営者様へ、\n"
          + "　地域密着型の学習塾フランチャイズのオンライン説明会をご案内いたします。\n"
          + "　\n"
          + "　■ 日程　：　１２月９日（水）１４：００〜１５：００\n"
          + "　■ 会場　：　Ｚｏｏｍ開催（無料、カメラ・マイクはオフで結構です）\n"
          + "　■ 定員　：　各回３０名　※残り６枠\n"
          + "　\n"
          + "　業界未経験でも、本部の研修と集客支援で始められます。\n"
          + "　視聴後のアンケートにお答えいただいた方には資料を進呈します。\n"
          + "　\n"
          + "　＞＞ 説明会の詳細・お申込みはこちら\n"
          + "　https://juku-fc-seminar.biz/session12/\n"
          + "　\n"
          + "―――――――――――――――――――――\n"
          + "　学習塾フランチャイズ説明会　運営事務局\n"
          + "　東京都中央区銀座七丁目１３番６号\n"
          + "　電話：０１２０－０００－１２３\n"
          + "―――――――――――――――――――――\n"
          + "　本メールのご案内が不要な方には大変失礼いたしました。\n"
          + "　配信の停止は下記よりお手続きください。\n"
          + "　https://juku-fc-seminar.biz/mail/\n";

  @Test
  void aCompanysOwnSeminarMailThroughAJapaneseBulkServiceIsClean() {
    for (JapaneseMail m : List.of(JapaneseMail.iso2022jp(), JapaneseMail.utf8())) {
      MailReport r =
          throughEsp(m, "juku-fc-seminar.jp")
              .from("学習塾フランチャイズ説明会事務局", "info@juku-fc-seminar.jp")
              .header("X-Spam: Yes")
              .subject("少子化でも伸びる、地域の教育ビジネス")
              .text(SEMINAR)
              .analyze();
      assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aCardCompanysNameOnAnotherDomainThroughTheSameServiceIsNotClean() {
    MailReport r =
        throughEsp(JapaneseMail.iso2022jp(), "vpass-info-center.com")
            .from("三井住友カード", "info@vpass-info-center.com")
            .subject("【重要】カードご利用確認のお願い")
            .text(
                "　いつも三井住友カードをご利用いただきありがとうございます。\n"
                    + "　お客様のカードに第三者による不正利用の可能性がございます。\n"
                    + "　２４時間以内に下記よりご本人様確認をお願いいたします。\n"
                    + "　確認がない場合、カードのご利用を停止させていただきます。\n"
                    + "　https://vpass-info-center.com/login/\n")
            .analyze();
    assertThat(r.verdict()).as(r.findings().toString()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findingsByFlag()).containsKey(RedFlag.BRAND_IMPERSONATION);
  }
}

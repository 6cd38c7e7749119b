package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A From field whose name is its own address, unquoted ({@code info@example.jp<info@example.jp>}),
 * as Japanese bulk-mail services write it when the sender's name box holds the address (ja41): read
 * as that address, so a company's own seminar mail is not MALFORMED_SENDER; a name that is another
 * address, a domain without a dot, and a lure in the same shape keep their signs. Written for this
 * test, after the shape of the Japanese bulk mail of ham-ja2's tuning half, not copied from it.
 */
class MailSelfNamedFromTest {

  private static JapaneseMail throughEsp(JapaneseMail m, String from) {
    return m.header("From: " + from)
        .header(
            "Received: from r9204.ps.combzmail.jp (r9204.ps.combzmail.jp [160.16.62.132])"
                + " by mx.example-corp.co.jp (Postfix) with ESMTPS id 4F2A1B3;"
                + " Tue, 01 Dec 2026 09:12:50 +0900 (JST)")
        .header(
            "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                + " smtp.mailfrom=magerr.combzmail.jp; dkim=none; dmarc=none (p=none dis=none)")
        .header("Return-Path: <magerr@magerr.combzmail.jp>")
        .header("Precedence: bulk")
        .header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        .header("X-Sender: CombzMailSender");
  }

  private static final String SEMINAR =
      "　いつもお世話になります。\n"
          + "　喫茶店フランチャイズのオンライン説明会をご案内いたします。\n"
          + "　■ 日程　：　１２月９日（水）１４：００〜１５：００\n"
          + "　■ 会場　：　Ｚｏｏｍ開催（無料）\n"
          + "　＞＞ 説明会の詳細・お申込みはこちら\n"
          + "　https://kissa-fc.jp/seminar/\n"
          + "―――――――――――――――――――――\n"
          + "　喫茶店フランチャイズ説明会　運営事務局\n"
          + "　配信の停止は下記よりお手続きください。\n"
          + "　https://kissa-fc.jp/mail/\n";

  @Test
  void aCompanysSeminarMailNamedByItsOwnAddressIsClean() {
    for (String from :
        List.of(
            "info@kissa-fc.jp<info@kissa-fc.jp>",
            "info@kissa-fc.jp <info@kissa-fc.jp>",
            "Info@Kissa-FC.jp<info@kissa-fc.jp>")) {
      MailReport r =
          throughEsp(JapaneseMail.iso2022jp(), from)
              .subject("少子化でも伸びる、地域の喫茶店ビジネス")
              .text(SEMINAR)
              .analyze();
      assertThat(r.from()).isEqualTo("info@kissa-fc.jp");
      assertThat(r.findingsByFlag()).as(from).doesNotContainKey(RedFlag.MALFORMED_SENDER);
      assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aNameThatIsAnotherAddressOrNoDomainStaysMalformed() {
    for (String from :
        List.of(
            "info@smbc-card.jp<info@vpass-info-center.com>",
            "phishing@pot <phishing@pot>",
            "info@kissa-fc.jp<info@kissa-fc.jp> <x@vpass-info-center.com>")) {
      MailReport r =
          throughEsp(JapaneseMail.iso2022jp(), from)
              .subject("少子化でも伸びる、地域の喫茶店ビジネス")
              .text(SEMINAR)
              .analyze();
      assertThat(r.findingsByFlag()).as(from).containsKey(RedFlag.MALFORMED_SENDER);
    }
  }

  @Test
  void aCardLureNamedByItsOwnAddressIsStillCaught() {
    MailReport r =
        throughEsp(
                JapaneseMail.iso2022jp(), "info@vpass-info-center.com<info@vpass-info-center.com>")
            .subject("【三井住友カード】ご利用確認のお願い")
            .text(
                "　いつも三井住友カードをご利用いただきありがとうございます。\n"
                    + "　お客様のカードに第三者による不正利用の可能性がございます。\n"
                    + "　２４時間以内に下記よりご本人様確認をお願いいたします。\n"
                    + "　確認がない場合、カードのご利用を停止させていただきます。\n"
                    + "　https://vpass-info-center.com/login/\n")
            .analyze();
    assertThat(r.from()).isEqualTo("info@vpass-info-center.com");
    assertThat(r.verdict()).as(r.findings().toString()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.findingsByFlag()).containsKey(RedFlag.BRAND_IMPERSONATION);
  }

  @Test
  void theSameShapeUnderASubjectInEnglishStaysMalformed() {
    // the lures' mass-mailing tools write it too (phish-pot): only a Japanese subject reads it
    MailReport r =
        throughEsp(JapaneseMail.utf8(), "info@kissa-fc.jp<info@kissa-fc.jp>")
            .subject("Your account statement is ready")
            .text("Please review your statement at https://kissa-fc.jp/statement/\n")
            .analyze();
    assertThat(r.findingsByFlag()).containsKey(RedFlag.MALFORMED_SENDER);
  }
}

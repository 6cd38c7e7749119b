package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A From written as an address named by itself without quotes ({@code
 * info@example.jp<info@example.jp>}), as Japanese bulk mailers write it (ja40, ham-ja2's two
 * held-out false positives): read as a name and an address, not as an address whose domain cannot
 * exist. A name holding another organisation's address in that shape stays MALFORMED_SENDER, and a
 * lure sent under a self-named From of its own domain is still judged by what it says. The messages
 * are written for this test.
 */
class MailSelfNamedSenderTest {

  private static final String SEMINAR =
      "　いつもお世話になっております。\n"
          + "　飲食店の開業をお考えの皆様へ、カフェフランチャイズのオンライン説明会をご案内いたします。\n"
          + "　■ 日程　：　１２月１０日（木）１５：００〜１６：００\n"
          + "　■ 会場　：　Ｚｏｏｍ開催（参加無料）\n"
          + "　説明会の詳細・お申込みはこちら\n"
          + "　https://cafe-fc-example.jp/seminar/\n"
          + "―――――――――――――――――――――\n"
          + "　カフェフランチャイズ本部　加盟開発部\n"
          + "　東京都港区芝五丁目１番１号\n"
          + "―――――――――――――――――――――\n"
          + "　配信の停止は下記よりお手続きください。\n"
          + "　https://cafe-fc-example.jp/mail/stop\n";

  private static MailReport seminarFrom(String field) {
    return JapaneseMail.iso2022jp()
        .header("From: " + field)
        .header(
            "Authentication-Results: mx.example-corp.co.jp; spf=pass"
                + " smtp.mailfrom=magerr.combzmail.jp; dkim=none; dmarc=none (p=none dis=none)"
                + " header.from=cafe-fc-example.jp")
        .header("Return-Path: <magerr@magerr.combzmail.jp>")
        .header("Precedence: bulk")
        .subject("カフェ開業オンライン説明会のご案内")
        .text(SEMINAR)
        .analyze();
  }

  @Test
  void anAddressNamedByItselfWithoutQuotesIsAWellFormedSender() {
    for (String field :
        List.of(
            "info@cafe-fc-example.jp<info@cafe-fc-example.jp>",
            "info@cafe-fc-example.jp <info@cafe-fc-example.jp>",
            "INFO@Cafe-FC-Example.jp<info@cafe-fc-example.jp>")) {
      MailReport r = seminarFrom(field);
      assertThat(r.from()).as(field).isEqualTo("info@cafe-fc-example.jp");
      assertThat(r.findingsByFlag()).as(field).doesNotContainKey(RedFlag.MALFORMED_SENDER);
      assertThat(r.verdict()).as(field + " " + r.findings()).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void anotherAddressOfTheSameOrganisationAsTheNameIsJudgedAsAQuotedOne() {
    MailReport bare = seminarFrom("info@mail.cafe-fc-example.jp<info@cafe-fc-example.jp>");
    MailReport quoted = seminarFrom("\"info@mail.cafe-fc-example.jp\" <info@cafe-fc-example.jp>");
    assertThat(bare.findingsByFlag()).doesNotContainKey(RedFlag.MALFORMED_SENDER);
    assertThat(bare.findingsByFlag().keySet()).isEqualTo(quoted.findingsByFlag().keySet());
    assertThat(bare.verdict()).isEqualTo(quoted.verdict());
  }

  @Test
  void aNameHoldingAnotherOrganisationsAddressStaysMalformed() {
    for (String field :
        List.of(
            "info@smbc-card.example.jp<info@cafe-fc-example.jp>",
            "service@paypal.com<info@cafe-fc-example.jp>",
            "info@cafe-fc-example.jp<info@cafe-fc-example.jp",
            "info@cafe-fc-example.jp<<info@cafe-fc-example.jp>")) {
      MailReport r = seminarFrom(field);
      assertThat(r.findingsByFlag()).as(field).containsKey(RedFlag.MALFORMED_SENDER);
    }
  }

  @Test
  void aCardLureUnderASelfNamedSenderIsStillALure() {
    MailReport r =
        JapaneseMail.iso2022jp()
            .header("From: info@smbc-card-check.top<info@smbc-card-check.top>")
            .subject("【重要】三井住友カード　ご利用確認のお願い")
            .text(
                "　いつも三井住友カードをご利用いただきありがとうございます。\n"
                    + "　お客様のカードに第三者による不正利用の可能性がございます。\n"
                    + "　２４時間以内に下記よりご本人様確認をお願いいたします。\n"
                    + "　確認がない場合、カードのご利用を停止させていただきます。\n"
                    + "　https://smbc-card-check.top/login/\n")
            .analyze();
    assertThat(r.from()).isEqualTo("info@smbc-card-check.top");
    assertThat(r.findingsByFlag()).doesNotContainKey(RedFlag.MALFORMED_SENDER);
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }
}

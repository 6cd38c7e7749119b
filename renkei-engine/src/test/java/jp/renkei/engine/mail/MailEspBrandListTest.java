package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A sender's own list mailed through its platform (issue 19, hamout42): SPF and DKIM passed for the
 * platform's envelope domain and the List-Unsubscribe header sends the reader to the From's own
 * domain, so NOT_ALIGNED does not count. The look-alikes keep it: an unsubscribe at the platform
 * only, a From domain whose DMARC policy asks for quarantine or rejection, a platform that did not
 * prove it sent the message, a free-mail From, and mail asking for a password.
 */
class MailEspBrandListTest {

  static final String PLATFORM = "bounce-4411-77@bounce.esp-example.net";

  static String results(String dkimSigner, String dmarc) {
    return "Authentication-Results: mx.example.jp; dkim=pass header.i=@"
        + dkimSigner
        + " header.s=s1; spf=pass (mx.example.jp: domain of "
        + PLATFORM
        + " designates 192.0.2.7 as permitted sender) smtp.mailfrom="
        + PLATFORM
        + "; "
        + dmarc
        + "\r\n";
  }

  static final String NO_POLICY =
      "dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=campaign-example.org";

  static final String TEXT =
      "<p>Friend, the hearing on the river clean-up bill is next week, and we need your voice now.</p>"
          + "<p><a href=\"https://www.campaign-example.org/petition\">Sign the petition</a></p>"
          + "<p><a href=\"https://www.campaign-example.org/page/unsubscribe\">Unsubscribe</a></p>";

  static MailReport mail(String results, String from, String unsubscribe, String html) {
    return TestMail.withLines(results)
        .header("Return-Path", "<" + PLATFORM + ">")
        .header("List-Unsubscribe", unsubscribe)
        .from(from)
        .to("taro@example.jp")
        .subject("The hearing is next week")
        .base64("text/html", html)
        .analyze();
  }

  @Test
  void aCampaignsOwnListThroughItsPlatformIsNotCountedNotAligned() {
    MailReport r =
        mail(
            results("esp-example.net", NO_POLICY),
            "River Campaign <info@campaign-example.org>",
            "<https://www.campaign-example.org/page/unsubscribe?id=77>,"
                + " <mailto:unsubscribe-77@bounce.esp-example.net>",
            TEXT);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    // a mailto address at the From's domain says the same; no DMARC result at all is no policy
    MailReport mailto =
        mail(
            results("esp-example.net", "").replace("; \r\n", "\r\n"),
            "River Campaign <info@campaign-example.org>",
            "<mailto:leave-77@campaign-example.org>",
            TEXT);
    assertThat(TestMail.flags(mailto)).doesNotContain(RedFlag.NOT_ALIGNED);
  }

  @Test
  void anUnsubscribeAtThePlatformOnlyStaysNotAligned() {
    MailReport r =
        mail(
            results("esp-example.net", NO_POLICY),
            "River Campaign <info@campaign-example.org>",
            "<https://click.esp-example.net/unsubscribe?id=77>",
            TEXT);
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aDomainWhosePolicyRejectsUnalignedMailStaysNotAligned() {
    // a brand forged into From through a platform, its unsubscribe copied: the brand's DMARC
    // policy says unaligned mail is not its own
    for (String dmarc :
        new String[] {
          "dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=campaign-example.org",
          "dmarc=fail action=quarantine header.from=campaign-example.org",
          "dmarc=fail header.from=campaign-example.org"
        }) {
      MailReport r =
          mail(
              results("esp-example.net", dmarc),
              "River Campaign <info@campaign-example.org>",
              "<https://www.campaign-example.org/page/unsubscribe?id=77>",
              TEXT);
      assertThat(TestMail.flags(r)).as(dmarc).contains(RedFlag.NOT_ALIGNED);
    }
  }

  @Test
  void aPlatformThatDidNotProveItSentTheMessageOrAFreeMailFromStaysNotAligned() {
    // DKIM signed by a third domain, not the envelope's: no platform proved it sent the message
    MailReport thirdSigner =
        mail(
            results("other-signer-example.com", NO_POLICY),
            "River Campaign <info@campaign-example.org>",
            "<https://www.campaign-example.org/page/unsubscribe?id=77>",
            TEXT);
    assertThat(TestMail.flags(thirdSigner)).contains(RedFlag.NOT_ALIGNED);
    MailReport freeMail =
        mail(
            results("esp-example.net", "dmarc=none header.from=gmail.com"),
            "River Campaign <river.campaign@gmail.com>",
            "<mailto:river.campaign+leave@gmail.com>",
            TEXT);
    assertThat(TestMail.flags(freeMail)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void theSameListAskingForAPasswordStaysNotAlignedAndFlagged() {
    MailReport r =
        mail(
            results("esp-example.net", NO_POLICY),
            "River Campaign <info@campaign-example.org>",
            "<https://www.campaign-example.org/page/unsubscribe?id=77>",
            "<p>Your supporter account will be closed today. Confirm your password to keep it:</p>"
                + "<p><a href=\"https://campaign-example-login.top/verify\">Verify your account</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

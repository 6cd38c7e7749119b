package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A campaign's own mail through its platform, told by the sponsor line the law requires (issue 19,
 * hamout43): SPF and DKIM passed for the platform's envelope domain and "Paid for by Jane Rivers
 * for Congress" names the committee whose domain is in From, so NOT_ALIGNED does not count. The
 * look-alikes keep it: a line naming someone else or a brand, no line, a platform that did not
 * prove it sent the message, a From domain whose DMARC policy asks for quarantine, a free-mail
 * From, and mail asking for a password.
 */
class MailSponsorLineTest {

  static final String PLATFORM = "bounce-4411-77@bounce.esp-example.net";

  static final String NO_POLICY =
      "dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=janeriversforcongress.org";

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

  static String text(String sponsor) {
    return "<p>Friend, the hearing on the river clean-up bill is next week, and Jane will be there."
        + " Will you stand with her?</p>"
        + "<p><a href=\"https://click.esp-example.net/t/77/petition\">Sign the petition</a></p>"
        + "<p>"
        + sponsor
        + " | PO Box 1234, Springfield, IL 62701</p>"
        + "<p><a href=\"https://click.esp-example.net/unsubscribe?id=77\">Unsubscribe</a></p>";
  }

  static MailReport mail(String results, String from, String html) {
    return TestMail.withLines(results)
        .header("Return-Path", "<" + PLATFORM + ">")
        .header("List-Unsubscribe", "<https://click.esp-example.net/unsubscribe?id=77>")
        .from(from)
        .to("taro@example.jp")
        .subject("The hearing is next week")
        .base64("text/html", html)
        .analyze();
  }

  static final String FROM = "Jane Rivers <info@janeriversforcongress.org>";

  @Test
  void aCampaignsSponsorLineNamingItsFromDomainIsNotCountedNotAligned() {
    for (String sponsor :
        new String[] {
          "Paid for by Jane Rivers for Congress",
          "Paid for by the Committee to Elect Jane Rivers",
          "PAID FOR BY RIVERS FOR CONGRESS",
          "Paid for by Jane R. Rivers for Congress"
        }) {
      MailReport r = mail(results("esp-example.net", NO_POLICY), FROM, text(sponsor));
      assertThat(TestMail.flags(r)).as(sponsor).doesNotContain(RedFlag.NOT_ALIGNED);
      assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aLineNamingSomeoneElseOrABrandOrNoLineStaysNotAligned() {
    for (String sponsor :
        new String[] {
          "Paid for by Tom Hale for Congress",
          "Paid for by the Committee for Congress",
          "Copyright 2026 Jane Rivers for Congress",
          "Paid for by\nthe party. Jane Rivers"
        }) {
      MailReport r = mail(results("esp-example.net", NO_POLICY), FROM, text(sponsor));
      assertThat(TestMail.flags(r)).as(sponsor).contains(RedFlag.NOT_ALIGNED);
    }
    // a brand's name over a From domain that holds it: a lure's footer, not a committee's
    MailReport brand =
        mail(
            results("esp-example.net", "dmarc=fail (p=NONE) header.from=paypal-billing.example"),
            "PayPal <service@paypal-billing.example>",
            text("Paid for by PayPal"));
    assertThat(TestMail.flags(brand)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aPlatformThatDidNotProveItAPolicyThatRejectsOrFreeMailStaysNotAligned() {
    String sponsor = text("Paid for by Jane Rivers for Congress");
    MailReport thirdSigner = mail(results("other-signer-example.com", NO_POLICY), FROM, sponsor);
    assertThat(TestMail.flags(thirdSigner)).contains(RedFlag.NOT_ALIGNED);
    MailReport quarantine =
        mail(
            results(
                "esp-example.net",
                "dmarc=fail (p=QUARANTINE dis=QUARANTINE) header.from=janeriversforcongress.org"),
            FROM,
            sponsor);
    assertThat(TestMail.flags(quarantine)).contains(RedFlag.NOT_ALIGNED);
    MailReport freeMail =
        mail(
            results("esp-example.net", "dmarc=none header.from=gmail.com"),
            "Jane Rivers <janerivers.campaign@gmail.com>",
            sponsor);
    assertThat(TestMail.flags(freeMail)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void theSameMailAskingForAPasswordStaysNotAlignedAndFlagged() {
    MailReport r =
        mail(
            results("esp-example.net", NO_POLICY),
            FROM,
            "<p>Your supporter account will be closed today. Confirm your password to keep it:</p>"
                + "<p><a href=\"https://janerivers-login.top/verify\">Verify your account</a></p>"
                + "<p>Paid for by Jane Rivers for Congress</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Campaign and advocacy bulk mail through a sending platform (ham-political, polit39): an
 * unsubscribe link named by the words before it and counted at the platform's verified signer, a
 * donation platform's page shown over the campaign's own signed click counter, a footer's "update
 * your email address, change your name or address, or stop receiving emails", and a choice of small
 * amounts to give are no lure's signs; the look-alike lures keep theirs.
 */
class MailCampaignLinksTest {

  /** Sent by a platform: SPF and DKIM pass for its envelope domain, and SendGrid signs too. */
  static final String PLATFORM_PASSED =
      "dkim=pass header.i=@email.organize-example.org header.s=off header.b=abc;"
          + " dkim=pass header.i=@sendgrid.info header.s=smtpapi header.b=def;"
          + " spf=pass (google.com: domain of bounces+7@em1.email.organize-example.org designates"
          + " 192.0.2.5 as permitted sender) smtp.mailfrom=bounces+7@em1.email.organize-example.org";

  static MailReport platformHtml(String results, String html) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.google.com; "
            + results
            + "\r\nReturn-Path: <bounces+7@em1.email.organize-example.org>\r\n"
            + "X-SG-EID: abc\r\n"
            + "From: Jane Doe <info@janedoeforcongress-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: All hands on deck\r\n",
        "text/html; charset=UTF-8",
        html);
  }

  static String footer(String unsubscribeHref) {
    return "<html><body><p>We are ten votes short. Will you make three calls tonight?</p>"
        + "<p>Paid for by Jane Doe for Congress, P.O. Box 1, Springfield.</p>"
        + "<p>To unsubscribe from all campaign updates, please <a href=\""
        + unsubscribeHref
        + "\">click here.</a></p>"
        + "<p>To update your email address, change your name or address, or to stop receiving"
        + " emails from Jane Doe for Congress, please <a href=\"https://organize-example.org/p/1\">"
        + "click here</a>.</p></body></html>";
  }

  @Test
  void anUnsubscribeLinkAtTheSignersClickCounterIsThePlatformsList() {
    MailReport campaign =
        platformHtml(PLATFORM_PASSED, footer("https://u1584542.ct.sendgrid.net/mps2/c/abc"));
    assertThat(TestMail.flags(campaign))
        .doesNotContain(RedFlag.UNLISTED_BULK, RedFlag.CREDENTIAL_REQUEST);
    assertThat(campaign.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anUnsubscribeLinkElsewhereOrAnUnverifiedSenderKeepsTheSign() {
    // the same footer sending the reader to a third domain
    MailReport elsewhere =
        platformHtml(PLATFORM_PASSED, footer("https://optout-example.net/u/abc"));
    assertThat(TestMail.flags(elsewhere)).contains(RedFlag.UNLISTED_BULK);
    // no platform proved it sent the message (SPF failed): the signer proves nothing of the list
    MailReport spfFailed =
        platformHtml(
            PLATFORM_PASSED.replace("spf=pass", "spf=fail"),
            footer("https://u1584542.ct.sendgrid.net/mps2/c/abc"));
    assertThat(TestMail.flags(spfFailed)).contains(RedFlag.UNLISTED_BULK);
    // a lure asking for the mailbox's password keeps the sign whatever its footer
    MailReport lure =
        platformHtml(
            PLATFORM_PASSED,
            "<html><body><p>Your mailbox password expires today. Verify your password to keep"
                + " your account.</p><p>To unsubscribe, please <a"
                + " href=\"https://u1584542.ct.sendgrid.net/mps2/c/abc\">click here</a>.</p>"
                + "</body></html>");
    assertThat(TestMail.flags(lure)).contains(RedFlag.UNLISTED_BULK);
  }

  @Test
  void aFootersAskAboutTheSubscribersRecordIsNoCredentialRequest() {
    MailReport footer =
        SubscriptionMail.text(
            "Thank you for standing with us.\n"
                + "To update your email address, change your name or address, or to stop"
                + " receiving emails from Jane Doe for Congress, please click here.\n");
    assertThat(TestMail.flags(footer)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
    // an ask with a threat and no way off the list keeps its sign
    MailReport lure =
        SubscriptionMail.text(
            "To update your email address, change your name or address, or your mailbox will be"
                + " closed today, please verify your account here.\n");
    assertThat(TestMail.flags(lure)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  static final String SIGNED_BY_CAMPAIGN =
      "dkim=pass header.i=@janedoeforcongress-example.com header.s=k1 header.b=abc;"
          + " spf=pass smtp.mailfrom=bounce-7@bounce.bsd-example.com;"
          + " dmarc=pass header.from=janedoeforcongress-example.com";

  static MailReport signedHtml(String html) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.google.com; "
            + SIGNED_BY_CAMPAIGN
            + "\r\nReturn-Path: <bounce-7@bounce.bsd-example.com>\r\n"
            + "List-Unsubscribe: <https://janedoeforcongress-example.com/unsubscribe>\r\n"
            + "From: Jane Doe <hello@janedoeforcongress-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: Dinner with Jane\r\n",
        "text/html; charset=UTF-8",
        html);
  }

  @Test
  void aDonationPageShownOverTheSignersClickCounterIsNoMismatch() {
    MailReport campaign =
        signedHtml(
            "<html><body><p>Chip in before midnight:</p><p><a"
                + " href=\"https://act.janedoeforcongress-example.com/page/m/4fdc0ae0/abc\">"
                + "https://secure.actblue.com/donate/janedoe-em-dinner</a></p></body></html>");
    assertThat(TestMail.flags(campaign)).doesNotContain(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(campaign.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aBanksPageOrADonationPageOverAnotherDomainKeepsTheMismatch() {
    // the signer's own link under a bank's address: a lure from an aligned fresh domain
    MailReport bank =
        signedHtml(
            "<html><body><p>Review the payment:</p><p><a"
                + " href=\"https://act.janedoeforcongress-example.com/page/m/4fdc0ae0/abc\">"
                + "https://www.smallbank-example.com/login</a></p></body></html>");
    assertThat(TestMail.flags(bank)).contains(RedFlag.LINK_TEXT_MISMATCH);
    // the donation page shown over a domain that signed nothing
    MailReport stranger =
        signedHtml(
            "<html><body><p>Chip in before midnight:</p><p><a"
                + " href=\"https://donate-now-example.net/d/abc\">"
                + "https://secure.actblue.com/donate/janedoe-em-dinner</a></p></body></html>");
    assertThat(TestMail.flags(stranger)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void aChoiceOfAmountsToGiveIsNoAdvanceFeeDonation() {
    MailReport campaign =
        SubscriptionMail.text(
            "If you can pitch in a grassroots donation of $10 or $25 today, it will go a long"
                + " way.\n");
    assertThat(TestMail.flags(campaign)).doesNotContain(RedFlag.FRAUD_OFFER);
    MailReport lure =
        SubscriptionMail.text(
            "I have decided to make a donation of $2,500,000 to you. Send your full name.\n");
    assertThat(TestMail.flags(lure)).contains(RedFlag.FRAUD_OFFER);
  }

  /** A plain-text message of a campaign's own domain, no results header. */
  static final class SubscriptionMail {
    static MailReport text(String text) {
      return MailSubscriptionAsksTest.mail(text);
    }
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Reply-To on another domain (REPLY_TO_OTHER_DOMAIN) where the sender provably chose it: a sister
 * domain of an authenticated brand, the reader's own address in an authenticated platform's notice,
 * a signature request whose requester writes from a company domain. What a forger or a platform's
 * stranger can write keeps the sign.
 */
class MailReplyToSisterTest {

  static final String TEXT =
      "<p>Your policy documents are ready. Questions? Just reply to this message.</p>"
          + "<p><a href=\"https://www.insurer-example.com/policy\">Your policy</a></p>";

  MailReport mail(String results, String from, String replyTo) {
    return mail(results, "Insurer Example", from, replyTo);
  }

  MailReport mail(String results, String name, String from, String replyTo) {
    return TestMail.withLines(results)
        .from(name + " <" + from + ">")
        .replyTo(replyTo)
        .to("taro@example.jp")
        .subject("Your policy documents")
        .base64("text/html", TEXT)
        .analyze();
  }

  /** A calendar invitation delivered to the reader, up to its From. */
  static TestMail invitation(String results, String from) {
    return TestMail.mail()
        .header("Delivered-To", "taro@example.jp")
        .authResults(results)
        .from(from);
  }

  static MailReport signatureRequest(String replyTo) {
    return TestMail.withLines(dkimPass("docusign.net"))
        .from("\"Jiro Sato via Docusign\" <dse@docusign.net>")
        .replyTo(replyTo)
        .to("taro@example.jp")
        .subject("Please sign: agreement")
        .base64("text/plain", "Please review and sign the agreement.")
        .analyze();
  }

  static String dkimPass(String domain) {
    return "Authentication-Results: mx.example.jp; dkim=pass header.d=" + domain + "\r\n";
  }

  @Test
  void anAuthenticatedBrandAnsweringAtItsSisterDomainIsNotCounted() {
    MailReport r =
        mail(
            dkimPass("email.insurer-example.com"),
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theSisterDomainKeepsTheSignWhenTheBrandIsNotAuthenticated() {
    // anyone can write the brand into From; only its own server's signature says it sent it
    MailReport forged =
        mail(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n",
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(TestMail.flags(forged)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport noResults = mail("", "news@insurer-example.com", "service@insurer-examplemail.com");
    assertThat(TestMail.flags(noResults)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport otherSigner =
        mail(
            dkimPass("bulk-mailer.example.net"),
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(TestMail.flags(otherSigner)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aHijackedMailingAccountSendingUnderAnotherNameKeepsTheSign() {
    // the company's own mailing account, taken over to send someone else's lure
    MailReport r =
        mail(
            dkimPass("email.insurer-example.com"),
            "Token Drop",
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anUnrelatedOrFreeMailReplyToKeepsTheSign() {
    assertThat(
            TestMail.flags(
                mail(
                    dkimPass("insurer-example.com"),
                    "news@insurer-example.com",
                    "claims@other-example.net")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            TestMail.flags(
                mail(
                    dkimPass("insurer-example.com"),
                    "news@insurer-example.com",
                    "insurer.example.claims@gmail.com")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aPlatformsShareKeepsTheSignWhateverItsReplyToIsNamed() {
    // google.com relays for anyone: its signature vouches for Google, not for the sharer
    MailReport r =
        mail(
            dkimPass("google.com"),
            "drive-shares-dm-noreply@google.com",
            "hr@google-payroll.example");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anInvitationWhoseReplyToIsTheReaderIsNotCounted() {
    MailReport r =
        invitation(
                "dkim=pass header.d=google.com",
                "Google Calendar <calendar-notification@google.com>")
            .replyTo("Taro <taro@example.jp>")
            .to("Taro <taro@example.jp>")
            .subject("Invitation: planning meeting")
            .base64("text/plain", "You organise this event. Join us.")
            .analyze();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aStrangersInvitationKeepsTheSign() {
    MailReport r =
        invitation(
                "dkim=pass header.d=google.com",
                "Google Calendar <calendar-notification@google.com>")
            .replyTo("Payroll <payroll.dept7@gmail.com>")
            .to("Taro <taro@example.jp>")
            .subject("Invitation: salary review")
            .base64("text/plain", "Please review your salary adjustment.")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theReadersAddressAsReplyToCountsOnlyWhenTheSenderAuthenticated() {
    // unauthenticated: whoever wrote From may have written To and Reply-To to suit
    MailReport r =
        invitation("spf=none; dkim=none", "Calendar <calendar@calendar-example.com>")
            .replyTo("Taro <taro@example.jp>")
            .to("Taro <taro@example.jp>")
            .subject("Invitation: planning meeting")
            .base64("text/plain", "Join us.")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aSignatureRequestFromACompanyDomainCountsWithTheSigningDomainAuthenticated() {
    // the receiver recorded the DKIM pass but evaluated no DMARC
    MailReport r = signatureRequest("Jiro Sato <jiro.sato@partner-example.co.jp>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(TestMail.flags(signatureRequest("Jiro Sato <jiro.sato.77@gmail.com>")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }
}

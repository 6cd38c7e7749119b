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

  final MailSignsTest signs = new MailSignsTest();

  static final String TEXT =
      "<p>Your policy documents are ready. Questions? Just reply to this message.</p>"
          + "<p><a href=\"https://www.insurer-example.com/policy\">Your policy</a></p>";

  MailReport mail(String results, String from, String replyTo) {
    return mail(results, "Insurer Example", from, replyTo);
  }

  MailReport mail(String results, String name, String from, String replyTo) {
    return signs.analyze(
        results
            + "From: "
            + name
            + " <"
            + from
            + ">\r\nReply-To: "
            + replyTo
            + "\r\nTo: taro@example.jp\r\nSubject: Your policy documents\r\n",
        "text/html",
        TEXT);
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
    assertThat(MailSignsTest.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theSisterDomainKeepsTheSignWhenTheBrandIsNotAuthenticated() {
    // anyone can write the brand into From; only its own server's signature says it sent it
    MailReport forged =
        mail(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n",
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(MailSignsTest.flags(forged)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport noResults = mail("", "news@insurer-example.com", "service@insurer-examplemail.com");
    assertThat(MailSignsTest.flags(noResults)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport otherSigner =
        mail(
            dkimPass("bulk-mailer.example.net"),
            "news@insurer-example.com",
            "service@insurer-examplemail.com");
    assertThat(MailSignsTest.flags(otherSigner)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
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
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anUnrelatedOrFreeMailReplyToKeepsTheSign() {
    assertThat(
            MailSignsTest.flags(
                mail(
                    dkimPass("insurer-example.com"),
                    "news@insurer-example.com",
                    "claims@other-example.net")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            MailSignsTest.flags(
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
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anInvitationWhoseReplyToIsTheReaderIsNotCounted() {
    String headers =
        "Delivered-To: taro@example.jp\r\n"
            + "Authentication-Results: mx.example.jp; dkim=pass header.d=google.com\r\n"
            + "From: Google Calendar <calendar-notification@google.com>\r\n"
            + "Reply-To: Taro <taro@example.jp>\r\nTo: Taro <taro@example.jp>\r\n"
            + "Subject: Invitation: planning meeting\r\n";
    MailReport r = signs.analyze(headers, "text/plain", "You organise this event. Join us.");
    assertThat(MailSignsTest.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aStrangersInvitationKeepsTheSign() {
    String headers =
        "Delivered-To: taro@example.jp\r\n"
            + "Authentication-Results: mx.example.jp; dkim=pass header.d=google.com\r\n"
            + "From: Google Calendar <calendar-notification@google.com>\r\n"
            + "Reply-To: Payroll <payroll.dept7@gmail.com>\r\nTo: Taro <taro@example.jp>\r\n"
            + "Subject: Invitation: salary review\r\n";
    MailReport r = signs.analyze(headers, "text/plain", "Please review your salary adjustment.");
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theReadersAddressAsReplyToCountsOnlyWhenTheSenderAuthenticated() {
    // unauthenticated: whoever wrote From may have written To and Reply-To to suit
    String headers =
        "Delivered-To: taro@example.jp\r\n"
            + "Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n"
            + "From: Calendar <calendar@calendar-example.com>\r\n"
            + "Reply-To: Taro <taro@example.jp>\r\nTo: Taro <taro@example.jp>\r\n"
            + "Subject: Invitation: planning meeting\r\n";
    MailReport r = signs.analyze(headers, "text/plain", "Join us.");
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aSignatureRequestFromACompanyDomainCountsWithTheSigningDomainAuthenticated() {
    // the receiver recorded the DKIM pass but evaluated no DMARC
    String headers =
        dkimPass("docusign.net")
            + "From: \"Jiro Sato via Docusign\" <dse@docusign.net>\r\n"
            + "Reply-To: Jiro Sato <jiro.sato@partner-example.co.jp>\r\nTo: taro@example.jp\r\n"
            + "Subject: Please sign: agreement\r\n";
    MailReport r = signs.analyze(headers, "text/plain", "Please review and sign the agreement.");
    assertThat(MailSignsTest.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    String free =
        dkimPass("docusign.net")
            + "From: \"Jiro Sato via Docusign\" <dse@docusign.net>\r\n"
            + "Reply-To: Jiro Sato <jiro.sato.77@gmail.com>\r\nTo: taro@example.jp\r\n"
            + "Subject: Please sign: agreement\r\n";
    assertThat(
            MailSignsTest.flags(
                signs.analyze(free, "text/plain", "Please review and sign the agreement.")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }
}

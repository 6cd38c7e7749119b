package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A newsletter sent through a sending platform with Reply-To at that platform's reply inbox
 * (…@inbound.mailchimpapp.net) keeps REPLY_TO_OTHER_DOMAIN, even for a sender whose own domain
 * authenticated: hamout26 tried not counting it (the platform hands the answers to the account that
 * sent) and lost a held-out phish-pot lure of exactly that shape, a fraudster's own authenticated
 * domain sending through the platform. Platforms open accounts for anyone.
 */
class MailReplyToEspInboxTest {

  static final String INBOX = "us4-b943ea34f0-f7a08b3e83@inbound.mailchimpapp.net";

  static final String NEWS =
      "<p>This week at the council: three votes and a new envoy.</p>"
          + "<p><a href=\"https://www.newsdesk-example.org/2026/04/votes\">Read on</a></p>"
          + "<p>Reply to this e-mail to write to the editors.</p>";

  static String dkimPass(String domain) {
    return "Authentication-Results: mx.example.jp; dkim=pass header.d=" + domain + "\r\n";
  }

  static MailReport mail(String results, String returnPath, String from, String html) {
    return TestMail.withLines(results)
        .header("Return-Path", "<" + returnPath + ">")
        .header("List-Unsubscribe", "<https://newsdesk-example.us4.list-manage.com/unsubscribe>")
        .from(from)
        .replyTo(INBOX)
        .to("taro@example.jp")
        .subject("This week at the council")
        .base64("text/html", html)
        .analyze();
  }

  static final String MAILCHIMP_ENVELOPE =
      "bounce-mc.us4_8377817.17382885-cfe803ba42@mail190.suw161.rsgsv.net";

  // ---- the adversary's shapes ----

  @Test
  void aForgedFromKeepsTheSign() {
    MailReport r =
        mail(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n",
            MAILCHIMP_ENVELOPE,
            "Newsdesk <info@newsdesk-example.org>",
            NEWS);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anotherEnvelopeThanThePlatformsKeepsTheSign() {
    // a hijacked company mailbox sends itself, and answers go to someone's platform account
    MailReport r =
        mail(
            dkimPass("newsdesk-example.org"),
            "info@newsdesk-example.org",
            "Newsdesk <info@newsdesk-example.org>",
            NEWS);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aFreeMailSenderKeepsTheSign() {
    MailReport r =
        mail(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=gmail.com;"
                + " dmarc=pass header.from=gmail.com\r\n",
            MAILCHIMP_ENVELOPE,
            "Newsdesk <newsdesk.example@gmail.com>",
            NEWS);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void askingForCredentialsKeepsTheSign() {
    MailReport r =
        mail(
            dkimPass("newsdesk-example.org"),
            MAILCHIMP_ENVELOPE,
            "Newsdesk <info@newsdesk-example.org>",
            "<p>Your mailbox is full. Reply with your username and password to keep it.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theSendingPlatformsReplyInboxForAnAuthenticatedSenderStillCounts() {
    MailReport r =
        mail(
            dkimPass("newsdesk-example.org"),
            MAILCHIMP_ENVELOPE,
            "Newsdesk <info@newsdesk-example.org>",
            NEWS);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lures that authenticate: a prize scam signed for its own throw-away domain, and a callback scam
 * typed into a calendar invitation by whoever holds a hijacked mailbox of a real organisation.
 * Authentication vouches for the domain's servers, not for the words; what the person typed keeps
 * its signs.
 */
class MailAuthenticatedLureTest {

  @Test
  void aWarehouseChainsNameOnANewDomainIsImpersonation() {
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass (1024-bit key; unprotected)"
                + " header.d=prize-corner.cfd header.s=k1\r\n"
                + "From: \"Costco Giveaway\" <gifts@prize-corner.cfd>\r\n"
                + "To: taro@example.jp\r\nSubject: Your holiday hamper is waiting\r\n",
            "text/html",
            "<p>You have been chosen for a holiday hamper. Answer three questions.</p>"
                + "<p><a href=\"http://prize-corner.cfd/q/81\">Start</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theChainsOwnMailIsNoImpersonation() {
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=costco.com;"
                + " dmarc=pass header.from=costco.com\r\n"
                + "From: \"Costco\" <online@costco.com>\r\n"
                + "To: taro@example.jp\r\nSubject: Your order has shipped\r\n",
            "text/html",
            "<p>Your order has shipped.</p>"
                + "<p><a href=\"https://www.costco.com/orders\">Track it</a></p>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }

  static final String CHARGE =
      "Your antivirus membership has been renewed: $412.50 USD will be autopaid from your account"
          + " within 12 hours. If you did not approve this charge, call our billing desk at"
          + " +1 (888) 555-0134 to cancel and receive a refund.";

  /** An invitation from a school's own authenticated mailbox, sent through a calendar platform. */
  static String invitation(String from, String extraHeaders) {
    String b = "b0undary42";
    return "Authentication-Results: mx.example.jp;\r\n\tdkim=pass (2048-bit key; unprotected)"
        + " header.d=google.com header.i=@google.com header.b=aB1/c;\r\n\tdkim=pass (2048-bit key;"
        + " unprotected) header.d=school-example.cl header.i=@school-example.cl header.b=Zz9+q\r\n"
        + extraHeaders
        + "From: Pedro Soto <"
        + from
        + ">\r\nTo: taro@example.jp\r\nSubject: Invitation: membership renewal $412.50\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\""
        + b
        + "\"\r\n\r\n--"
        + b
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + CHARGE
        + "\r\nView the event: https://calendar.google.com/calendar/event?eid=abc\r\n--"
        + b
        + "\r\nContent-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n\r\n"
        + "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:membership renewal"
        + "\r\nDESCRIPTION:"
        + CHARGE
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--"
        + b
        + "--\r\n";
  }

  MailReport analyze(String raw) {
    return TestMail.analyze(raw);
  }

  @Test
  void aCallbackTypedIntoAnInvitationKeepsItsSignsWhateverTheAuthentication() {
    MailReport r =
        analyze(
            invitation(
                "p.soto@school-example.cl",
                "Sender: Google Calendar <calendar-notification@google.com>\r\n"));
    assertThat(TestMail.flags(r)).contains(RedFlag.CALLBACK_LURE, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aShopsOwnConfirmationWithItsServiceLineIsItsOwnVoice() {
    // the same words from a shop's own authenticated domain, linking its own site: no invitation,
    // no platform carrying a user's text
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass (2048-bit key; unprotected)"
                + " header.d=shop-example.com; dmarc=pass header.from=shop-example.com\r\n"
                + "From: Shop <billing@shop-example.com>\r\n"
                + "To: taro@example.jp\r\nSubject: Your membership renewal\r\n",
            "text/html",
            "<p>"
                + CHARGE
                + "</p><p><a href=\"https://www.shop-example.com/account\">Your"
                + " account</a></p>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.CALLBACK_LURE);
  }
}

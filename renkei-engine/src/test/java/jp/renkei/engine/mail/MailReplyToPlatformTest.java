package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Reply-To on another domain (REPLY_TO_OTHER_DOMAIN) where a platform provably sends for the one it
 * names: a booking platform's campaign answering at the business its display name names, a calendar
 * notification answering at the reader, a brand's verification code answering at its sister domain.
 * A platform relays for anyone, so any ask, a role for a name or a missing authentication keeps the
 * sign.
 */
class MailReplyToPlatformTest {

  static final String EVENT =
      "<p>Join us for our winter tasting menu on Friday evening. Seats are limited, book a table"
          + " online.</p><p><a href=\"https://www.tablebook-example.com/r/zaika\">Book</a></p>";

  MailReport campaign(String name, String replyTo, boolean listUnsubscribe, String body) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.example.jp; dkim=pass header.d=tablebook-example.com\r\n"
            + "From: \""
            + name
            + "\" <no-reply+1b04@tablebook-example.com>\r\nReply-To: "
            + replyTo
            + "\r\nTo: taro@example.jp\r\nSubject: Save your seat\r\n"
            + (listUnsubscribe
                ? "List-Unsubscribe: <mailto:unsub-6e45@bounce.tablebook-example.com>\r\n"
                : ""),
        "text/html",
        body);
  }

  @Test
  void aBookingPlatformsCampaignAnsweringAtTheRestaurantItNamesIsNotCounted() {
    assertThat(
            TestMail.flags(
                campaign("Zaika (Modern Indian Cuisine)", "zaikaseattle@gmail.com", true, EVENT)))
        .doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            TestMail.flags(
                campaign(
                    "La Palmera - South Lake Union", "info@lapalmera-example.com", true, EVENT)))
        .doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aPlatformsMailThatAsksOrNamesARoleOrIsNoCampaignKeepsTheSign() {
    // the platform relays for anyone: a payment lure, a role for a name, a one-off message
    String lure =
        "<p>Your salary could not be paid. Send your bank details today.</p>"
            + "<p><a href=\"https://www.tablebook-example.com/r/x\">Update</a></p>";
    assertThat(TestMail.flags(campaign("Zaika Payroll", "zaikapayroll@gmail.com", true, lure)))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            TestMail.flags(
                campaign("Payroll Department", "payrolldepartment@gmail.com", true, EVENT)))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(TestMail.flags(campaign("Zaika", "zaikaseattle@gmail.com", false, EVENT)))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(TestMail.flags(campaign("Zaika", "billing-desk@gmail.com", true, EVENT)))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  MailReport calendar(String results) {
    return TestMail.analyzeBase64(
        results
            + "Delivered-To: hanakostowe@gmail.com\r\n"
            + "Reply-To: Hanako <Home> Stowe <hanakostowe@gmail.com>\r\n"
            + "From: Google Calendar <calendar-notification@google.com>\r\n"
            + "To: Hanako <Home> Stowe <hanakostowe@gmail.com>\r\n"
            + "Subject: Notification: Vet visit @ Mon Dec 22, 2025\r\n",
        "text/html",
        "<p>Vet visit, Monday 10:00.</p><p><a href=\"https://calendar.google.com/event\">More"
            + " details</a></p>");
  }

  @Test
  void aDisplayNameWithAngleBracketsIsReadAsTheAddressItHolds() {
    MailReport r =
        calendar(
            "Authentication-Results: mx.example.jp; dkim=pass (2048-bit key; unprotected)"
                + " header.d=google.com header.i=@google.com\r\n");
    assertThat(r.replyTo()).containsExactly("hanakostowe@gmail.com");
    assertThat(r.recipients()).contains("hanakostowe@gmail.com");
    // the reader's own calendar answering at the reader, the platform authenticated
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport forged = calendar("Authentication-Results: mx.example.jp; spf=none; dkim=none\r\n");
    assertThat(TestMail.flags(forged)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  MailReport code(String text) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.example.jp; dkim=pass header.d=email.insurer-example.com\r\n"
            + "From: Insurer Example <codes@insurer-example.com>\r\n"
            + "Reply-To: customerservice@insurer-examplemail.com\r\n"
            + "To: taro@example.jp\r\nSubject: Your Insurer Example verification code\r\n",
        "text/html",
        text);
  }

  @Test
  void aBrandsVerificationCodeAnsweringAtItsSisterDomainIsNotCounted() {
    MailReport notice =
        code(
            "<p>Use this one-time verification code to access your account: 89367F. Do not share"
                + " it.</p>");
    assertThat(TestMail.flags(notice)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport asks = code("<p>Your account is locked. Confirm your password to unlock it.</p>");
    assertThat(TestMail.flags(asks)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }
}

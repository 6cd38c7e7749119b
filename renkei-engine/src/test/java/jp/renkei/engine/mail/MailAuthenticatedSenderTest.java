package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recent commercial mail from senders the receiver authenticated (issue 19, fpout20b): a platform
 * that sends replies to the person its message names, a brand answering from its own name under
 * another suffix or writing from its own top-level domain, a newsletter's pictures on a CDN. Each
 * stays clear of the sign; the same message without the receiver's authentication (or a page on the
 * CDN) keeps it.
 */
class MailAuthenticatedSenderTest {

  final MailSignsTest messages = new MailSignsTest();

  static final String AUTH = MailCopiedNoticeLureTest.AUTH;

  MailReport analyze(String headers, String contentType, String body) {
    return messages.analyze(headers, contentType, body);
  }

  static List<RedFlag> flags(MailReport r) {
    return MailSignsTest.flags(r);
  }

  static final String ORDER =
      "<p>Your order from Sakura Kitchen is confirmed. Questions about your order? Write to the"
          + " restaurant at owner@sakura-kitchen.jp.</p>"
          + "<p><a href=\"https://order-platform.com/orders/1\">View order</a></p>";

  @Test
  void anAuthenticatedPlatformReplyingToTheShopItNamesIsNoReplyElsewhere() {
    String headers =
        "From: Order Platform <orders@order-platform.com>\r\nTo: a@example.jp\r\n"
            + "Reply-To: owner@sakura-kitchen.jp\r\nSubject: Order confirmed\r\n";
    MailReport authenticated =
        analyze(String.format(AUTH, "order-platform.com") + headers, "text/html", ORDER);
    assertThat(flags(authenticated)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport bare = analyze(headers, "text/html", ORDER);
    assertThat(flags(bare)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anAuthenticatedCompanyWhoseRepliesGoToAFreeMailAddressOrOneItDoesNotNameKeepsTheSign() {
    String body =
        "<p>Your parcel is waiting. Reply to this message with your delivery details.</p>";
    MailReport toFreeMail =
        analyze(
            String.format(AUTH, "parcel-desk.com")
                + "From: Parcel Desk <notice@parcel-desk.com>\r\nTo: a@example.jp\r\n"
                + "Reply-To: parcel.desk.claims@gmail.com\r\nSubject: Delivery\r\n",
            "text/html",
            body + "<p>Write to parcel.desk.claims@gmail.com</p>");
    assertThat(flags(toFreeMail)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    MailReport unnamed =
        analyze(
            String.format(AUTH, "parcel-desk.com")
                + "From: Parcel Desk <notice@parcel-desk.com>\r\nTo: a@example.jp\r\n"
                + "Reply-To: claims@claims-office.net\r\nSubject: Delivery\r\n",
            "text/html",
            body);
    assertThat(flags(unnamed)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aBrandAnsweringFromItsOwnNameUnderAnotherSuffixIsNoReplyElsewhereOnceAuthenticated() {
    String headers =
        "From: Brandco <news@brandco.com>\r\nTo: a@example.jp\r\n"
            + "Reply-To: support@brandco.co.jp\r\nSubject: Our winter collection\r\n";
    String body = "<p>The winter collection is in the shops this week.</p>";
    assertThat(flags(analyze(String.format(AUTH, "brandco.com") + headers, "text/html", body)))
        .doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(flags(analyze(headers, "text/html", body))).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aBrandWritingFromItsOwnTopLevelDomainIsNotImpersonatingIt() {
    MailReport r =
        analyze(
            String.format(AUTH, "applecard.apple")
                + "From: Apple Card <no-reply@applecard.apple>\r\nTo: a@example.jp\r\n"
                + "Subject: Your statement is available\r\n",
            "text/html",
            "<p>Your Apple Card statement for November is available in Wallet.</p>");
    assertThat(flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    MailReport elsewhere =
        analyze(
            String.format(AUTH, "applecard-statements.example.com")
                + "From: Apple Card <no-reply@applecard-statements.example.com>\r\n"
                + "To: a@example.jp\r\nSubject: Your statement is available\r\n",
            "text/html",
            "<p>Your Apple Card statement for November is available in Wallet.</p>");
    assertThat(flags(elsewhere)).contains(RedFlag.BRAND_IMPERSONATION);
  }

  static final String NEWS_HEADERS =
      "From: Example Shop <news@shop-example.com>\r\nTo: a@example.jp\r\n"
          + "Subject: This week's picks\r\n"
          + "List-Unsubscribe: <https://shop-example.com/unsubscribe?u=1>\r\n";

  @Test
  void aPictureOnACdnIsNoSuspiciousLinkButAPageThereIs() {
    MailReport picture =
        analyze(
            NEWS_HEADERS,
            "text/html",
            "<p>New this week.</p><a href=\"https://d1abc.cloudfront.net/img/banner.png\">"
                + "<img src=\"https://d1abc.cloudfront.net/img/banner.png\"></a>");
    assertThat(flags(picture)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    MailReport page =
        analyze(
            NEWS_HEADERS,
            "text/html",
            "<p>New this week.</p><a href=\"https://d1abc.cloudfront.net/offer/index.html\">"
                + "See the offer</a>");
    assertThat(flags(page)).contains(RedFlag.SUSPICIOUS_LINK);
  }
}

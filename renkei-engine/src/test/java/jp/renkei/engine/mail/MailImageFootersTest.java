package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.TestMail.analyze;
import static jp.renkei.engine.mail.TestMail.flags;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A picture lure with a long legal footer (IMAGE_ONLY, recall43): the offer is drawn in linked
 * images, the only words are the small print around them. Kept clean: a newsletter with one banner,
 * its articles in words and a long footer; a shop's picture newsletter that carries no other sign.
 * Every message here is written for this test; the addresses are documentation addresses or made
 * up.
 */
class MailImageFootersTest {

  private static String html(String from, String subject, String body) {
    return "Received: from mx7731.example.net (mx7731.example.net [192.0.2.31])\r\n"
        + "\tby mx.example.jp (Postfix) with ESMTP id 11E5E536E25\r\n"
        + "\tfor <taro@example.jp>; Thu, 12 May 2005 00:20:08 -0400 (EDT)\r\n"
        + "From: "
        + from
        + "\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Date: Thu, 12 May 2005 00:20:00 -0400\r\n"
        + "Message-ID: <200505120420.AA1234@mx7731.example.net>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/html; charset=us-ascii\r\n"
        + "\r\n"
        + "<html><body>"
        + body
        + "</body></html>\r\n";
  }

  /** What a bulk mailer writes around its message: some seventy words of small print. */
  private static final String FOOTER =
      "<p style=\"font-size:9px\">Offer valid only to residents of the United States who are at"
          + " least 18 years old. Void where prohibited. All product names mentioned are"
          + " trademarks of their respective owners. Mailing address: Customer Service, 100"
          + " Example Road, Suite 200, Springfield, ST 00000. You are receiving this message as"
          + " a member of our rewards program. To unsubscribe, go to"
          + " <a href=\"http://mx7731.example.net/remove\">this page</a> or reply with remove in"
          + " the subject line. Copyright 2005, all rights reserved.</p>";

  private static String pictures(String host) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      b.append("<a href=\"http://")
          .append(host)
          .append("/m/l?")
          .append(i)
          .append("\"><img src=\"http://")
          .append(host)
          .append("/img/")
          .append(i)
          .append(".gif\" width=\"500\" height=\"90\"></a>");
    }
    return b.toString();
  }

  @Test
  void aGiftCardPictureWithItsSmallPrintIsFlagged() {
    MailReport lure =
        analyze(
            html(
                "Consumer Promotions <rewards@mx7731.example.net>",
                "Your gift card is yours to keep - participation required",
                "<p>If you can't see this email, <a href=\"http://mx7731.example.net/v\">click"
                    + " here</a>.</p><p><a href=\"http://mx7731.example.net/c\">Claim your $300"
                    + " gift card</a></p>"
                    + pictures("mx7731.example.net")
                    + FOOTER));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.IMAGE_ONLY);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport.Finding f =
        lure.findings().stream()
            .filter(x -> x.flag() == RedFlag.IMAGE_ONLY)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence(true)).contains("beside the footer's small print", "<a><img> × 4");
    assertThat(f.evidence(false)).contains("フッターの定型文を除く");
  }

  @Test
  void aNewsletterWithOneBannerAndItsArticlesIsNotFlagged() {
    MailReport news =
        analyze(
            html(
                "Example Gardening News <news@mx7731.example.net>",
                "This week in the garden",
                "<a href=\"http://mx7731.example.net/home\"><img src=\"http://mx7731.example.net/"
                    + "banner.gif\" width=\"600\" height=\"120\"></a>"
                    + "<h2>Tomatoes in a cold spring</h2><p>Our readers asked how to keep young"
                    + " tomato plants growing when the nights stay cold well into May. Cover the"
                    + " beds with fleece after sunset, water in the morning rather than the"
                    + " evening, and wait with the fertiliser until the first flowers open.</p>"
                    + "<h2>Club meeting</h2><p>The spring meeting moves to the library hall on"
                    + " the second Thursday; bring seedlings to swap and a plate to share.</p>"
                    + FOOTER));
    assertThat(flags(news)).as(news.findings().toString()).doesNotContain(RedFlag.IMAGE_ONLY);
  }

  @Test
  void aShopsPictureNewsletterWithNoOtherSignIsNotFlagged() {
    MailReport shop =
        analyze(
            html(
                "Example Outdoor Shop <news@mx7731.example.net>",
                "New backpacks for the summer",
                "<p>Can't see the pictures? <a href=\"http://mx7731.example.net/v\">View this"
                    + " email in your browser</a>.</p>"
                    + pictures("mx7731.example.net")
                    + FOOTER));
    assertThat(shop.verdict()).as(shop.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(flags(shop)).doesNotContain(RedFlag.IMAGE_ONLY);
  }

  @Test
  void smallPrintSentencesAreSetAside() {
    assertThat(
            MailImageFooters.wordsBesideSmallPrint(
                "Claim your card now. To unsubscribe, go to our page. Copyright 2005."))
        .isEqualTo(4);
    assertThat(MailImageFooters.wordsBesideSmallPrint("Tomatoes grow well. Water them often."))
        .isEqualTo(6);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A brand's own address asking for the reader's account while no link of the message is on the
 * brand's domain (LOGIN_LINK_ELSEWHERE, recall41): the "click here" or the bare address whose words
 * name no login. The brand's real notice (authenticated, or linking its own site), a shop's mail
 * through its platform, and a brand's mail asking nothing keep their verdict. Every message here is
 * written for this test; the addresses are documentation addresses or made up.
 */
class MailBrandLinksElsewhereTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  private static final String RECEIVED =
      "Received: from mail.example.net (mail.example.net [192.0.2.10])\r\n"
          + "\tby mx.example.jp (Postfix) with ESMTP id 173E218369F\r\n"
          + "\tfor <taro@example.jp>; Mon, 14 Feb 2005 10:00:00 -0500 (EST)\r\n";

  private static String html(String from, String extraHeaders, String body) {
    return html(from, "Your account has been limited", extraHeaders, body);
  }

  private static String html(String from, String subject, String extraHeaders, String body) {
    return RECEIVED
        + "From: "
        + from
        + "\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Date: Mon, 14 Feb 2005 15:00:00 +0000\r\n"
        + "Message-ID: <20050214150000.1234@mail.example.net>\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/html; charset=us-ascii\r\n"
        + "\r\n"
        + "<html><body>"
        + body
        + "</body></html>\r\n";
  }

  private static final String LIMITED =
      "<p>Dear member,</p><p>We recently noticed attempts to log in to your account from a"
          + " foreign IP address. To restore your account, please %s.</p>"
          + "<p>Thank you,<br>Account Review Department</p>";

  @Test
  void aBrandAddressWhoseOnlyLinkLeadsElsewhereIsFlagged() {
    MailReport lure =
        analyze(
            html(
                "\"PayPal\" <service@paypal.com>",
                "",
                String.format(
                    LIMITED,
                    "<a href=\"http://www.club.example.ro/images/.p/index.htm\">click here</a>")));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(lure.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
    MailReport.Finding f =
        lure.findings().stream()
            .filter(x -> x.flag() == RedFlag.LOGIN_LINK_ELSEWHERE)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence(true)).contains("club.example.ro", "paypal.com", "no link to");
    assertThat(f.evidence(false)).contains("へのリンクはひとつもありません");
  }

  @Test
  void aPlainTextAddressInAGovernmentsNameIsFlagged() {
    MailReport lure =
        analyze(
            RECEIVED
                + "From: \"Refund Department\" <refunds@irs.gov>\r\n"
                + "To: taro@example.jp\r\n"
                + "Subject: Your account has been suspended\r\n"
                + "Date: Mon, 14 Feb 2005 15:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "Your account has been suspended. To restore your account, please visit\r\n"
                + "http://www.club.example.ro/images/.p/index.htm\r\n");
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void theBrandsAuthenticatedNoticeIsNotFlagged() {
    MailReport real =
        analyze(
            html(
                "\"PayPal\" <service@paypal.com>",
                "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=paypal.com;"
                    + " dkim=pass header.d=paypal.com; dmarc=pass header.from=paypal.com\r\n",
                String.format(
                    LIMITED, "<a href=\"http://help.example.com/article/restore\">read how</a>")));
    assertThat(flags(real)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }

  @Test
  void aNoticeLinkingTheBrandsOwnSiteIsNotFlaggedByThisReading() {
    MailReport real =
        analyze(
            html(
                "\"PayPal\" <service@paypal.com>",
                "",
                String.format(
                    LIMITED,
                    "go to <a href=\"https://www.paypal.com/\">our site</a> and see our"
                        + " <a href=\"http://help.example.com/article/restore\">help page</a>")));
    assertThat(
            real.findings().stream()
                .filter(x -> x.flag() == RedFlag.LOGIN_LINK_ELSEWHERE)
                .map(MailReport.Finding::evidence)
                .filter(e -> e.contains("no link to")))
        .isEmpty();
  }

  @Test
  void aShopOutsideTheBrandsAndABrandAskingNothingAreNotFlagged() {
    MailReport shop =
        analyze(
            html(
                "\"Corner Shop\" <orders@corner-shop.example>",
                "",
                String.format(
                    LIMITED,
                    "<a href=\"http://shop.example.net/corner-shop/account\">sign in</a>")));
    assertThat(
            shop.findings().stream()
                .map(MailReport.Finding::evidence)
                .filter(e -> e.contains("no link to")))
        .isEmpty();
    MailReport news =
        analyze(
            html(
                "\"eBay\" <news@ebay.com>",
                "This week's deals",
                "",
                "<p>This week's deals from our partners:"
                    + " <a href=\"http://deals.example.net/week\">see them</a>.</p>"));
    assertThat(flags(news)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }
}

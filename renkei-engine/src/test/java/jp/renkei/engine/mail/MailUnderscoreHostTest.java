package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A link whose host has an underscore in a label (recall23): browsers open such hosts, but {@link
 * java.net.URI} reads their authority as one with no host, and every link sign used to skip the
 * link. The messages are written for this test, on example domains.
 */
class MailUnderscoreHostTest {

  private static MailReport analyze(String from, String subject, String html) {
    return TestMail.asciiHtml(from, subject, html);
  }

  @Test
  void theHostOfAnUnderscoreLabelIsReadAsABrowserReadsIt() {
    assertThat(MailLinks.host("http://signin_auction_com.shop-example.net:7301/a.htm"))
        .isEqualTo("signin_auction_com.shop-example.net");
    assertThat(MailLinks.port("http://signin_auction_com.shop-example.net:7301/a.htm"))
        .isEqualTo(7301);
    assertThat(MailLinks.host("http://www.bank.example@a_b.shop-example.net/x"))
        .isEqualTo("a_b.shop-example.net");
    assertThat(MailLinks.host("https://www.example.com/path")).isEqualTo("www.example.com");
    assertThat(MailLinks.port("https://www.example.com/path")).isEqualTo(-1);
    assertThat(MailLinks.hostOfAuthority("not a host")).isNull();
  }

  @Test
  void aShownAuctionAddressLeadingToAnUnderscoreHostOnAnOddPortIsCaught() {
    MailReport r =
        analyze(
            "\"eBay\" <aw-confirm@ebay.com>",
            "Your account has been suspended",
            "<html><body><p>Dear eBay member,</p><p>We had to block your account. Please sign"
                + " in to restore it:</p><p><a"
                + " href=\"http://signin_ebay_com_account.shop-example.net:7301/ebay.htm\">"
                + "http://signin.ebay.com/ws/eBayISAPI.dll?Verify</a></p>"
                + "<p><a href=\"http://pages.ebay.com/help/\">Help</a></p></body></html>\r\n");
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .contains(RedFlag.LINK_TEXT_MISMATCH, RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aShopsOwnUnderscoreHostIsNoSign() {
    MailReport r =
        analyze(
            "\"Example Shop\" <news@example-shop.com>",
            "Our autumn catalogue",
            "<html><body><p>Our autumn catalogue is out.</p><p><a"
                + " href=\"https://promo_autumn.example-shop.com/catalogue\">See the"
                + " catalogue</a></p></body></html>\r\n");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}

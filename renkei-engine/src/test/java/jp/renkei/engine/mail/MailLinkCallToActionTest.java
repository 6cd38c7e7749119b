package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links the reader is not asked to follow to a page (issue 19, fpout21a): the address of a picture,
 * of an unsubscribe page, a Google Maps shared place, a link that opens an app. They are no
 * SUSPICIOUS_LINK or LOGIN_LINK_ELSEWHERE, while the page links of a lure beside them still are.
 * The messages are written for this test, with example and documentation names.
 */
class MailLinkCallToActionTest {

  private static MailReport analyze(String from, String body, String contentType) {
    String eml =
        "From: "
            + from
            + "\r\nTo: customer@example.org\r\nSubject: This week at the shop\r\n"
            + "Content-Type: "
            + contentType
            + "; charset=US-ASCII\r\n\r\n"
            + body;
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
  }

  private static List<String> evidence(MailReport r, RedFlag flag) {
    return r.findings().stream().filter(f -> f.flag() == flag).map(f -> f.evidence()).toList();
  }

  private static final String NEWSLETTER =
      "New this week: the winter blend is back.\r\n\r\n"
          + "<https://d111111abcdef8.cloudfront.net/shop/img/winter-blend.jpg>\r\n\r\n"
          + "Read more on https://www.shop-example.com/blog/winter\r\n\r\n"
          + "You can unsubscribe ( https://d111111abcdef8.cloudfront.net/status/unsubscribe/?c=AbC12 )"
          + " at any time.\r\n";

  @Test
  void aPictureAndAnUnsubscribePageOnAHostingServiceAreNoSign() {
    MailReport r = analyze("Example Shop <news@shop-example.com>", NEWSLETTER, "text/plain");
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK)).isEmpty();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPageOnTheSameHostingServiceIsStillASign() {
    MailReport r =
        analyze(
            "Example Shop <news@shop-example.com>",
            NEWSLETTER
                + "Confirm your details: https://d111111abcdef8.cloudfront.net/account/verify.html\r\n",
            "text/plain");
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK))
        .containsExactly(
            "https://d111111abcdef8.cloudfront.net/account/verify.html (hosting anyone can put a page on)");
  }

  @Test
  void aShortenerBehindUnsubscribeWordsIsStillASign() {
    // lures give their one address to the "unsubscribe" words too: only the address itself counts
    MailReport r =
        analyze(
            "Parcel Service <notice@parcel-example.net>",
            "<html><body><p>Your parcel is waiting.</p>"
                + "<p><a href=\"https://is.gd/Ab12Cd\">Unsubscribe</a></p>"
                + "<p><a href=\"https://is.gd/Ab12Cd\">Track your parcel</a></p></body></html>\r\n",
            "text/html");
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK))
        .containsExactly("https://is.gd/Ab12Cd (URL shortener)");
  }

  @Test
  void aGoogleMapsSharedPlaceIsNoShortenerButGooGlIs() {
    MailReport r =
        analyze(
            "Example Cafe <hello@cafe-example.com>",
            "Our new branch opens on Monday: https://maps.app.goo.gl/AbCdEf123\r\n",
            "text/plain");
    assertThat(evidence(r, RedFlag.SUSPICIOUS_LINK)).isEmpty();
    MailReport other =
        analyze(
            "Example Cafe <hello@cafe-example.com>",
            "Our new branch opens on Monday: https://goo.gl/AbCdEf123\r\n",
            "text/plain");
    assertThat(evidence(other, RedFlag.SUSPICIOUS_LINK))
        .containsExactly("https://goo.gl/AbCdEf123 (URL shortener)");
  }

  @Test
  void aLinkThatOpensAnAppIsNoLoginElsewhereButAWebPageIs() {
    MailReport r =
        analyze(
            "Example Card <no_reply@card-example.com>",
            "<html><body><p>Your card is ready.</p>"
                + "<p><a href=\"wallet://setup/login\">Sign in to add it to your wallet</a></p>"
                + "<p><a href=\"https://signin.other-example.net/login\">Sign in on the web</a></p>"
                + "</body></html>\r\n",
            "text/html");
    assertThat(evidence(r, RedFlag.LOGIN_LINK_ELSEWHERE))
        .containsExactly("https://signin.other-example.net/login ≠ card-example.com");
  }
}

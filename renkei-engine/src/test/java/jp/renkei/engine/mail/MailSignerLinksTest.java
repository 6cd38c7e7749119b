package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A brand's newsletter sent under its platform's From address, signed with the brand's own key and
 * counting clicks on a host of the signing domain, whose text shows a partner's page: the link goes
 * to the organisation that signed the message, so the text is no disguise (hamout36). The same link
 * shape from a signer whose signature did not pass, a signer's link under a company's name, and a
 * link to a domain that did not sign keep LINK_TEXT_MISMATCH.
 */
class MailSignerLinksTest {

  static String headers(String results) {
    return results
        + "From: \"Streamy+\" <streamy@sparkpostmail.com>\r\n"
        + "To: reader@example.jp\r\n"
        + "Subject: Perks just dropped\r\n"
        + "List-Unsubscribe: <https://unsub.streamy-example.com/u?x=1>\r\n"
        + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }

  static final String SIGNED =
      "Authentication-Results: mx.example.jp; dkim=pass header.d=messaging.streamy-example.com"
          + " header.i=@messaging.streamy-example.com\r\n";

  static final String BROKEN =
      "Authentication-Results: mx.example.jp; dkim=fail header.d=messaging.streamy-example.com"
          + " header.i=@messaging.streamy-example.com\r\n";

  static String body(String shown, String href) {
    return "<p>New perks for members this month.</p>"
        + "<p>See the terms: <a href=\""
        + href
        + "\">"
        + shown
        + "</a></p>";
  }

  static final String COUNTER =
      "https://links.messaging.streamy-example.com/f/a/KCxSNISPLyxHxZ3~~/AAQRxRA~/TxRuNNqwBK";

  @Test
  void aPartnersPageShownOverTheSignersClickCounterIsNoMismatch() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(SIGNED),
            "text/html",
            body("https://fanclub-example.com/membership-terms/", COUNTER));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameLinkWhoseSignatureFailedKeepsTheSign() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(BROKEN),
            "text/html",
            body("https://fanclub-example.com/membership-terms/", COUNTER));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void aCompanysSiteShownOverTheSignersCounterKeepsTheSign() {
    // a lure that signs with its own domain and shows a bank's address over a link to it
    MailReport r =
        TestMail.analyzeBase64(
            headers(SIGNED), "text/html", body("https://www.paypal.com/signin", COUNTER));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void aCounterOnADomainThatDidNotSignKeepsTheSign() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(SIGNED),
            "text/html",
            body(
                "https://fanclub-example.com/membership-terms/",
                "https://links.other-sender-example.net/f/a/KCxSNISPLyxHxZ3~~/AAQRxRA~"));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void aPlainPageOfTheSignerThatIsNoClickCounterKeepsTheSign() {
    // the text promises one site and the link is a page of another: no counter explains it
    MailReport r =
        TestMail.analyzeBase64(
            headers(SIGNED),
            "text/html",
            body(
                "https://fanclub-example.com/membership-terms/",
                "https://messaging.streamy-example.com/account/verify"));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A service's own order confirmation and account notice whose footer links its pages on the social
 * networks ("follow us") are still its own mail: those pages lead to no other company's sign-in or
 * payment page (hamout37). A network's redirector, a page carrying another address, and the same
 * footer under a sender nobody authenticated keep the signs.
 */
class MailFooterLinksTest {

  static final String FOOTER =
      "<p>Follow us: <a href=\"https://www.facebook.com/gardenshopexample\">Facebook</a>"
          + " <a href=\"https://instagram.com/gardenshop_example/\">Instagram</a>"
          + " <a href=\"https://www.youtube.com/@gardenshopexample\">YouTube</a>"
          + " <a href=\"https://www.pinterest.com/gardenshopexample/\">Pinterest</a></p>";

  static final String ALERT =
      "<p>Security alert: a sign-in from a new device to your account. Your verification code is"
          + " 381204.</p><p><a href=\"https://www.gardenshop-example.com/account/security\">Review"
          + " your account</a></p>";

  @Test
  void aShopsOrderConfirmationWithItsSocialPagesSpeaksOfItsShipmentWithoutALure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER + FOOTER);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aServicesSecurityNoticeWithItsSocialPagesAsksForNothing() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "New sign-in"),
            "text/html",
            ALERT + FOOTER);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aRedirectThroughTheNetworkIsNoFooterPage() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER
                + "<p><a href=\"https://www.facebook.com/flx/warn/?u=https%3A%2F%2Fgarden-pay.click"
                + "%2Fpay\">Facebook</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theSameFooterUnderAnUnauthenticatedSenderKeepsTheLure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(MailOwnTransactionTest.UNAUTHENTICATED, "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER + FOOTER);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aSecurityNoticeWithTheFooterAndALinkElsewhereStillAsks() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "New sign-in"),
            "text/html",
            ALERT.replace("www.gardenshop-example.com", "gardenshop-secure.top") + FOOTER);
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void footerPagesAreTheNetworksProfilesOnly() {
    assertThat(MailFooterLinks.footerPage("https://www.facebook.com/walgreens")).isTrue();
    assertThat(MailFooterLinks.footerPage("https://x.com/caskers")).isTrue();
    assertThat(MailFooterLinks.footerPage("https://manage.kmail-lists.com/subscriptions/x"))
        .isTrue();
    assertThat(MailFooterLinks.footerPage("https://l.facebook.com/l.php?u=https://evil.example"))
        .isFalse();
    assertThat(MailFooterLinks.footerPage("https://www.facebook.com/login.php")).isFalse();
    assertThat(MailFooterLinks.footerPage("https://www.facebook.com/sharer/sharer.php?u=x"))
        .isFalse();
    assertThat(MailFooterLinks.footerPage("https://business.facebook.com/x")).isFalse();
    assertThat(MailFooterLinks.footerPage("https://www.youtube.com/redirect?q=https://evil"))
        .isFalse();
    assertThat(MailFooterLinks.footerPage("https://sites.google.com/view/x")).isFalse();
  }
}

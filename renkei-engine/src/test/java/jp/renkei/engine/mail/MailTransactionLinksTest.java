package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A card issuer's receipt that opens the phone's wallet, and a shop's bulk notice that gives
 * nothing to click or call, are the sender's own transaction mail (hamout38); the same words with a
 * web fallback in the app link, a number to call, or no list to come from keep PAYMENT_LURE.
 */
class MailTransactionLinksTest {

  static final String PAID =
      "<p>Your payment has been received. Thank you. You can view your payment details from the"
          + " Wallet app.</p>";

  static final String OWN_SITE =
      "<p><a href=\"https://www.gardenshop-example.com/card/statements\">Statements</a></p>";

  static final String PRESALE =
      "Your presale starts tomorrow. Sign in and check that your email, phone and payment details"
          + " are up to date before the sale.\r\n\r\nTo unsubscribe from these emails, update your"
          + " preferences.";

  static String bulk(String subject) {
    return MailOwnTransactionTest.headers(
            MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), subject)
        + "List-Unsubscribe: <mailto:leave-4411@mail.gardenshop-example.com>\r\n";
  }

  @Test
  void aReceiptOpeningThePhonesWalletIsTheSendersOwn() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Payment received"),
            "text/html",
            PAID + "<p><a href=\"wallet://setup/feature/ccs\">Open Wallet</a></p>" + OWN_SITE);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAppLinkWithAWebFallbackIsNoAppLink() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Payment received"),
            "text/html",
            PAID
                + "<p><a href=\"intent://pay#Intent;scheme=https;S.browser_fallback_url="
                + "https%3A%2F%2Fgarden-pay.click%2Fcard;end\">Open Wallet</a></p>"
                + OWN_SITE);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aWindowsSearchLinkIsNoAppOfTheReadersDevice() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Payment received"),
            "text/html",
            PAID
                + "<p><a href=\"search-ms:query=invoice&crumb=location:\\\\garden-pay.click\\share"
                + "\">Open the invoice</a></p>"
                + OWN_SITE);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void appSchemesAreTheWalletAndTheAppStoresOnly() {
    assertThat(MailTransactionLinks.appLink("wallet://setup/feature/ccs")).isTrue();
    assertThat(MailTransactionLinks.appLink("itms-apps://apps.apple.com/app/id123")).isTrue();
    assertThat(MailTransactionLinks.appLink("market://details?id=com.example.shop")).isTrue();
    assertThat(
            MailTransactionLinks.appLink("market://details?id=x&url=https://garden-pay.click/card"))
        .isFalse();
    assertThat(MailTransactionLinks.appLink("https://wallet.example.com/")).isFalse();
    assertThat(MailTransactionLinks.appLink("ms-msdt:/id PCWDiagnostic")).isFalse();
    assertThat(MailTransactionLinks.appLink("wallet")).isFalse();
  }

  @Test
  void aBulkNoticeWithNothingToClickOrCallIsTheSendersOwn() {
    MailReport r = TestMail.analyzeBase64(bulk("Presale tomorrow"), "text/plain", PRESALE);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theSameNoticeWithANumberToCallKeepsTheLure() {
    MailReport r =
        TestMail.analyzeBase64(
            bulk("Presale tomorrow"),
            "text/plain",
            PRESALE + "\r\n\r\nQuestions about a charge? Call 1-888-555-0199.");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aSingleInvoiceMailWithNoLinkFromNoListKeepsTheLure() {
    // a vendor's mailbox taken over: "our payment details changed", nothing bulk about it
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Invoice 2291"),
            "text/plain",
            "Hello, please find attached invoice 2291. Our payment details have changed; kindly"
                + " use the new account for this transfer.");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }
}

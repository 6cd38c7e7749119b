package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service's own transactional mail (an order confirmation, a bill, a one-time code, a product
 * page that offers alerts "for suspicious activity") read as such when the receiving server
 * recorded only a DKIM pass for the sender's own domain and no DMARC result; and the same words
 * from a stranger, or with a link elsewhere, still counted (issue 19, fpout21c).
 */
class MailOwnTransactionTest {

  /** A DKIM pass for the domain, its comment holding a semicolon, no DMARC result written. */
  static String dkimOnly(String domain) {
    return "Authentication-Results: mx.example.jp;\r\n\tdkim=pass (2048-bit key; unprotected)"
        + " header.d=mail."
        + domain
        + " header.i=@mail."
        + domain
        + "\r\n";
  }

  static final String UNAUTHENTICATED =
      "Authentication-Results: mx.example.jp; spf=none smtp.mailfrom=gardenshop-example.com;"
          + " dkim=none\r\n";

  static String headers(String auth, String subject) {
    return auth
        + "From: Garden Shop <orders@mail.gardenshop-example.com>\r\nTo: reader@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n";
  }

  static final String ORDER =
      "<p>Thank you for your order #A10442.</p><p>Item AM024 Blue lobelia, qty 3, $9.58."
          + " Shipment #1: we expect to ship these products the week of April 20.</p>"
          + "<p><a href=\"https://www.gardenshop-example.com/account/orders/A10442\">View your"
          + " order</a></p>";

  @Test
  void aShopsOwnOrderConfirmationSpeaksOfItsShipmentWithoutALure() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(dkimOnly("gardenshop-example.com"), "Your order"), "text/html", ORDER);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theSameShipmentFromAnUnauthenticatedSenderIsStillALure() {
    MailReport r =
        TestMail.analyzeBase64(headers(UNAUTHENTICATED, "Your order"), "text/html", ORDER);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theSameShipmentLinkingElsewhereIsStillALure() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            ORDER.replace("www.gardenshop-example.com", "garden-shop-orders.click"));
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aCryptoAmountStaysALureInTheShopsOwnMail() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            ORDER + "<p>Withdraw your bitcoin now.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aCompanyNameBeginningWithCryptoIsNoCryptoLure() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(UNAUTHENTICATED, "Project update #6"),
            "text/plain",
            "Project update #6: the game by Cryptozoic Entertainment. Vote for the finalists.");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    MailReport lure =
        TestMail.analyzeBase64(
            headers(UNAUTHENTICATED, "Your crypto"),
            "text/plain",
            "Your crypto is ready: confirm the transfer today.");
    assertThat(TestMail.flags(lure)).contains(RedFlag.PAYMENT_LURE);
  }

  static final String CODE =
      "<p>Your account verification code</p><p>Use this one-time code to sign in: 482913."
          + " If this was you, no action is needed.</p>"
          + "<p><a href=\"https://www.insurer-example.com/help\">Help</a></p>";

  static String insurer(String auth) {
    return auth
        + "From: Insurer <alerts@mail.insurer-example.com>\r\nTo: reader@example.jp\r\n"
        + "Subject: Your account verification code\r\n";
  }

  @Test
  void anInsurersOwnVerificationCodeIsNoCredentialRequest() {
    MailReport r =
        TestMail.analyzeBase64(insurer(dkimOnly("insurer-example.com")), "text/html", CODE);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void theSameCodeFromAnUnauthenticatedSenderIsACredentialRequest() {
    MailReport r =
        TestMail.analyzeBase64(
            insurer(UNAUTHENTICATED.replace("gardenshop-example.com", "insurer-example.com")),
            "text/html",
            CODE);
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void theSameCodeWithASignInLinkElsewhereIsACredentialRequest() {
    MailReport r =
        TestMail.analyzeBase64(
            insurer(dkimOnly("insurer-example.com")),
            "text/html",
            CODE.replace(
                "https://www.insurer-example.com/help", "https://insurer-verify.top/login"));
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aSemicolonInACommentEndsNoDkimResult() {
    assertThat(
            MailEnvelope.dkimPassDomains(
                MailText.withoutComments(
                    "mx.example.jp; dkim=pass (2048-bit key; unprotected) header.d=e.geico.com")))
        .isEqualTo(List.of("e.geico.com"));
  }
}

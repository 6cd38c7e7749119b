package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A biller's or a shop's own notice about the reader's bill or order links its own site and a
 * number to call ({@code tel:}): the number leads to no site, so the invoice it speaks of is the
 * reader's own (no PAYMENT_LURE), as it is without the number. A notice whose only link is the
 * number, one that also links another domain, and one nobody authenticated keep the sign (issue 19,
 * hamout27). The adversary's cases come first.
 */
class MailReceiptPhoneLinkTest {

  static final String ALIGNED =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=clinic-example.com;"
          + " dkim=pass header.d=clinic-example.com; dmarc=pass header.from=clinic-example.com\r\n";

  static MailReport mail(String results, String html) {
    return TestMail.withLines(results)
        .from("Clinic Example <billing@clinic-example.com>")
        .to("taro@example.jp")
        .subject("Your statement is ready")
        .base64("text/html", html)
        .analyze();
  }

  static final String CALL =
      "<p>Questions? Call us at <a href=\"tel:(855) 389-4043\">(855) 389-4043</a>.</p>";

  // ---- the adversary's shapes: they keep their signs ----

  @Test
  void aNumberToCallAsTheOnlyLinkKeepsTheLure() {
    MailReport r =
        mail(ALIGNED, "<p>Your invoice of $499.99 for the yearly renewal was charged.</p>" + CALL);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aLinkToAnotherDomainBesideTheNumberKeepsTheLure() {
    MailReport r =
        mail(
            ALIGNED,
            "<p>Your invoice is ready.</p>"
                + "<p><a href=\"https://www.clinic-example.com/account\">Your account</a></p>"
                + "<p><a href=\"https://pay.billing-example.net/i/4431\">Pay the invoice</a></p>"
                + CALL);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aNoticeNobodyAuthenticatedKeepsTheLure() {
    MailReport r =
        mail(
            "Authentication-Results: mx.example.jp; spf=none; dkim=none; dmarc=none\r\n",
            "<p>Your invoice is ready.</p>"
                + "<p><a href=\"https://www.clinic-example.com/account\">Your account</a></p>"
                + CALL);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  // ---- the biller's own notice ----

  @Test
  void theBillersOwnNoticeWithANumberToCallIsNoLure() {
    MailReport r =
        mail(
            ALIGNED,
            "<p>Your invoice from Example Clinic is scheduled with AutoPay.</p>"
                + "<p><a href=\"https://www.clinic-example.com/account\">View it</a></p>"
                + CALL);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}

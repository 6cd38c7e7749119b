package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A shop's own receipt and shipping notice (issue 19, fpout20a): DMARC passes for the sender's
 * domain, every link is on that domain, the text names the order number and the sum. The words of
 * payment lures ("refund", "shipment", "invoice") report there; they do not count. The same text
 * from a sender that does not authenticate, or with a link elsewhere, still carries PAYMENT_LURE.
 */
class MailOwnTransactionTest {

  final MailSignsTest messages = new MailSignsTest();

  static final String BODY =
      "<p>Thanks for your order #A-20391. Your refund of $24.90 for the returned item has been"
          + " issued, and the rest of your shipment is on its way.</p><p>Your invoice is attached"
          + " to your account.</p><p><a href=\"https://%s/orders/A-20391\">View your"
          + " order</a></p>";

  MailReport receipt(String auth, String linkHost) {
    return messages.analyze(
        auth
            + "From: Example Outfitters <orders@example-outfitters.com>\r\nTo: a@example.jp\r\n"
            + "Subject: Your order A-20391: refund issued\r\n",
        "text/html",
        String.format(BODY, linkHost));
  }

  @Test
  void anAuthenticatedShopsOwnReceiptNamingTheOrderIsNoPaymentLure() {
    MailReport r =
        receipt(
            String.format(MailWalletAndCreditLureTest.AUTH, "example-outfitters.com"),
            "www.example-outfitters.com");
    assertThat(MailSignsTest.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameReceiptFromASenderThatDoesNotAuthenticateIsOne() {
    MailReport r = receipt("", "www.example-outfitters.com");
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theSameReceiptLinkingElsewhereIsOne() {
    MailReport r =
        receipt(
            String.format(MailWalletAndCreditLureTest.AUTH, "example-outfitters.com"),
            "refund-desk.example-claims.net");
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void anAuthenticatedNoticeNamingNoOrderOrSumIsOne() {
    MailReport r =
        messages.analyze(
            String.format(MailWalletAndCreditLureTest.AUTH, "example-outfitters.com")
                + "From: Example Outfitters <orders@example-outfitters.com>\r\nTo: a@example.jp\r\n"
                + "Subject: A refund is waiting\r\n",
            "text/html",
            "<p>A refund is waiting for you.</p><p><a"
                + " href=\"https://www.example-outfitters.com/claim\">Claim it</a></p>");
    assertThat(MailSignsTest.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }
}

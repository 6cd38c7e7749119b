package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The click counters of the ESPs shops send through (Mailjet's mjt.lu, Brevo's sendibm1.com,
 * Bloomreach's eng.bloomreach.com) are counters, as klclick.com and the others of {@link
 * MailHosts#TRACKERS} already were (issue 19, hamout40; Klaviyo's numbered klclick hosts were
 * already read so here by MailFooterLinks.PREFERENCE_CENTRES, hamout37): a shop's own order
 * confirmation whose links go through its ESP's counter and to its own site is its own notice; the
 * same from a sender nobody authenticated, or with a link to a third domain, stays a lure.
 */
class MailEspClickCountersTest {

  static String order(String counter) {
    return "<p>Thank you for your order #A10442.</p><p>Item AM024 Blue lobelia, qty 3, $9.58."
        + " Shipment #1: we expect to ship these products the week of April 20.</p>"
        + "<p><a href=\"https://"
        + counter
        + "/ls/click?upn=abc123\">Track your shipment</a></p>"
        + "<p><a href=\"https://www.gardenshop-example.com/help\">Help</a></p>";
  }

  @Test
  void aShopsOrderThroughItsEspsClickCounterIsItsOwnNotice() {
    for (String counter :
        new String[] {"x4k2.mjt.lu", "r.sendibm1.com", "us3-cdn.eng.bloomreach.com"}) {
      MailReport r =
          TestMail.analyzeBase64(
              MailOwnTransactionTest.headers(
                  MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
              "text/html",
              order(counter));
      assertThat(TestMail.flags(r)).as(counter).doesNotContain(RedFlag.PAYMENT_LURE);
    }
  }

  @Test
  void theSameOrderFromAStrangerOrLinkingAThirdDomainStaysALure() {
    MailReport stranger =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(MailOwnTransactionTest.UNAUTHENTICATED, "Your order"),
            "text/html",
            order("x4k2.mjt.lu"));
    assertThat(TestMail.flags(stranger)).contains(RedFlag.PAYMENT_LURE);
    MailReport elsewhere =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            order("x4k2.mjt.lu")
                + "<p><a href=\"https://garden-shop-orders.click/pay\">Pay the customs fee</a></p>");
    assertThat(TestMail.flags(elsewhere)).contains(RedFlag.PAYMENT_LURE);
  }
}

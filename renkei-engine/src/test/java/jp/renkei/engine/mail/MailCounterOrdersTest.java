package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A shop's own order confirmation whose every link goes through its ESP's click counter, its order
 * number stated (issue 19, hamout42): its shipment and invoice words are the reader's own order, as
 * with a link to the shop's own site. The same order from a sender nobody authenticated, with a
 * link to a third domain, or with no order number keeps PAYMENT_LURE.
 */
class MailCounterOrdersTest {

  static final String COUNTER = "https://us3-cdn.eng.bloomreach.com/garden-shop/e/.eNqEkL9v0/click";

  static String order(String number, String extra) {
    return "<p>Thank you for your order.</p><p>"
        + number
        + "</p><p>Payment Method: card. Item AM024 Blue lobelia, qty 3, $9.58. Shipment #1: we"
        + " expect to ship these products the week of April 20.</p>"
        + "<p><a href=\""
        + COUNTER
        + "\">Your account</a> <a href=\""
        + COUNTER
        + "2\">Help</a></p>"
        + extra;
  }

  static MailReport mail(String auth, String html) {
    return TestMail.analyzeBase64(
        MailOwnTransactionTest.headers(auth, "Thank you for your order"), "text/html", html);
  }

  @Test
  void anAlignedShopsOrderThroughItsCounterIsItsOwnOrder() {
    for (String number :
        new String[] {"*Your order number*: AMI76598", "Order #A10442", "Order No. 55012-77"}) {
      MailReport r =
          mail(MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), order(number, ""));
      assertThat(TestMail.flags(r)).as(number).doesNotContain(RedFlag.PAYMENT_LURE);
    }
  }

  @Test
  void aStrangerAThirdDomainOrNoOrderNumberKeepsTheLure() {
    MailReport stranger = mail(MailOwnTransactionTest.UNAUTHENTICATED, order("Order #A10442", ""));
    assertThat(TestMail.flags(stranger)).contains(RedFlag.PAYMENT_LURE);
    MailReport elsewhere =
        mail(
            MailOwnTransactionTest.dkimOnly("gardenshop-example.com"),
            order(
                "Order #A10442",
                "<p><a href=\"https://garden-shop-orders.click/pay\">Pay the customs fee</a></p>"));
    assertThat(TestMail.flags(elsewhere)).contains(RedFlag.PAYMENT_LURE);
    MailReport noNumber =
        mail(MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), order("Your order", ""));
    assertThat(TestMail.flags(noNumber)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void theOrderNumberIsReadAsWritten() {
    assertThat(MailCounterOrders.ORDER_NUMBER.matcher("*your order number*: ami76598").find())
        .isTrue();
    assertThat(MailCounterOrders.ORDER_NUMBER.matcher("order #a10442").find()).isTrue();
    assertThat(MailCounterOrders.ORDER_NUMBER.matcher("ご注文番号：250412-0001").find()).isTrue();
    assertThat(MailCounterOrders.ORDER_NUMBER.matcher("order now and save").find()).isFalse();
    assertThat(MailCounterOrders.ORDER_NUMBER.matcher("order number below").find()).isFalse();
  }
}

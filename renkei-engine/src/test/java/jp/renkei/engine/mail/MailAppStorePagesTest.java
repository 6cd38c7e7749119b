package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A shop's order confirmation whose footer carries "download our app" badges (the app's page in the
 * App Store and Google Play) is still its own mail (hamout38); a store page that is no app's page,
 * or that carries another address, keeps the sign.
 */
class MailAppStorePagesTest {

  static final String BADGES =
      "<p>Get the app: <a href=\"https://apps.apple.com/us/app/garden-shop/id1603728735?utm_campaign"
          + "=order\">App Store</a> <a href=\"https://itunes.apple.com/app/garden-shop/id1603728735"
          + "\">iPhone</a></p>";

  @Test
  void aShopsOrderConfirmationWithItsAppBadgesSpeaksOfItsShipmentWithoutALure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER + BADGES);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAppPageCarryingAnotherAddressKeepsTheLure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER
                + "<p><a href=\"https://apps.apple.com/us/app/garden-shop/id1603728735?u=https%3A"
                + "%2F%2Fgarden-pay.click%2Fpay\">App Store</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aStoresAccountPageKeepsTheLure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(
                MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), "Your order"),
            "text/html",
            MailOwnTransactionTest.ORDER
                + "<p><a href=\"https://apps.apple.com/account/billing\">App Store</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void appPagesAreTheStoresPagesOfOneApp() {
    assertThat(
            MailAppStorePages.appPage(
                "itunes.apple.com",
                "https://itunes.apple.com/app/apple-store/id660944635?pt=1752682&mt=8"))
        .isTrue();
    assertThat(
            MailAppStorePages.appPage(
                "apps.apple.com", "https://apps.apple.com/jp/app/example/id1603728735"))
        .isTrue();
    assertThat(
            MailAppStorePages.appPage(
                "play.google.com", "https://play.google.com/store/apps/details?id=com.example"))
        .isTrue();
    assertThat(MailAppStorePages.appPage("apps.apple.com", "https://apps.apple.com/account/"))
        .isFalse();
    assertThat(
            MailAppStorePages.appPage(
                "play.google.com", "https://play.google.com/redeem?code=GIFT-2026"))
        .isFalse();
    assertThat(
            MailAppStorePages.appPage(
                "apps.apple.com.garden-pay.click",
                "https://apps.apple.com.garden-pay.click/us/app/x/id1"))
        .isFalse();
  }
}

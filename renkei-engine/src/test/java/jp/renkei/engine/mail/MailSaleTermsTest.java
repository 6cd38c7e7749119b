package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A shop's returns policy and an offer's terms are no refund lure, and a newsletter's marketing
 * bonus is no targeted theme (hamout39); a refund announced to the reader, and a bonus written to
 * one person, keep their signs.
 */
class MailSaleTermsTest {

  /** A shop that links elsewhere too (a survey platform): not its own transaction mail. */
  static final String SURVEY =
      "<p><a href=\"https://survey.feedback-platform.example/shop\">Tell us how we did</a></p>";

  static String shop(String subject) {
    return MailOwnTransactionTest.headers(MailOwnTransactionTest.UNAUTHENTICATED, subject);
  }

  @Test
  void aReturnsPolicyIsNoRefundLure() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Thank you for shopping with us"),
            "text/html",
            "<p>Thank you for shopping with us.</p><p>Return Policy: if you are unhappy with your"
                + " purchase, you may return it to any of our stores for an exchange or refund"
                + " within 30 days. With the original receipt, items will be exchanged or refunded"
                + " for the full purchase price. Refunds will be issued in the original method of"
                + " payment. We reserve the right to limit or refuse a refund.</p>"
                + SURVEY);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aRefundAnnouncedToTheReaderKeepsTheSign() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Your refund"),
            "text/html",
            "<p>You are eligible for a refund of $312.40. Items can be exchanged or refunded in"
                + " store; to receive your refund online, confirm your card below.</p>"
                + SURVEY);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void anOffersTermsAreNoLure() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Perks just dropped"),
            "text/html",
            "<p>Memberships are non&#8209;refundable and non&#8209;transferable, there are no"
                + " credits or refunds for partial&#8209;year cancellations. The club may cancel,"
                + " modify, suspend, or withdraw this offer at any time.</p><p><a"
                + " href=\"https://www.gardenshop-example.com/refund-policy\">Policies</a></p>"
                + SURVEY);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aWithdrawalOfTheReadersMoneyKeepsTheSign() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Action needed"),
            "text/html",
            "<p>No refunds are pending. To withdraw your balance of $4,120, log in before"
                + " Friday.</p>"
                + SURVEY);
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aNewslettersBonusIsNoTargetedTheme() {
    MailReport r =
        TestMail.analyzeBase64(
            ownBulk("Marcy, this way to Europe"),
            "text/html",
            "<p>Fly to Europe sooner with up to 75,000 bonus points.</p><p>To unsubscribe from"
                + " these emails, update your preferences.</p>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.TARGETED_THEME);
  }

  @Test
  void aCasinosBonusInBulkMailKeepsTheTheme() {
    MailReport r =
        TestMail.analyzeBase64(
            ownBulk("Your 300% bonus is waiting"),
            "text/html",
            "<p>Unlock a 300% bonus and 50 free spins today.</p><p>To unsubscribe from these"
                + " emails, update your preferences.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.TARGETED_THEME);
  }

  @Test
  void aBonusInBulkMailNobodyAuthenticatedKeepsTheTheme() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Marcy, this way to Europe")
                + "List-Unsubscribe: <mailto:leave-4411@mail.gardenshop-example.com>\r\n",
            "text/html",
            "<p>Fly to Europe sooner with up to 75,000 bonus points.</p><p>To unsubscribe from"
                + " these emails, update your preferences.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.TARGETED_THEME);
  }

  /** A shop's own bulk mail: its own domain signed it, with the List-Unsubscribe header. */
  static String ownBulk(String subject) {
    return MailOwnTransactionTest.headers(
            MailOwnTransactionTest.dkimOnly("gardenshop-example.com"), subject)
        + "List-Unsubscribe: <mailto:leave-4411@mail.gardenshop-example.com>\r\n";
  }

  @Test
  void aBonusWrittenToOnePersonKeepsTheTheme() {
    MailReport r =
        TestMail.analyzeBase64(
            shop("Your year-end bonus"),
            "text/html",
            "<p>Your year-end bonus statement is ready. Open the attached summary.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.TARGETED_THEME);
  }

  @Test
  void aNewslettersSalaryThemeStillCounts() {
    MailReport r =
        TestMail.analyzeBase64(
            ownBulk("Payroll update"),
            "text/html",
            "<p>Your payroll and bonus details changed. To unsubscribe, update your"
                + " preferences.</p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.TARGETED_THEME);
  }
}

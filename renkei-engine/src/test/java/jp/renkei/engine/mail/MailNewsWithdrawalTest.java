package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "Withdrawal" is a crypto and advance-fee lure word (withdraw your balance, a withdrawal request),
 * but news reports the withdrawal of a candidacy, of troops or of a bill: those are no payment.
 */
class MailNewsWithdrawalTest {

  static boolean paymentLure(String text) {
    return !MailSigns.found(MailFraudWords.LURES, text.toLowerCase(java.util.Locale.ROOT))
        .isEmpty();
  }

  @Test
  void moneyWithdrawalsStayLures() {
    assertThat(paymentLure("Confirm the withdrawal of funds to your wallet today.")).isTrue();
    assertThat(paymentLure("Your withdrawal request of 0.52 BTC is pending.")).isTrue();
    assertThat(paymentLure("You can withdraw your balance at any time.")).isTrue();
    assertThat(paymentLure("Withdraw from the account before Friday.")).isTrue();
  }

  @Test
  void theNewsOfAWithdrawnCandidacyOrTroopsIsNoLure() {
    assertThat(paymentLure("The vote warrants withdrawal of the candidacy of the nominee."))
        .isFalse();
    assertThat(paymentLure("Talks on the withdrawal of troops resumed on Monday.")).isFalse();
    assertThat(paymentLure("She announced her withdrawal from the race.")).isFalse();
  }

  @Test
  void theArticlesAddressSaysTheSameAsItsTitle() {
    // a newsletter's plain-text part links the article by its slug
    assertThat(
            paymentLure(
                "Read it: https://news.example.org/2026/04/vote-warrants-withdrawal-of-the-candidacy/"))
        .isFalse();
    assertThat(paymentLure("https://wallet.example.top/withdrawal-of-funds/confirm")).isTrue();
  }
}

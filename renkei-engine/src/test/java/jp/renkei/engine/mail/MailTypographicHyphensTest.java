package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The typographic hyphen (U+2010) and the non-breaking hyphen (U+2011) read as the hyphen-minus the
 * word tables are written with (hamout38): a streaming service's "non\u2011refundable" is no refund
 * offered, as "non-refundable" is none; a lure's "log\u2010in" reads as "log-in".
 */
class MailTypographicHyphensTest {

  @Test
  void aNonBreakingHyphenReadsAsTheHyphenItShows() {
    assertThat(MailText.fold("memberships are non\u2011refundable"))
        .isEqualTo("memberships are non-refundable");
    assertThat(MailText.fold("log\u2010in")).isEqualTo("log-in");
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(MailOwnTransactionTest.UNAUTHENTICATED, "Perks"),
            "text/plain",
            "New perks for members this month. Memberships are non\u2011refundable.");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aRefundOfferedWithATypographicHyphenNearbyIsStillALure() {
    MailReport r =
        TestMail.analyzeBase64(
            MailOwnTransactionTest.headers(MailOwnTransactionTest.UNAUTHENTICATED, "Refund"),
            "text/plain",
            "Your re\u2011fund of $318.40 is waiting: claim your refund today.");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }
}

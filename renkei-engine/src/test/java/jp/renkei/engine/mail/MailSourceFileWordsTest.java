package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A payment or crypto word that names a source file or folder in a build report (the BlueZ CI bot's
 * "src/shared/crypto.c:271:21: warning") is no lure word; the word in prose, or a brand's domain,
 * still is (machine38, ham-services ci-bot).
 */
class MailSourceFileWordsTest {

  @Test
  void aSourceFileNamedCryptoIsNoPaymentWord() {
    assertThat(
            MailSigns.found(
                MailFraudWords.LURES,
                "src/shared/crypto.c:271:21: warning: variable 'len' set but not used"))
        .isEmpty();
    assertThat(MailSigns.found(MailFraudWords.LURES, "see crypto/aes.h for the key schedule"))
        .isEmpty();
    assertThat(MailSigns.found(MailFraudWords.LURES, "claim your crypto now, it expires today"))
        .containsExactly("crypto");
    assertThat(MailSigns.found(MailFraudWords.LURES, "log in to crypto.com to confirm"))
        .containsExactly("crypto");
  }
}

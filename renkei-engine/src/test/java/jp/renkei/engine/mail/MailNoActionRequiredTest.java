package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * "Action required" presses the reader (URGENCY); "no action is required on your part", what a
 * delivery-delay notice or a sign-in notice says to calm the reader, says the opposite (issue 19,
 * hamout26). Every other way of demanding action still counts.
 */
class MailNoActionRequiredTest {

  static boolean urgency(String text) {
    return !MailSigns.found(MailUrgencyWords.URGENCY, text.toLowerCase(Locale.ROOT)).isEmpty();
  }

  @Test
  void aDemandForActionStaysUrgent() {
    assertThat(urgency("Action required: confirm your account.")).isTrue();
    assertThat(urgency("Immediate action is required to keep your mailbox.")).isTrue();
    assertThat(urgency("If this was not you, action is required within 24 hours.")).isTrue();
    assertThat(urgency("Your account has been limited. Action required.")).isTrue();
  }

  @Test
  void sayingThatNoActionIsRequiredIsNoUrgency() {
    assertThat(urgency("No action is required on your part; delivery will be retried.")).isFalse();
    assertThat(urgency("If you made this change, no action required.")).isFalse();
    assertThat(urgency("No further action is required.")).isFalse();
  }

  @Test
  void aDelayNoticeThatAsksNothingIsClean() {
    MailReport r =
        TestMail.mail()
            .from("Mail Delivery System <mailer-daemon@mx.example.net>")
            .to("taro@example.jp")
            .subject("Warning: message delayed 24 hours")
            .base64(
                "text/plain",
                "This is an automatically generated delivery status notification.\n"
                    + "Your message to hanako@example.org has not been delivered yet.\n"
                    + "No action is required on your part.")
            .analyze();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.URGENCY);
  }
}

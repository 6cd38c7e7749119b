package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Campaign and advocacy bulk mail (ham-political, political38): a footer's "update your email
 * preferences or unsubscribe", a double opt-in's "confirm your email address" and an ESP's
 * dmarc=fail that is its alignment alone are no lure's signs; the same words in a lure, and a
 * failed check, keep theirs.
 */
class MailSubscriptionAsksTest {

  static MailReport mail(String text) {
    return TestMail.analyzeBase64(
        "From: Friends of Jane Doe <info@janedoeforcongress-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: We're almost there\r\n",
        "text/plain",
        text);
  }

  @Test
  void aPreferencesFooterIsNoCredentialRequest() {
    MailReport footer =
        mail(
            "We need 200 more signatures before Friday. Add your name today.\n"
                + "Paid for by Friends of Jane Doe.\n"
                + "To update your email preferences or unsubscribe, click here.\n");
    assertThat(TestMail.flags(footer)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
    MailReport information =
        mail(
            "Thank you for standing with us.\n"
                + "Please click here if you want to update your information or unsubscribe\n");
    assertThat(TestMail.flags(information)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aLuresAskKeepsItsSignBesideAnUnsubscribeLine() {
    // the unsubscribe line is a sentence of its own: the request before it stays
    MailReport lure =
        mail(
            "Update your information within 24 hours to keep your mailbox.\n"
                + "To update your email preferences or unsubscribe, click here.\n");
    assertThat(TestMail.flags(lure)).contains(RedFlag.CREDENTIAL_REQUEST);
    // a heading run into a fake footer without a stop keeps its words
    MailReport disabled =
        mail("Security Alert: Cloud Storage Account Disabled Unsubscribe from all email\n");
    assertThat(TestMail.flags(disabled)).contains(RedFlag.CREDENTIAL_REQUEST);
    MailReport subscription = mail("Your subscription has been suspended. Unsubscribe | Privacy\n");
    assertThat(TestMail.flags(subscription)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aDoubleOptInAsksNoSecret() {
    MailReport optIn =
        mail(
            "Confirm Your Email Address\n"
                + "To receive email from us, please click the link below to confirm your email"
                + " address:\n"
                + "https://click.janedoeforcongress-example.com/confirm\n"
                + "If you did not request this, you will not receive any more email from us.\n");
    assertThat(TestMail.flags(optIn)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
    // the mailbox lure's "confirm your email" to keep receiving messages states no consent
    MailReport lure =
        mail(
            "Confirm your email address to continue receiving messages. Your mailbox will be"
                + " deactivated today.\n"
                + "https://janedoeforcongress-example.com.webmail-check.example/confirm\n");
    assertThat(TestMail.flags(lure)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  static final String ESP_PASSED =
      "dkim=pass header.i=@esp-example.com header.s=s1 header.b=abc;"
          + " spf=pass (google.com: domain of bounce-7@bounce.esp-example.com designates"
          + " 192.0.2.5 as permitted sender) smtp.mailfrom=bounce-7@bounce.esp-example.com;"
          + " dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=janedoeforcongress-example.com";

  static MailReport sent(String results) {
    return sent(results, "We are ten votes short. Will you make three calls tonight?\n");
  }

  static MailReport sent(String results, String text) {
    return TestMail.analyzeBase64(
        "Authentication-Results: mx.google.com; "
            + results
            + "\r\nReturn-Path: <bounce-7@bounce.esp-example.com>\r\n"
            + "From: Jane Doe <info@janedoeforcongress-example.com>\r\nTo: aj@example.com\r\n"
            + "Subject: The deadline\r\n",
        "text/plain",
        text);
  }

  @Test
  void anEspsDmarcFailForAlignmentAloneIsWeighedOnce() {
    MailReport esp = sent(ESP_PASSED);
    assertThat(TestMail.flags(esp))
        .contains(RedFlag.NOT_ALIGNED)
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(esp.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aFailedCheckOrAnotherSignerStillCounts() {
    MailReport spfFailed =
        sent(
            "dkim=pass header.i=@esp-example.com; spf=fail"
                + " smtp.mailfrom=bounce-7@bounce.esp-example.com;"
                + " dmarc=fail header.from=janedoeforcongress-example.com");
    assertThat(TestMail.flags(spfFailed)).contains(RedFlag.AUTHENTICATION_FAILED);
    MailReport dkimFailed =
        sent(
            "dkim=fail header.i=@janedoeforcongress-example.com; spf=pass"
                + " smtp.mailfrom=bounce-7@bounce.esp-example.com;"
                + " dmarc=fail header.from=janedoeforcongress-example.com");
    assertThat(TestMail.flags(dkimFailed)).contains(RedFlag.AUTHENTICATION_FAILED);
    // SPF for the envelope, DKIM for a third domain: two strangers, not one platform
    MailReport twoDomains =
        sent(
            "dkim=pass header.i=@other-sender.example; spf=pass"
                + " smtp.mailfrom=bounce-7@bounce.esp-example.com;"
                + " dmarc=fail header.from=janedoeforcongress-example.com");
    assertThat(TestMail.flags(twoDomains)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void anUnsubscribeLinkAtTheSendingPlatformIsItsList() {
    MailReport esp =
        sent(
            ESP_PASSED,
            "We are ten votes short. Will you make three calls tonight?\n"
                + "Unsubscribe: https://act.esp-example.com/unsub/abc\n");
    assertThat(TestMail.flags(esp)).doesNotContain(RedFlag.UNLISTED_BULK);
    assertThat(esp.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // a third domain's unsubscribe page keeps the sign
    MailReport elsewhere =
        sent(
            ESP_PASSED,
            "We are ten votes short. Will you make three calls tonight?\n"
                + "Unsubscribe: https://optout-example.net/u/abc\n");
    assertThat(TestMail.flags(elsewhere)).contains(RedFlag.UNLISTED_BULK);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A notice about someone else's mailbox or account ("their mailbox is full", "the user(s) account
 * is disabled") asks the reader for nothing: delivery software reports the state of the address it
 * could not reach. A lure speaks of the reader's own mailbox or account, and keeps
 * CREDENTIAL_REQUEST.
 */
class MailThirdPartyAccountTest {

  static MailReport notice(String text) {
    return TestMail.withLines(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=isp.example.net\r\n")
        .from("\"Mail System\" <no-reply@isp.example.net>")
        .to("taro@example.jp")
        .subject("Mail error notice")
        .base64("text/plain", text)
        .analyze();
  }

  @Test
  void theReadersOwnFullMailboxStaysACredentialRequest() {
    MailReport r =
        notice(
            "We could not deliver 12 incoming messages because your mailbox is full."
                + " Please sign in at the portal to increase your storage.");
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void theReadersOwnDisabledAccountStaysACredentialRequest() {
    MailReport r = notice("Your account is disabled. Verify your account to restore access.");
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aThirdPartyPossessiveBesideTheReadersOwnAskStillCounts() {
    // a fake bounce that reports the recipient's mailbox and then asks the reader to log in
    MailReport r =
        notice(
            "Your message was not delivered as their mailbox is full. Your account is suspended"
                + " until you confirm your password.");
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aNoticeThatTheRecipientsMailboxIsFullAsksNothing() {
    MailReport r =
        notice(
            "Your message to hanako@example.org could not be delivered as their mailbox is full."
                + " Please try again later.");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void aNoticeThatTheUsersAccountIsDisabledAsksNothing() {
    MailReport r =
        notice(
            "Your message could not be delivered. The user(s) account is disabled:"
                + " hanako@example.org");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.CREDENTIAL_REQUEST);
  }

  @Test
  void theUserAccountWithoutAnOwnerIsNotAThirdParty() {
    // "the user account" is how a lure addresses its reader, not a third party's possessive
    MailReport r = notice("The user account is disabled. Contact the help desk.");
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(
            MailCredentialWords.THIRD_PARTY_ACCOUNT.matcher("the user account is disabled").find())
        .isFalse();
  }
}

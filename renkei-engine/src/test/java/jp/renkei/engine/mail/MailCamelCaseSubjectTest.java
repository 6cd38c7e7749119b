package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A programmer's CamelCase name in a subject ("unmountAndEjectDeviceAtURL", a developers' list
 * asking about an API) is words joined, not a random token added against filters: its "And" and
 * "At" are read as the words they are. The random runs lures add keep OBFUSCATED_TEXT.
 */
class MailCamelCaseSubjectTest {

  static MailReport withSubject(String subject) {
    return TestMail.analyzeBase64(
        "From: Jo O'Connor <jo@dev-example.com>\r\nTo: cocoa-dev@lists.example.org\r\n"
            + "Subject: "
            + subject
            + "\r\n",
        "text/plain",
        "Does anyone know why the second call returns before the volume is gone?");
  }

  @Test
  void anApiNameJoinedWithAndAndAtIsNoRandomToken() {
    assertThat(MailRandomNames.randomToken("differences between unmountAndEjectDeviceAtURL and X"))
        .isNull();
    assertThat(MailRandomNames.randomToken("isEqualToString vs compareByKeyAtIndex")).isNull();
    MailReport r =
        withSubject("Re: differences between NSWorkspace unmountAndEjectDeviceAtURL and path");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void randomRunsAreStillTokens() {
    assertThat(MailRandomNames.randomToken("Notificação Emitida - 2vOZiA4kohW8FCj"))
        .isEqualTo("2vOZiA4kohW8FCj");
    assertThat(MailRandomNames.randomToken("Sua conta segurancaNm9ehEyNWyox3"))
        .isEqualTo("segurancaNm9ehEyNWyox3");
    // the joining words do not make a run of capitals and stray letters readable
    assertThat(MailRandomNames.randomToken("Invoice OnXkQzAtPvWrTbIn"))
        .isEqualTo("OnXkQzAtPvWrTbIn");
    assertThat(TestMail.flags(withSubject("Notificação Emitida - 2vOZiA4kohW8FCj")))
        .contains(RedFlag.OBFUSCATED_TEXT);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A Reply-To that names a mailbox nobody reads (no-reply@ on another domain) diverts no answer: a
 * provider's delivery error notice from one of its domains answering at another's no-reply mailbox
 * is not REPLY_TO_OTHER_DOMAIN. A Reply-To a person reads, on any domain, keeps the sign, however
 * close its name is to "no-reply".
 */
class MailReplyToNoReplyTest {

  static MailReport mail(String from, String replyTo) {
    return TestMail.withLines(
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mail.example-isp.ne.jp\r\n")
        .from("\"Mail System\" <" + from + ">")
        .replyTo(replyTo)
        .to("taro@example.jp")
        .subject("Mail error notice")
        .base64("text/plain", "A message you sent could not be delivered. Please try again later.")
        .analyze();
  }

  @Test
  void aReplyToAPersonOnAnotherDomainKeepsTheSign() {
    assertThat(
            TestMail.flags(mail("no-reply@mail.example-isp.ne.jp", "helpdesk@collector.example")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aReadableMailboxDressedAsNoReplyKeepsTheSign() {
    assertThat(
            TestMail.flags(
                mail("no-reply@mail.example-isp.ne.jp", "noreply-support@collector.example")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            TestMail.flags(
                mail("no-reply@mail.example-isp.ne.jp", "no-reply.desk@collector.example")))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aReplyToANoReplyMailboxIsNotCounted() {
    for (String r :
        new String[] {
          "no-reply@app.example-portal.jp", "noreply@app.example-portal.jp",
          "do-not-reply@app.example-portal.jp", "DoNotReply@app.example-portal.jp"
        }) {
      assertThat(TestMail.flags(mail("no-reply@mail.example-isp.ne.jp", r)))
          .as(r)
          .doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    }
  }
}

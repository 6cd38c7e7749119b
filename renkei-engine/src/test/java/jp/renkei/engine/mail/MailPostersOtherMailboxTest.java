package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A discussion list's post answering at the poster's own other mailbox (the same mailbox name on
 * another, non-free-mail domain) is no reply diverted: REPLY_TO_OTHER_DOMAIN is not counted. Any
 * other mailbox name, a free-mail mailbox of the same name (the business-mail fraud's pattern), a
 * role mailbox, and the same headers without a list that vouches for the message keep the sign.
 */
class MailPostersOtherMailboxTest {

  static String post(String from, String replyTo, boolean throughTheList) {
    return (throughTheList
            ? MailListRelayTest.MAILMAN_HOPS
            : "Received: from mail.univ-example.edu (mail.univ-example.edu [198.51.100.7])\r\n"
                + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
                + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n")
        + "From: Rob K <"
        + from
        + ">\r\nReply-To: "
        + replyTo
        + "\r\nTo: dev@lists.radio-example.org\r\n"
        + "Subject: [dev] Re: replay block data rate\r\n"
        + (throughTheList ? MailListRelayTest.MAILMAN_LIST : "");
  }

  static MailReport analyze(String header) {
    return TestMail.analyzeBase64(header, "text/plain", MailListRelayTest.QUESTION);
  }

  @Test
  void theListPostersOtherMailboxIsNoDiversion() {
    MailReport r = analyze(post("robk@univ-example.edu", "robk@home-example.net", true));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // the mailbox name is compared ignoring case, as mail systems do
    assertThat(
            TestMail.flags(analyze(post("RobK@univ-example.edu", "robk@home-example.net", true))))
        .doesNotContain(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void anotherMailboxNameKeepsTheSign() {
    MailReport r = analyze(post("robk@univ-example.edu", "payments@home-example.net", true));
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void theSameNameAtFreeMailKeepsTheSign() {
    MailReport r = analyze(post("robk@univ-example.edu", "robk@gmail.com", true));
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aRoleOrShortMailboxKeepsTheSign() {
    assertThat(
            TestMail.flags(analyze(post("info@univ-example.edu", "info@home-example.net", true))))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(TestMail.flags(analyze(post("rk@univ-example.edu", "rk@home-example.net", true))))
        .contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void withoutAListThatVouchesTheSameNameKeepsTheSign() {
    MailReport r = analyze(post("robk@univ-example.edu", "robk@home-example.net", false));
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    // list headers anyone can write, naming a list whose domain did not send the message
    MailReport forged =
        analyze(
            "Received: from mail.univ-example.edu (mail.univ-example.edu [198.51.100.7])\r\n"
                + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
                + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
                + "From: Rob K <robk@univ-example.edu>\r\nReply-To: robk@home-example.net\r\n"
                + "To: dev@lists.radio-example.org\r\nSubject: [dev] Re: replay block\r\n"
                + MailListRelayTest.MAILMAN_LIST);
    assertThat(TestMail.flags(forged)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }

  @Test
  void aListPostAskingForAPasswordKeepsTheSign() {
    MailReport r =
        TestMail.analyzeBase64(
            post("robk@univ-example.edu", "robk@home-example.net", true),
            "text/plain",
            "Your mailbox is full. Verify your account and confirm your password within 24 hours"
                + " or your account will be suspended.");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
  }
}

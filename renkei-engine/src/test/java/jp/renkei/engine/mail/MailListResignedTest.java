package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A discussion list that added its footer, broke its poster's signature and signed what it sent
 * with its host's own key, checked by the receiver after the list: the poster's failing signature
 * is the list's change, not a forgery (hamout37, {@link MailListResigned}). A forged From with no
 * signature of its own domain, an SPF failure and a list that nobody signed keep the signs.
 */
class MailListResignedTest {

  static String receiver(String results) {
    return "Return-Path: <dev-bounces+me=reader-example.net@lists.radio-example.org>\r\n"
        + "Received: from mm2.listhost-example.com (mm2.listhost-example.com [192.0.2.10])\r\n"
        + "\tby mail.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
        + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
        + "Authentication-Results: mail.reader-example.net;\r\n"
        + results
        + "Received: from mail.univ-example.edu (mail.univ-example.edu [198.51.100.7])\r\n"
        + "\tby mm2.listhost-example.com (Postfix) with ESMTPS id AAA05\r\n"
        + "\tfor <dev@lists.radio-example.org>; Mon, 14 Feb 2022 21:25:33 -0500\r\n";
  }

  static final String LIST_SIGNED_POSTER_BROKEN =
      "\tdkim=pass header.d=listhost-example.com header.s=harmony;\r\n"
          + "\tdkim=fail (\"body hash did not verify\") header.d=univ-example.edu header.s=mail;\r\n"
          + "\tdmarc=fail (p=none dis=none) header.from=univ-example.edu\r\n";

  static String post(String results, String from) {
    return receiver(results)
        + "From: "
        + from
        + "\r\nTo: dev@lists.radio-example.org\r\n"
        + "Subject: [dev] Re: replay block data rate\r\n"
        + MailListRelayTest.MAILMAN_LIST;
  }

  @Test
  void thePostersSignatureTheListBrokeIsNoForgeryWhenTheListSignedWhatItSent() {
    MailReport r =
        TestMail.analyzeBase64(
            post(LIST_SIGNED_POSTER_BROKEN, "Rob K <rob@univ-example.edu>"),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED, RedFlag.NOT_ALIGNED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aForgedFromWithoutASignatureOfItsOwnKeepsTheFailure() {
    MailReport r =
        TestMail.analyzeBase64(
            post(
                "\tdkim=pass header.d=listhost-example.com header.s=harmony;\r\n"
                    + "\tdmarc=fail (p=none dis=none) header.from=univ-example.edu\r\n",
                "Rob K <rob@univ-example.edu>"),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void anSpfFailureKeepsTheFailure() {
    MailReport r =
        TestMail.analyzeBase64(
            post(
                "\tspf=fail smtp.mailfrom=lists.radio-example.org;\r\n" + LIST_SIGNED_POSTER_BROKEN,
                "Rob K <rob@univ-example.edu>"),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aListNobodySignedKeepsTheFailure() {
    MailReport r =
        TestMail.analyzeBase64(
            post(
                "\tdkim=fail header.d=univ-example.edu header.s=mail;\r\n"
                    + "\tdmarc=fail (p=none dis=none) header.from=univ-example.edu\r\n",
                "Rob K <rob@univ-example.edu>"),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aListRelayedAskForAPasswordIsNoVouchedListAndKeepsTheFailure() {
    MailReport r =
        TestMail.analyzeBase64(
            post(LIST_SIGNED_POSTER_BROKEN, "IT Desk <it@univ-example.edu>"),
            "text/plain",
            "Your mailbox is full. Verify your account and confirm your password within 24 hours"
                + " at http://univ-example-mail.top/login or it will be suspended.");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

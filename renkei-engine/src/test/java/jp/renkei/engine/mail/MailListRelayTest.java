package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Mail a discussion list relayed (issue 19, list23): a list with DMARC mitigation rewrites From to
 * its own posting address and names the poster in Reply-To, and a list that adds a footer breaks
 * the poster's signature, which the list host's own results then show. Read as the list sent it,
 * neither is a sign; a forged List-Id buys a lure nothing, and a lure posted to a real list keeps
 * its content signs.
 */
class MailListRelayTest {

  /** The list host hands the message to the receiver, which writes no results of its own. */
  static final String MAILMAN_HOPS =
      "Return-Path: <dev-bounces@lists.radio-example.org>\r\n"
          + "Received: from mm.radio-example.org (mm.radio-example.org [192.0.2.10])\r\n"
          + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
          + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
          + "Received: from mm.radio-example.org (localhost [127.0.0.1])\r\n"
          + "\tby mm.radio-example.org (Postfix) with ESMTP id 77845\r\n"
          + "\tfor <me@reader-example.net>; Mon, 14 Feb 2022 21:26:29 -0500\r\n"
          + "Authentication-Results: mm.radio-example.org;\r\n"
          + "\tdkim=fail reason=\"signature verification failed\" header.d=univ-example.edu\r\n"
          + "Received: from mail.univ-example.edu (mail.univ-example.edu [198.51.100.7])\r\n"
          + "\tby mm.radio-example.org (Postfix) with ESMTPS id AAA05\r\n"
          + "\tfor <dev@lists.radio-example.org>; Mon, 14 Feb 2022 21:25:33 -0500\r\n";

  static final String MAILMAN_LIST =
      "X-Mailman-Version: 3.3.3\r\nPrecedence: list\r\n"
          + "List-Id: Radio development <dev.lists.radio-example.org>\r\n"
          + "List-Archive: <https://lists.radio-example.org/archives/list/dev/>\r\n"
          + "List-Help: <mailto:dev-request@lists.radio-example.org?subject=help>\r\n"
          + "List-Post: <mailto:dev@lists.radio-example.org>\r\n"
          + "List-Unsubscribe: <mailto:dev-leave@lists.radio-example.org>\r\n";

  static final String QUESTION =
      "Hi all, the replay block drops samples above 100 MS/s on my board. Has anybody seen"
          + " this with the 4.1 FPGA image? I attached nothing, the log is below.\n\nRob";

  @Test
  void aPosterInReplyToOfAFromTheListRewroteIsNoOtherDomain() {
    MailReport r =
        TestMail.analyzeBase64(
            MAILMAN_HOPS
                + "From: Rob K via dev <dev@lists.radio-example.org>\r\n"
                + "Reply-To: Rob K <rob@univ-example.edu>\r\n"
                + "To: dev@lists.radio-example.org\r\n"
                + "Subject: [dev] Re: replay block data rate\r\n"
                + MAILMAN_LIST,
            "text/plain",
            QUESTION);
    assertThat(TestMail.flags(r))
        .doesNotContain(
            RedFlag.REPLY_TO_OTHER_DOMAIN,
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.NOT_ALIGNED,
            RedFlag.UNAUTHENTICATED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void thePostersBrokenSignatureInTheListHostsOwnResultsIsNoForgery() {
    MailReport r =
        TestMail.analyzeBase64(
            MAILMAN_HOPS
                + "From: Rob K <rob@univ-example.edu>\r\n"
                + "To: dev@lists.radio-example.org\r\n"
                + "Subject: [dev] Re: replay block data rate\r\n"
                + MAILMAN_LIST,
            "text/plain",
            QUESTION);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theReceiversOwnFailingResultsStillCountThroughAList() {
    // the receiver checked the message as it arrived: its failure is its judgement
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.reader-example.net; spf=fail"
                + " smtp.mailfrom=univ-example.edu; dkim=fail header.d=univ-example.edu;"
                + " dmarc=fail header.from=univ-example.edu\r\n"
                + MAILMAN_HOPS
                + "From: Rob K <rob@univ-example.edu>\r\n"
                + "To: dev@lists.radio-example.org\r\n"
                + "Subject: [dev] Re: replay block data rate\r\n"
                + MAILMAN_LIST,
            "text/plain",
            QUESTION);
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aForgedListIdOfAnotherDomainKeepsTheReplyToSignAndTheVerdict() {
    MailReport r =
        TestMail.analyzeBase64(
            "Return-Path: <billing@invoice-example.com>\r\n"
                + "From: Accounts Payable <billing@invoice-example.com>\r\n"
                + "Reply-To: <payments.desk@gmail.com>\r\n"
                + "To: a@example.jp\r\n"
                + "Subject: Overdue invoice: payment today\r\n"
                + "Precedence: list\r\n"
                + "List-Id: <dev.lists.radio-example.org>\r\n"
                + "List-Post: <mailto:dev@lists.radio-example.org>\r\n",
            "text/plain",
            "Your invoice is overdue. Please make the payment by wire transfer today to avoid"
                + " suspension of your account; confirm the bank details by replying.");
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aLurePostedToARealGroupKeepsItsContentSigns() {
    // a Google Group relays what a member posts: the group's own domain vouches for the group,
    // not for the words, and a password request is never read as the list's
    MailReport r =
        TestMail.analyzeBase64(
            "Return-Path: <team+bncBC@googlegroups.com>\r\n"
                + "Received: from mail-yw1-x113a.google.com (mail-yw1-x113a.google.com"
                + " [192.0.2.44])\r\n\tby mx.reader-example.net (Postfix) with ESMTPS id DB2\r\n"
                + "\tfor <me@reader-example.net>; Tue, 18 Jun 2024 11:40:18 +0200\r\n"
                + "ARC-Authentication-Results: i=1; gmr-mx.google.com; spf=pass"
                + " smtp.mailfrom=helpdesk.it@gmail.com; dmarc=pass header.from=gmail.com\r\n"
                + "DKIM-Signature: v=1; a=rsa-sha256; d=googlegroups.com; s=1; b=x\r\n"
                + "Sender: team@googlegroups.com\r\n"
                + "From: 'IT Helpdesk' via team <team@googlegroups.com>\r\n"
                + "Reply-To: IT Helpdesk <helpdesk.it@gmail.com>\r\n"
                + "To: team@googlegroups.com\r\n"
                + "Subject: Mailbox quota exceeded: verify your account\r\n"
                + "Precedence: list\r\n"
                + "Mailing-list: list team@googlegroups.com; contact team+owners@googlegroups.com\r\n"
                + "List-ID: <team.googlegroups.com>\r\n"
                + "List-Post: <https://groups.google.com/group/team/post>,"
                + " <mailto:team@googlegroups.com>\r\n",
            "text/html",
            "<p>Your mailbox has exceeded its quota. Verify your account within 24 hours or it"
                + " will be suspended: enter your email password on the page below.</p>"
                + "<a href=\"https://quota-verify.duckdns.org/login\">Verify now</a>");
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void theSameUpstreamResultsOutsideAListStillCount() {
    // without a list that vouched for itself, results written upstream are read as before
    MailReport r =
        TestMail.analyzeBase64(
            MAILMAN_HOPS.replace("dev-bounces@lists.radio-example.org", "rob@univ-example.edu")
                + "From: Rob K <rob@univ-example.edu>\r\n"
                + "To: me@reader-example.net\r\n"
                + "Subject: Re: replay block data rate\r\n",
            "text/plain",
            QUESTION);
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }
}

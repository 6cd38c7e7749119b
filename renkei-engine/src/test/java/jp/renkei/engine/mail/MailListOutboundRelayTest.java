package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A list host's own check of what it received, written after it changed the message (it rewrote
 * List-Unsubscribe, which the poster's service had signed) and handed on by another host of the
 * list's own domain (vger's lists leave smtp.subspace.kernel.org through ny.mirrors.kernel.org):
 * the results are upstream, the list's, not the reader's, and a failure there is the list's change
 * (corpus37's ham-services: 174 of 203 GitHub notices through linux-bluetooth flagged for it). The
 * same results written in the reader's own name, or in a third domain's, still count.
 */
class MailListOutboundRelayTest {

  /** What vger's lists stamp: no List-Post, no list manager's version. */
  static final String VGER_LIST =
      "Precedence: bulk\r\n"
          + "X-Mailing-List: dev@lists.radio-example.org\r\n"
          + "List-Id: <dev.lists.radio-example.org>\r\n"
          + "List-Subscribe: <mailto:dev+subscribe@lists.radio-example.org>\r\n"
          + "List-Unsubscribe: <mailto:dev+unsubscribe@lists.radio-example.org>\r\n";

  static String relayed(String authservId) {
    return relayed(authservId, MailListRelayTest.MAILMAN_LIST);
  }

  static String relayed(String authservId, String listHeaders) {
    return "Return-Path: <dev-bounces+me=reader-example.net@lists.radio-example.org>\r\n"
        + "Received: from out2.listhost-example.com (out2.listhost-example.com [192.0.2.11])\r\n"
        + "\tby mail.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
        + "\tfor <me@reader-example.net>; Fri,  8 Aug 2025 20:59:00 +0200\r\n"
        + "Received: from smtp.listhost-example.com (relay.listhost-example.com [192.0.2.10])\r\n"
        + "\tby out2.listhost-example.com (Postfix) with ESMTPS id 782045821C5\r\n"
        + "\tfor <me@reader-example.net>; Fri,  8 Aug 2025 18:58:58 +0000\r\n"
        + "Received: from localhost.localdomain (localhost.localdomain [127.0.0.1])\r\n"
        + "\tby smtp.listhost-example.com (Postfix) with ESMTP id B4C21276030;\r\n"
        + "\tFri,  8 Aug 2025 18:58:54 +0000\r\n"
        + "Authentication-Results: "
        + authservId
        + ";\r\n"
        + "\tdkim=fail reason=\"signature verification failed\" header.d=code-example.com\r\n"
        + "Received: from out-24.smtp.code-example.com (out-24.smtp.code-example.com"
        + " [198.51.100.207])\r\n"
        + "\tby smtp.listhost-example.com (Postfix) with ESMTPS id C491B1361\r\n"
        + "\tfor <dev@lists.radio-example.org>; Fri,  8 Aug 2025 18:58:54 +0000\r\n"
        + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=code-example.com; s=pf2023;\r\n"
        + "\th=Date:From:To:Subject:List-Unsubscribe:From; bh=kc7n; b=jyHu\r\n"
        + "From: Rob K <noreply@code-example.com>\r\n"
        + "To: dev@lists.radio-example.org\r\n"
        + "Subject: [radio/radio] b41876: replay: fix the block's sample drops\r\n"
        + listHeaders;
  }

  static MailReport analyse(String authservId) {
    return TestMail.analyzeBase64(relayed(authservId), "text/plain", MailListRelayTest.QUESTION);
  }

  @Test
  void theListHostsCheckHandedOnByItsOwnRelayIsTheListsNotTheReaders() {
    MailReport r = analyse("smtp.listhost-example.com");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aListThatStampsOnlyItsIdAndSubscriptionIsReadTheSame() {
    MailReport r =
        TestMail.analyzeBase64(
            relayed("smtp.listhost-example.com", VGER_LIST),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED, RedFlag.UNAUTHENTICATED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theReadersOwnDeliveryToTheMailboxIsSkipped() {
    MailReport r =
        TestMail.analyzeBase64(
            "Received: from mail.reader-example.net by reader with LMTP id 9Z\r\n"
                + "\tfor <me@reader-example.net>; Fri,  8 Aug 2025 20:59:01 +0200\r\n"
                + relayed("smtp.listhost-example.com", VGER_LIST),
            "text/plain",
            MailListRelayTest.QUESTION);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void theSameFailureInTheReadersOwnNameCounts() {
    assertThat(TestMail.flags(analyse("mx.reader-example.net")))
        .contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void theSameFailureInAThirdDomainsNameCounts() {
    assertThat(TestMail.flags(analyse("smtp.other-example.org")))
        .contains(RedFlag.AUTHENTICATION_FAILED);
  }
}

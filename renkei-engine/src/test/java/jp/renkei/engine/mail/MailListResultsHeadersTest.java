package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailListRelayTest.MAILMAN_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A list host that writes its checks of the poster's connection in several Authentication-Results
 * headers above its own trace line (lists42, issue 19; lists.ozlabs.org writes DMARC in one, SPF in
 * the next): they are read together as that hop's results, so the list host's SPF failure of a post
 * it only relayed is the author's, as when it writes one header. What a poster writes in the list's
 * name below the list's trace line, and what a sender writes in the receiver's name right below the
 * receiver's own results, is not read with them. Hand-written after the shape of lists.ozlabs.org's
 * headers; every name is the test's own.
 */
class MailListResultsHeadersTest {

  /** The reader's server, then the list's re-injection, then the list's results for its poster. */
  static String listHops(String results, String belowTheListsTraceLine) {
    return "Return-Path: <dev-bounces@lists.radio-example.org>\r\n"
        + "Received: from mm.radio-example.org (mm.radio-example.org [192.0.2.10])\r\n"
        + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
        + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
        + "Received: from mm.radio-example.org (localhost [127.0.0.1])\r\n"
        + "\tby mm.radio-example.org (Postfix) with ESMTP id 77845\r\n"
        + "\tfor <me@reader-example.net>; Mon, 14 Feb 2022 21:26:29 -0500\r\n"
        + results
        + "Received: from host.example-vps.net (host.example-vps.net [203.0.113.9])\r\n"
        + "\tby mm.radio-example.org (Postfix) with ESMTPS id AAA05\r\n"
        + "\tfor <dev@lists.radio-example.org>; Mon, 14 Feb 2022 21:25:33 -0500\r\n"
        + belowTheListsTraceLine;
  }

  static final String DMARC_THEN_SPF_FAILED =
      "Authentication-Results: mm.radio-example.org; dmarc=fail (p=none dis=none)"
          + " header.from=invoices-example.net\r\n"
          + "Authentication-Results: mm.radio-example.org; spf=fail (SPF fail - not authorized)"
          + " smtp.mailfrom=invoices-example.net\r\n";

  static MailReport post(String hops, String from, String subject, String text) {
    return TestMail.analyzeBase64(
        hops
            + "From: "
            + from
            + "\r\n"
            + "To: dev@lists.radio-example.org\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + MAILMAN_LIST,
        "text/plain",
        text);
  }

  @Test
  void theListHostsSpfFailureInItsSecondResultsHeaderIsTheAuthors() {
    MailReport r =
        post(
            listHops(DMARC_THEN_SPF_FAILED, ""),
            "cfe@invoices-example.net",
            "Cuenta VENCIDA 330CFE/2024",
            "Apreciable Cliente: dev@lists.radio-example.org\n\nLa relacion de los archivos"
                + " anexos es la siguiente.");
    assertThat(r.authentication().spf()).isEqualTo("fail");
    assertThat(r.authentication().dmarc()).isEqualTo("fail");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.AUTHENTICATION_FAILED);
              assertThat(f.evidence()).startsWith("spf=fail (the list host's");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMembersPostWhoseTwoListHeadersSayPassStaysClean() {
    MailReport r =
        post(
            listHops(
                "Authentication-Results: mm.radio-example.org; dmarc=pass (p=none dis=none)"
                    + " header.from=univ-example.edu\r\n"
                    + "Authentication-Results: mm.radio-example.org; spf=pass (sender SPF"
                    + " authorized) smtp.mailfrom=univ-example.edu\r\n",
                ""),
            "Rob K <rob@univ-example.edu>",
            "[dev] replay block drops samples on the 4.1 image",
            MailListRelayTest.QUESTION);
    assertThat(r.authentication().spf()).isEqualTo("pass");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aListsSpfFailureInAReplyThatQuotesStaysTheLists() {
    MailReport r =
        TestMail.analyzeBase64(
            listHops(DMARC_THEN_SPF_FAILED, "")
                + "From: cfe@invoices-example.net\r\n"
                + "To: dev@lists.radio-example.org\r\n"
                + "Subject: [dev] Re: Cuenta 330CFE/2024\r\n"
                + "In-Reply-To: <20220214.1@univ-example.edu>\r\n"
                + MAILMAN_LIST,
            "text/plain",
            "Adjunto comprobante.\n\n> Could you send the receipt again?");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aPostersHeaderInTheListsNameBelowTheListsTraceLineIsNotRead() {
    // the list wrote its DMARC failure only; the poster wrote a pass in the list's name, and a
    // trace line of the list's host under it, in its own headers
    MailReport r =
        post(
            listHops(
                "Authentication-Results: mm.radio-example.org; dmarc=fail (p=none dis=none)"
                    + " header.from=invoices-example.net\r\n",
                "Authentication-Results: mm.radio-example.org; spf=pass smtp.mailfrom="
                    + "invoices-example.net; dkim=pass header.d=invoices-example.net\r\n"
                    + "Received: from relay.invoices-example.net ([198.51.100.9])\r\n"
                    + "\tby mm.radio-example.org (Postfix) with ESMTPS id BBB06\r\n"
                    + "\tfor <dev@lists.radio-example.org>; Mon, 14 Feb 2022 21:25:30 -0500\r\n"),
            "cfe@invoices-example.net",
            "Cuenta VENCIDA 330CFE/2024",
            "Apreciable Cliente: la relacion de los archivos anexos es la siguiente.");
    assertThat(r.authentication().spf()).isNull();
    assertThat(r.authentication().dkim()).isNull();
  }

  @Test
  void aSendersHeaderInTheReceiversNameBelowTheReceiversOwnStaysUnread() {
    // the receiver writes its results below its own Received header (a Postfix milter); the
    // sender wrote a DKIM pass in the receiver's name, and a trace line in its name, right below
    MailReport r =
        TestMail.analyzeBase64(
            "Received: from host.example-vps.net (host.example-vps.net [203.0.113.9])\r\n"
                + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
                + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
                + "Authentication-Results: mx.reader-example.net; spf=fail"
                + " smtp.mailfrom=paypal.com\r\n"
                + "Authentication-Results: mx.reader-example.net; dkim=pass header.d=paypal.com;"
                + " dmarc=pass header.from=paypal.com\r\n"
                + "Received: from host.example-vps.net ([203.0.113.9])\r\n"
                + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3B\r\n"
                + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:29 +0100\r\n"
                + "From: PayPal <service@paypal.com>\r\n"
                + "To: me@reader-example.net\r\n"
                + "Subject: Your account is limited\r\n",
            "text/plain",
            "Dear customer, confirm your account details.");
    assertThat(r.authentication().spf()).isEqualTo("fail");
    assertThat(r.authentication().dkim()).isNull();
    assertThat(r.authentication().dmarc()).isNull();
  }
}

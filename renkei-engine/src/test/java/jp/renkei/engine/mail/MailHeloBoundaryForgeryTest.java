package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * attack39, reported to the lead and left red on purpose (the mail rules are not this branch's to
 * change): the "from" name of a Received hop is the HELO name the peer gave, so a sender outside
 * that greets the receiver's server with a name under the receiver's own domain makes its hop pass
 * for the receiver's internal one ({@link MailHops#internal}); the walk then reads the headers the
 * sender wrote below it as the receiver's — here an Authentication-Results in the name of a
 * "boundary server" that exists only in those forged headers. The receiver's real server checked
 * the message and wrote spf=fail, dmarc=fail; the forged pass is believed over it and a spoofed
 * sender reads CLEAN. The peer's address and its reverse name (which the receiver looked up itself,
 * "host5.evil.example.net") say the hop came from outside.
 */
class MailHeloBoundaryForgeryTest {

  static final String NOTICE =
      "<p>Thank you for your order. It will be shipped within two days.</p>"
          + "<p><a href=\"https://www.shop.example.com/orders\">Your orders</a></p>";

  /** The receiver's only server, as it wrote: the peer said HELO edge.example.jp. */
  static final String RECEIVERS_OWN =
      "Received: from edge.example.jp (host5.evil.example.net [203.0.113.9]) by inbox.example.jp"
          + " with ESMTPS id A1 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:13 +0000\r\n"
          + "Authentication-Results: inbox.example.jp; spf=fail smtp.mailfrom=shop.example.com;"
          + " dkim=none; dmarc=fail header.from=shop.example.com\r\n";

  /** Written by the sender, below: a boundary server of the receiver that never saw the message. */
  static final String FORGED_BELOW =
      "Received: from mta1.shop.example.com (mta1.shop.example.com [198.51.100.7]) by"
          + " edge.example.jp with ESMTPS id B2 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:12"
          + " +0000\r\n"
          + "Authentication-Results: edge.example.jp; spf=pass smtp.mailfrom=shop.example.com;"
          + " dkim=pass header.d=shop.example.com header.b=abc; dmarc=pass"
          + " header.from=shop.example.com\r\n";

  MailReport notice(String headers) {
    return TestMail.analyzeBase64(
        headers
            + "From: Shop <orders@shop.example.com>\r\nTo: taro@example.jp\r\n"
            + "Subject: Your order\r\n",
        "text/html",
        NOTICE);
  }

  @Test
  void withoutTheForgedHeadersTheReceiversFailStands() {
    MailReport r = notice(RECEIVERS_OWN);
    assertThat(r.authentication().dmarc()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aHeloInTheReceiversNameDoesNotMakeTheSendersOwnHeadersTheReceivers() {
    MailReport r = notice(RECEIVERS_OWN + FORGED_BELOW);
    // red on main at e5476e3e: spf, dkim and dmarc read "pass", no sign, verdict CLEAN (score 0)
    assertThat(r.authentication().dmarc()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

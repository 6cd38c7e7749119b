package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One receiver's results written in several Authentication-Results headers (RFC 8601 §2.2;
 * ProtonMail writes one per method) are read together; a header in the receiver's name below its
 * own Received header, or another receiver's, is not. A DMARC failure under a published p=none
 * still counts (machine38: 204 phish-pot tuning lures carry it as their only failure; of the
 * legitimate tuning messages only the kernel lists' bot reports do, whose results are the list's
 * own and not counted), and so does a DKIM failure beside a DMARC pass. A real bounce's SPF check
 * of its host's HELO name is no forgery of a sender.
 */
class MailReceiverResultsTest {

  static final String NOTE = "Dear Hanako, the minutes of Tuesday's meeting are below. Ichiro";

  /** A note from a shop-example.com sender as a receiver writing one header per method got it. */
  static String received(String resultsAbove, String resultsBelow) {
    return "Return-Path: <ichiro@shop-example.com>\r\n"
        + "Delivered-To: hanako@reader-example.net\r\n"
        + resultsAbove
        + "Received: from out1.shop-example.com (out1.shop-example.com [198.51.100.7])\r\n"
        + "\tby mailin3.reader-example.net (Postfix) with ESMTPS id 4N4DgG\r\n"
        + "\tfor <hanako@reader-example.net>; Fri,  8 Aug 2025 20:59:00 +0200\r\n"
        + resultsBelow
        + "From: Ichiro Sato <ichiro@shop-example.com>\r\n"
        + "To: hanako@reader-example.net\r\n"
        + "Subject: Minutes of Tuesday\r\n"
        + "Message-ID: <20250808185858.77@shop-example.com>\r\n";
  }

  static String results(String... each) {
    StringBuilder out = new StringBuilder();
    for (String r : each) {
      out.append("Authentication-Results: mailin3.reader-example.net; ").append(r).append("\r\n");
    }
    return out.toString();
  }

  static MailReport analyse(String headers) {
    return TestMail.analyzeBase64(headers, "text/plain", NOTE);
  }

  @Test
  void oneReceiversHeadersAreReadTogether() {
    MailReport r =
        analyse(
            received(
                results(
                    "arc=none smtp.remote-ip=198.51.100.7",
                    "dkim=none",
                    "spf=pass smtp.mailfrom=shop-example.com",
                    "dmarc=pass (p=none dis=none) header.from=shop-example.com"),
                ""));
    assertThat(r.authentication().spf()).isEqualTo("pass");
    assertThat(r.authentication().dmarc()).isEqualTo("pass");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.UNAUTHENTICATED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theTopHeaderAloneWasReadAsUnauthenticated() {
    // what the top header alone says: no SPF, no DKIM
    MailReport r = analyse(received(results("arc=none smtp.remote-ip=198.51.100.7"), ""));
    assertThat(TestMail.flags(r)).contains(RedFlag.UNAUTHENTICATED);
  }

  @Test
  void aDmarcFailureUnderPolicyNoneInAnotherHeaderStillCounts() {
    MailReport r =
        analyse(
            received(
                results(
                    "arc=none smtp.remote-ip=198.51.100.7",
                    "spf=pass smtp.mailfrom=bounces.mailer-example.com",
                    "dmarc=fail (p=none dis=none) header.from=shop-example.com"),
                ""));
    assertThat(r.authentication().dmarc()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aDkimFailureBesideADmarcPassStillCounts() {
    MailReport r =
        analyse(
            received(
                results(
                    "dkim=fail (bad signature) header.d=shop-example.com",
                    "spf=pass smtp.mailfrom=shop-example.com",
                    "dmarc=pass (p=none dis=none) header.from=shop-example.com"),
                ""));
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aHeaderInTheReceiversNameBelowItsReceivedIsTheSenders() {
    // the sender wrote a pass in the receiver's name into what it sent
    MailReport r =
        analyse(
            received(
                results("arc=none smtp.remote-ip=198.51.100.7"),
                results("spf=pass smtp.mailfrom=shop-example.com")));
    assertThat(r.authentication().spf()).isNull();
    assertThat(TestMail.flags(r)).contains(RedFlag.UNAUTHENTICATED);
  }

  @Test
  void anotherReceiversHeaderIsNotMerged() {
    MailReport r =
        analyse(
            received(
                results("arc=none smtp.remote-ip=198.51.100.7")
                    + "Authentication-Results: mx.elsewhere-example.org;"
                    + " spf=pass smtp.mailfrom=shop-example.com\r\n",
                ""));
    assertThat(r.authentication().spf()).isNull();
    assertThat(TestMail.flags(r)).contains(RedFlag.UNAUTHENTICATED);
  }

  @Test
  void theTopHeadersOwnResultIsKeptWhenALowerOneRepeatsTheMethod() {
    MailReport r =
        analyse(
            received(
                results(
                    "spf=fail smtp.mailfrom=shop-example.com",
                    "spf=pass smtp.mailfrom=shop-example.com"),
                ""));
    assertThat(r.authentication().spf()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  static String bounce(String spf) {
    return MailBounceTest.report(
            "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
            "Undelivered Mail Returned to Sender",
            """
            This is the mail system at host mx.example-corp.co.jp.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients.

            <h.suzuki@examp1e-partner.co.jp>: host mx.examp1e-partner.co.jp said:
                552 5.2.2 Mailbox full, quota exceeded (in reply to RCPT TO command)
            """,
            MailBounceTest.STATUS_FULL,
            MailBounceTest.RETURNED)
        .replace("spf=none smtp.helo=mx.example-corp.co.jp", spf);
  }

  @Test
  void aRealBouncesFailedHeloCheckIsNoForgedSender() {
    MailReport r = MailBounceTest.analyze(bounce("spf=fail smtp.helo=mx.example-corp.co.jp"));
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("bounce"));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aRealBouncesFailedMailFromCheckStillCounts() {
    MailReport r = MailBounceTest.analyze(bounce("spf=fail smtp.mailfrom=mx.example-corp.co.jp"));
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aFailedHeloCheckOutsideABounceStillCounts() {
    MailReport r = analyse(received(results("spf=fail smtp.helo=out1.shop-example.com"), ""));
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Forwarding read as forwarding (issue 19, hamout29): a relay between the sender and the reader's
 * server (the reader's own forwarding address) sends the message on from its own address, so the
 * reader's server finds SPF failing for the envelope's domain, while the sender's DKIM signature,
 * which travels with the message, still passes for that same domain. The adversary's shapes come
 * first: a DKIM pass for any other domain, a DMARC failure, results written below the receiver's
 * and a brand forged into From through a rented platform all keep their signs.
 */
class MailForwardedTest {

  static final String BOUNCE_TEXT =
      "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"}}";

  /** An AWS SNS notice as the reader's server saw it after the reader's own relay forwarded it. */
  static TestMail forwarded(String results) {
    return TestMail.withLines(
            "Received: from relay.example.jp (relay.example.jp [192.0.2.153]) by mx.example.com"
                + " with ESMTP id 1 for <sironeko@example.com>; Fri, 21 Oct 2016 06:58:06 +0000\r\n"
                + "Authentication-Results: mx.example.com; "
                + results
                + "\r\n"
                + "Received: from a27-84.smtp-out.us-west-2.amazonses.com"
                + " (a27-84.smtp-out.us-west-2.amazonses.com [54.240.27.84]) by relay.example.jp"
                + " with ESMTP id 2 for <nekochan@example.jp>; Fri, 21 Oct 2016 15:58:04 +0900\r\n")
        .header("Return-Path", "<0101015-4218bd58@us-west-2.amazonses.com>")
        .from("SES-EJ-B <no-reply@sns.amazonaws.com>")
        .to("nekochan@example.jp")
        .subject("AWS Notification Message")
        .base64("text/plain", BOUNCE_TEXT);
  }

  static final String SPF_FAIL =
      "spf=fail (relay.example.jp is not a permitted sender)"
          + " smtp.mailfrom=0101015-4218bd58@us-west-2.amazonses.com";

  // ---- the adversary's shapes: they keep their signs ----

  @Test
  void aDkimPassForAnotherDomainIsNoForwarding() {
    // the forger's own signature beside a failing envelope of someone else's
    MailReport r = forwarded("dkim=pass header.i=@forger-example.net; " + SPF_FAIL).analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSignatureThatNoLongerVerifiesIsNoForwarding() {
    MailReport r =
        forwarded("dkim=neutral (body hash did not verify) header.i=@amazonses.com; " + SPF_FAIL)
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aDmarcFailureStaysAFailure() {
    MailReport r =
        forwarded(
                "dkim=pass header.i=@amazonses.com; "
                    + SPF_FAIL
                    + "; dmarc=fail header.from=sns.amazonaws.com")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aPassWrittenBelowTheReceiversResultsCountsForNothing() {
    // anyone can write an Authentication-Results header under the receiver's: the receiver found
    // no signature at all
    MailReport r =
        forwarded(SPF_FAIL)
            .lines(
                "Authentication-Results: relay.example.jp; dkim=pass header.i=@amazonses.com;"
                    + " spf=pass smtp.mailfrom=0101015-4218bd58@us-west-2.amazonses.com\r\n")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aBrandForgedThroughARentedPlatformStaysImpersonation() {
    // the attacker who rents the same platform: its signature passes for the platform's domain,
    // the envelope is the platform's, and the From is a bank's that never authenticated
    MailReport r =
        TestMail.withLines(
                "Authentication-Results: mx.example.com; dkim=pass header.d=sendgrid.net;"
                    + " spf=fail smtp.mailfrom=bounces+1234@em.sendgrid.net\r\n")
            .from("Mizuho <info@mizuhobank.co.jp>")
            .to("taro@example.jp")
            .subject("口座の確認")
            .base64(
                "text/plain",
                "お客様の口座を一時停止しました。以下から本人確認を行ってください。 https://mizuho-check.example.net/login")
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aSoftfailBesideAnotherDomainsPassStaysAFailure() {
    MailReport r =
        TestMail.withLines(
                "Authentication-Results: mx.example.com; dkim=pass header.d=mailer-example.net;"
                    + " spf=softfail smtp.mailfrom=service@paypal.com\r\n")
            .from("PayPal <service@paypal.com>")
            .to("taro@example.jp")
            .subject("Your account is limited")
            .base64("text/plain", "Please review your account.")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  // ---- the forwarded notice ----

  @Test
  void anSpfFailBesideTheEnvelopesOwnDkimPassIsForwarding() {
    MailReport r = forwarded("dkim=pass header.i=@amazonses.com; " + SPF_FAIL).analyze();
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED, RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theResultsStillShowTheSpfFailure() {
    // the user sees what the receiver found; only the reading changes
    MailReport r = forwarded("dkim=pass header.i=@amazonses.com; " + SPF_FAIL).analyze();
    assertThat(r.authentication().spf()).isEqualTo("fail");
    assertThat(r.authentication().dkim()).isEqualTo("pass");
  }
}

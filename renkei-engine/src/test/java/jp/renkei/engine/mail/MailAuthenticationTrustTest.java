package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the analyser believes about authentication comes from the receiving server only: the
 * top-most Authentication-Results header. A sender can write any number of such headers below it,
 * and any DKIM-Signature; believing them let a lure vouch for the domain of its own login page.
 */
class MailAuthenticationTrustTest {

  static final String RECEIVER =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example-corp.co.jp;"
          + " dkim=none; dmarc=pass header.from=example-corp.co.jp\r\n";

  static final String QUOTA =
      "<p>Your mailbox has reached its quota. Verify your account within 24 hours or it will be"
          + " suspended.</p><p><a href=\"https://login.example-portal.com/owa/logon\">Sign in to"
          + " keep your mail</a></p>";

  MailReport lure(String extraHeaders, String receiver) {
    return TestMail.analyzeBase64(
        receiver
            + "Return-Path: <helpdesk@example-corp.co.jp>\r\n"
            + extraHeaders
            + "From: IT Helpdesk <helpdesk@example-corp.co.jp>\r\nTo: a@example.jp\r\n"
            + "Subject: Mailbox quota\r\n",
        "text/html",
        QUOTA);
  }

  @Test
  void aLoginPageElsewhereIsFlaggedWhateverTheSenderWritesBelowTheReceiversResults() {
    assertThat(TestMail.flags(lure("", RECEIVER))).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    // a second Authentication-Results written by the sender, "vouching" for the login page
    MailReport forgedResults =
        lure(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=example-portal.com;"
                + " dmarc=pass header.from=example-portal.com\r\n",
            RECEIVER);
    assertThat(TestMail.flags(forgedResults)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    // a DKIM-Signature for the login page's domain that no server checked
    MailReport forgedSignature =
        lure(
            "DKIM-Signature: v=1; a=rsa-sha256; d=example-portal.com; s=k1; h=from; bh=x; b=y\r\n",
            RECEIVER);
    assertThat(TestMail.flags(forgedSignature)).contains(RedFlag.LOGIN_LINK_ELSEWHERE);
    assertThat(forgedSignature.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aLowerHeaderCannotFillInAResultTheReceiverDidNotGive() {
    // the receiver said nothing of DMARC; the sender's own header says it passed
    MailReport r =
        lure(
            "Authentication-Results: mx.example.jp; dmarc=pass header.from=example-corp.co.jp\r\n",
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example-corp.co.jp\r\n");
    assertThat(r.authentication().dmarc()).isNull();
  }

  @Test
  void theReceiversOwnCheckOfTheLinksDomainIsBelieved() {
    // the same message, where the receiving server itself verified a signature of the login
    // page's domain: the link is then on a domain that authenticated the message
    MailReport r =
        lure(
            "",
            "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example-corp.co.jp;"
                + " dkim=pass header.d=example-portal.com;"
                + " dmarc=pass header.from=example-corp.co.jp\r\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LOGIN_LINK_ELSEWHERE);
  }
}

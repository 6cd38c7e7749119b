package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A Received chain consistent with one sending platform (the message entered the internet at the
 * host of the domain that signed it, its Return-Path on the same domain, no stranger's hop) is no
 * reason to lower REPLY_TO_OTHER_DOMAIN (issue 19, hamout29, measured in docs/benchmarks.md): the
 * attacker who holds a real sender's mailbox or rents the same platform shows exactly that chain.
 * In phish-pot's tuning half 6 lures of this shape carry the Reply-To as their only sign. These
 * tests hold the line for any later relief.
 */
class MailPlatformChainTest {

  /** A message whose chain, envelope and signature all sit on {@code platform}. */
  static TestMail chain(String platform, String signer, String from, String replyTo) {
    return TestMail.withLines(
            "Received: from mail1."
                + platform
                + " (mail1."
                + platform
                + " [198.51.100.7]) by mx.example.jp with ESMTPS id 1 for <taro@example.jp>;"
                + " Thu, 3 Dec 2026 10:00:00 +0900\r\n"
                + "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=bounce@"
                + platform
                + "; dkim=pass header.d="
                + signer
                + "\r\n")
        .header("Return-Path", "<bounce@" + platform + ">")
        .from(from)
        .replyTo(replyTo)
        .to("taro@example.jp");
  }

  @Test
  void aHijackedMailboxOfARealDomainAnsweringAtFreeMailStaysSuspicious() {
    // the chain, the envelope and the signature are the real domain's own: a stolen mailbox
    MailReport r =
        chain(
                "university-example.ac.jp",
                "university-example.ac.jp",
                "Office <office@university-example.ac.jp>",
                "office.desk.2026@gmail.com")
            .subject("Staff notice")
            .base64("text/plain", "Please reply to this message with your availability.")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aRentedPlatformAnsweringAtItsOwnReplyInboxKeepsTheSign() {
    // a fraudster's own authenticated domain sending through a newsletter platform, replies to
    // the platform's reply inbox: the chain is the platform's from end to end
    MailReport r =
        chain(
                "rsgsv.net",
                "rewards-example.com",
                "Rewards <news@rewards-example.com>",
                "us4-abc123@inbound.mailchimpapp.net")
            .header("List-Unsubscribe", "<https://rewards-example.us4.list-manage.com/unsubscribe>")
            .subject("Claim your rewards")
            .base64(
                "text/html",
                "<p>Your rewards are waiting.</p>"
                    + "<p><a href=\"https://www.rewards-example.com/claim\">Claim</a></p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

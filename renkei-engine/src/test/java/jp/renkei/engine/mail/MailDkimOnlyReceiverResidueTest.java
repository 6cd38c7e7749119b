package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * attack40: what is left of the forged-boundary hole after attack39's fix ({@link
 * MailEnvelope#checkedTheSender}), pinned so that it is seen, not fixed.
 *
 * <p>A sender outside greets the receiver's only server with a name in the receiver's domain
 * ({@code HELO edge.example.jp}) and writes below a "boundary" Authentication-Results in that name
 * with spf, dkim and dmarc passing. Where the receiver's top server checked SPF or DMARC itself,
 * attack39's fix keeps its failure. Where it checks DKIM only (a server that sits behind a boundary
 * elsewhere, or is configured so), the forged results are read first and the top server's own
 * {@code dkim=fail} only fills in: the spoof reads spf, dkim and dmarc "pass" and CLEAN.
 *
 * <p>The receiver's own record of the connection is the same as for a real boundary of the receiver
 * at a hosting provider (ham-outside's receiver: a foreign reverse name, "may be forged", an inner
 * server checking DKIM only and finding the signature broken after the boundary added to the body),
 * and a sender can make its own signature fail for the same reason (a wrong body hash). Nothing in
 * the message tells the two apart; taking such hops as outside doubled ham-outside's false
 * positives (attack39). What would tell them apart is outside the message: the receiving
 * organisation's own inbound servers (its directory ranges), see docs/security.md, attack40.
 */
class MailDkimOnlyReceiverResidueTest {

  /** The receiver's only server: the peer said HELO edge.example.jp; it checks DKIM only. */
  static final String RECEIVERS_OWN_DKIM_ONLY =
      "Received: from edge.example.jp (host5.evil.example.net [203.0.113.9]) by inbox.example.jp"
          + " with ESMTPS id A1 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:13 +0000\r\n"
          + "Authentication-Results: inbox.example.jp; dkim=fail (body hash did not verify)"
          + " header.d=shop.example.com header.b=abc\r\n";

  @Test
  void aDkimOnlyReceiverIsStillHandedTheSendersForgedPasses() {
    MailReport forged =
        new MailHeloBoundaryForgeryTest()
            .notice(RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW);
    // the residue as it is on main (808e01d7): every result the sender wrote is believed
    assertThat(forged.authentication().spf()).isEqualTo("pass");
    assertThat(forged.authentication().dmarc()).isEqualTo("pass");
    assertThat(TestMail.flags(forged)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
    assertThat(forged.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void withoutTheForgedHeadersTheSameMessageIsNotClean() {
    MailReport own = new MailHeloBoundaryForgeryTest().notice(RECEIVERS_OWN_DKIM_ONLY);
    assertThat(own.authentication().dkim()).isEqualTo("fail");
    assertThat(own.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }
}

package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * attack40 pinned, attack41 closed: what was left of the forged-boundary hole after attack39's fix
 * ({@link MailEnvelope#checkedTheSender}).
 *
 * <p>A sender outside greets the receiver's only server with a name in the receiver's domain
 * ({@code HELO edge.example.jp}) and writes below a "boundary" Authentication-Results in that name
 * with spf, dkim and dmarc passing. Where the receiver's top server checks DKIM only, the forged
 * results were read first and the top server's own {@code dkim=fail} only filled in: the spoof read
 * spf, dkim and dmarc "pass" and CLEAN.
 *
 * <p>Nothing in the message tells that apart from a real boundary of the receiver at a hosting
 * provider (ham-outside's receiver). What does is outside the message: the analysing organisation's
 * own address ranges ({@link OwnNetwork}, its directory's {@code ipRanges}). Given them, a
 * contradicted boundary hop is believed only when the receiver recorded an address in them. Without
 * them (the command line, the bench, an organisation with no ranges) the analysis is as before,
 * residue included: see docs/security.md.
 */
class MailDkimOnlyReceiverResidueTest {

  /** The receiver's only server: the peer said HELO edge.example.jp; it checks DKIM only. */
  static final String RECEIVERS_OWN_DKIM_ONLY =
      "Received: from edge.example.jp (host5.evil.example.net [203.0.113.9]) by inbox.example.jp"
          + " with ESMTPS id A1 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:13 +0000\r\n"
          + "Authentication-Results: inbox.example.jp; dkim=fail (body hash did not verify)"
          + " header.d=shop.example.com header.b=abc\r\n";

  /** The same server, the peer being the receiver's own boundary at a hosting provider. */
  static final String REAL_BOUNDARY_DKIM_ONLY =
      RECEIVERS_OWN_DKIM_ONLY.replace(
          "host5.evil.example.net [203.0.113.9]", "vps-25.hosting.example.net [192.0.2.25]");

  /** The receiving organisation's directory: its boundary's range and its domain. */
  static final OwnNetwork RECEIVERS_NETWORK =
      OwnNetwork.of(List.of("192.0.2.0/24"), List.of("example.jp"));

  static MailReport analyze(String headers, OwnNetwork own) {
    byte[] raw =
        TestMail.withLines(
                headers
                    + "From: Shop <orders@shop.example.com>\r\nTo: taro@example.jp\r\n"
                    + "Subject: Your order\r\n")
            .base64("text/html", MailHeloBoundaryForgeryTest.NOTICE)
            .bytes();
    return new MailAnalyzer(
            MailAnalyzer.Limits.DEFAULT, List.of(), KnownOrganisations.NONE, List.of(), null, own)
        .analyze(new ByteArrayInputStream(raw));
  }

  @Test
  void withTheReceiversRangesTheForgedBoundaryIsNotBelieved() {
    MailReport forged =
        analyze(
            RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW, RECEIVERS_NETWORK);
    // red on main (3dbaf1af): spf, dkim, dmarc "pass", no sign, CLEAN
    assertThat(forged.authentication().dkim()).isEqualTo("fail");
    assertThat(forged.authentication().spf()).isNull();
    assertThat(forged.authentication().dmarc()).isNull();
    assertThat(forged.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void withTheReceiversRangesItsRealBoundaryIsReadAsBefore() {
    MailReport real =
        analyze(
            REAL_BOUNDARY_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW, RECEIVERS_NETWORK);
    MailReport before =
        analyze(
            REAL_BOUNDARY_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW, OwnNetwork.UNKNOWN);
    assertThat(real.authentication()).isEqualTo(before.authentication());
    assertThat(real.authentication().spf()).isEqualTo("pass");
    assertThat(real.authentication().dmarc()).isEqualTo("pass");
    assertThat(real.verdict()).isEqualTo(before.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  /** The command line and the bench know no organisation: the residue stays as it was. */
  @Test
  void withoutRangesTheAnalysisIsAsBeforeResidueIncluded() {
    MailReport forged =
        analyze(
            RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW, OwnNetwork.UNKNOWN);
    assertThat(forged.authentication().spf()).isEqualTo("pass");
    assertThat(forged.authentication().dmarc()).isEqualTo("pass");
    assertThat(forged.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(
            new MailHeloBoundaryForgeryTest()
                .notice(RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW)
                .verdict())
        .isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(OwnNetwork.of(List.of(), List.of("example.jp"))).isSameAs(OwnNetwork.UNKNOWN);
  }

  /** A sample received at another organisation's server: these ranges say nothing about it. */
  @Test
  void rangesOfAnotherReceiverLeaveTheAnalysisAsBefore() {
    OwnNetwork elsewhere = OwnNetwork.of(List.of("192.0.2.0/24"), List.of("other.example.co.jp"));
    MailReport forged =
        analyze(RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW, elsewhere);
    assertThat(forged.authentication().dmarc()).isEqualTo("pass");
    // an organisation that names no domain: its ranges speak for every receiver
    MailReport anyReceiver =
        analyze(
            RECEIVERS_OWN_DKIM_ONLY + MailHeloBoundaryForgeryTest.FORGED_BELOW,
            OwnNetwork.of(List.of("192.0.2.0/24"), List.of()));
    assertThat(anyReceiver.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /**
   * An address in the ranges written into the name the sender greeted with, or into the reverse
   * name it controls, is the sender's word; the address the receiver recorded is outside.
   */
  @Test
  void anAddressTheSenderWroteIntoItsNamesDoesNotPutItInTheRanges() {
    String helo = "192.0.2.25.example.jp";
    String headers =
        RECEIVERS_OWN_DKIM_ONLY
                .replace("from edge.example.jp", "from " + helo)
                .replace("host5.evil.example.net", "host-192.0.2.26.evil.example.net")
            + MailHeloBoundaryForgeryTest.FORGED_BELOW
                .replace("by edge.example.jp", "by " + helo)
                .replace(
                    "Authentication-Results: edge.example.jp", "Authentication-Results: " + helo);
    assertThat(analyze(headers, OwnNetwork.UNKNOWN).authentication().dmarc()).isEqualTo("pass");
    MailReport forged = analyze(headers, RECEIVERS_NETWORK);
    assertThat(forged.authentication().dmarc()).isNull();
    assertThat(forged.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /**
   * Where the top server checks SPF and DMARC itself (attack39's case) the ranges decide too: from
   * outside, the sender's lines fill in nothing; from the organisation's own server, its boundary's
   * results are read first, as a boundary's are.
   */
  @Test
  void whereTheTopServerChecksTheSenderTheRangesDecideToo() {
    MailReport forged =
        analyze(
            MailHeloBoundaryForgeryTest.RECEIVERS_OWN + MailHeloBoundaryForgeryTest.FORGED_BELOW,
            RECEIVERS_NETWORK);
    assertThat(forged.authentication().dmarc()).isEqualTo("fail");
    assertThat(forged.authentication().dkim()).isEqualTo("none");
    assertThat(TestMail.flags(forged)).contains(RedFlag.AUTHENTICATION_FAILED);
    MailReport own =
        analyze(
            MailHeloBoundaryForgeryTest.RECEIVERS_OWN.replace(
                    "host5.evil.example.net [203.0.113.9]",
                    "vps-25.hosting.example.net [192.0.2.25]")
                + MailHeloBoundaryForgeryTest.FORGED_BELOW,
            RECEIVERS_NETWORK);
    assertThat(own.authentication().dmarc()).isEqualTo("pass");
    assertThat(TestMail.flags(own)).doesNotContain(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aRangeThatIsNoCidrIsRefusedNamingIt() {
    assertThatThrownBy(() -> OwnNetwork.of(List.of("192.0.2.0/24", "edge.example.jp"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edge.example.jp");
  }
}

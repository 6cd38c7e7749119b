package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailDkimOnlyReceiverResidueTest.REAL_BOUNDARY_DKIM_ONLY;
import static jp.renkei.engine.mail.MailDkimOnlyReceiverResidueTest.RECEIVERS_NETWORK;
import static jp.renkei.engine.mail.MailDkimOnlyReceiverResidueTest.RECEIVERS_OWN_DKIM_ONLY;
import static jp.renkei.engine.mail.MailDkimOnlyReceiverResidueTest.analyze;
import static jp.renkei.engine.mail.MailHeloBoundaryForgeryTest.FORGED_BELOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ux42: the report says whether the organisation's own IP ranges decided a boundary relay its
 * receiver's record contradicts — inside them, outside them, not set, or not this receiver's —
 * naming the relay and the recorded address, never the ranges; and it says nothing where no such
 * relay was met. The note changes no finding, score or authentication result.
 */
class MailOwnNetworkNoteTest {

  @Test
  void aRelayOutsideTheRangesIsSaidToBeTheSendersWriting() {
    MailReport r = analyze(RECEIVERS_OWN_DKIM_ONLY + FORGED_BELOW, RECEIVERS_NETWORK);
    MailReport.Problem note = r.ownNetworkNote();
    assertThat(note).isNotNull();
    assertThat(note.ja())
        .contains("範囲外のアドレス host5.evil.example.net [203.0.113.9]", "edge.example.jp")
        .contains("認証結果 (SPF / DKIM / DMARC) は使っていません");
    assertThat(note.en()).contains("outside the ranges", "edge.example.jp", "203.0.113.9");
    assertThat(note.ja() + note.en()).as("the ranges are never shown").doesNotContain("192.0.2.0");
    assertThat(r.readingProblems()).as("a note, not a reading problem").doesNotContain(note);
  }

  @Test
  void aRelayInsideTheRangesIsSaidToBeTheOrganisationsOwn() {
    MailReport r = analyze(REAL_BOUNDARY_DKIM_ONLY + FORGED_BELOW, RECEIVERS_NETWORK);
    assertThat(r.ownNetworkNote().ja()).contains("範囲内のアドレス", "192.0.2.25", "自組織の境界サーバー");
    assertThat(r.ownNetworkNote().en()).contains("inside the ranges");
  }

  @Test
  void withoutRangesTheReportSaysTheRelayWasNotCheckedAndChangesNothing() {
    MailReport r = analyze(RECEIVERS_OWN_DKIM_ONLY + FORGED_BELOW, OwnNetwork.UNKNOWN);
    assertThat(r.ownNetworkNote().ja())
        .contains("IP アドレス範囲が設定されていないため", "203.0.113.9", "設定すると確かめられます");
    assertThat(r.ownNetworkNote().en()).contains("are not set");
    // the same findings, score and results as the analysis reads them without the note
    assertThat(r.authentication().dmarc()).isEqualTo("pass");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void rangesOfAnotherReceiverAreSaidNotToHaveBeenUsed() {
    OwnNetwork elsewhere = OwnNetwork.of(List.of("192.0.2.0/24"), List.of("other.example.co.jp"));
    MailReport r = analyze(RECEIVERS_OWN_DKIM_ONLY + FORGED_BELOW, elsewhere);
    assertThat(r.ownNetworkNote().ja()).contains("使っていません", "(example.jp)");
    assertThat(r.ownNetworkNote().ja() + r.ownNetworkNote().en())
        .doesNotContain("other.example.co.jp", "192.0.2.0");
  }

  @Test
  void noContradictedRelayNoNote() {
    String honest =
        RECEIVERS_OWN_DKIM_ONLY.replace(
            "host5.evil.example.net [203.0.113.9]", "edge.example.jp [198.51.100.4]");
    assertThat(analyze(honest + FORGED_BELOW, RECEIVERS_NETWORK).ownNetworkNote()).isNull();
    assertThat(analyze(honest + FORGED_BELOW, OwnNetwork.UNKNOWN).ownNetworkNote()).isNull();
    assertThat(analyze("", RECEIVERS_NETWORK).ownNetworkNote()).isNull();
  }

  /** ham-outside's receiver: sendmail marked its hosting provider's name "may be forged". */
  @Test
  void aNameMarkedForgedOrMissingIsSaidInWords() {
    String forged =
        RECEIVERS_OWN_DKIM_ONLY.replace(
            "(host5.evil.example.net [203.0.113.9])",
            "(host5.evil.example.net [203.0.113.9] (may be forged))");
    MailReport r = analyze(forged + FORGED_BELOW, OwnNetwork.UNKNOWN);
    assertThat(r.ownNetworkNote().ja()).contains("203.0.113.9 (名乗った名前は偽装の疑いありと記録)");
    assertThat(r.ownNetworkNote().en())
        .contains("203.0.113.9 (its name recorded as \"may be forged\")")
        .doesNotContain("(may be forged) [");
  }
}

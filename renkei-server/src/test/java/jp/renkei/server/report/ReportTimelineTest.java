package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report's timeline reads in the order things can happen when several steps share one instant
 * (written in one transaction, or within the clock's resolution): filed before the 続報, a version
 * before its delivery, versions by number.
 */
class ReportTimelineTest {

  private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void stepsOfOneInstantReadInTheOrderTheyHappen() {
    ReportView view =
        new ReportView(
            1,
            "submitted",
            "amber",
            "ceptoar",
            "finance",
            "さくら架空銀行",
            true,
            T,
            List.of(
                new ReportView.Version(3, "final", null, T),
                new ReportView.Version(1, "first", null, T.minusSeconds(60)),
                new ReportView.Version(2, "followup", null, T)),
            List.of(new ReportView.HopView(1, "ceptoar", "金融セプター", T, T, T, List.of(1, 2, 3))),
            List.of(new ReportView.CommentView("金融セプター", "了解", T, false)),
            null,
            null,
            false,
            null);

    assertThat(view.timeline())
        .extracting(s -> s.kind() + (s.version() == null ? "" : "#" + s.version()))
        .containsExactly(
            "filed#1", "followup#2", "final#3", "delivered", "confirmed", "forwarded", "commented");
  }
}

package jp.renkei.engine.exercise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillStatsTest {

  static final Instant T = Instant.parse("2026-11-30T01:00:00Z");

  static Contact c(long org, String level, Integer reachedMin, Integer confirmedMin) {
    return new Contact(
        org,
        level,
        reachedMin == null ? null : T.plus(Duration.ofMinutes(reachedMin)),
        confirmedMin == null ? null : T.plus(Duration.ofMinutes(confirmedMin)));
  }

  @Test
  void countsDistinctParticipantsPerLevelWithTheirFastestConfirmation() {
    var levels =
        DrillStats.byLevel(
            List.of("ministry", "ceptoar", "operator"),
            List.of(
                c(1, "ministry", 0, 5),
                c(2, "ceptoar", 0, 10),
                c(2, "ceptoar", 0, 4),
                c(3, "ceptoar", 0, null),
                c(4, "operator", 0, 30),
                c(5, "operator", 0, 60),
                c(6, "operator", 0, 90),
                c(7, "operator", null, null),
                c(8, "other", 0, 1)));
    assertThat(levels)
        .extracting(DrillStats.Level::level)
        .containsExactly("ministry", "ceptoar", "operator");
    var ceptoar = levels.get(1);
    assertThat(ceptoar.targets()).isEqualTo(2);
    assertThat(ceptoar.confirmed()).isEqualTo(1);
    assertThat(ceptoar.ratePercent()).isEqualTo(50);
    assertThat(ceptoar.medianMinutes()).isEqualTo(4);
    var operator = levels.get(2);
    assertThat(operator.targets()).isEqualTo(4);
    assertThat(operator.ratePercent()).isEqualTo(75);
    assertThat(operator.medianMinutes()).isEqualTo(60);
    assertThat(operator.slowestMinutes()).isEqualTo(90);
  }

  @Test
  void leavesOutLevelsNobodyWasExpectedAtAndNeverDividesByZero() {
    assertThat(DrillStats.byLevel(List.of("nisc"), List.of())).isEmpty();
    assertThat(new DrillStats.Level("nisc", 0, 0, null, null).ratePercent()).isZero();
  }

  @Test
  void aConfirmationBeforeTheRecordedArrivalCountsAsImmediate() {
    assertThat(c(1, "ministry", 10, 5).timeToConfirm()).isEqualTo(Duration.ZERO);
    assertThat(c(1, "ministry", null, 5).timeToConfirm()).isNull();
  }

  @Test
  void theFiscalYearStartsInAprilJapanTime() {
    assertThat(DrillStats.fiscalYear(Instant.parse("2026-03-31T14:59:59Z"))).isEqualTo(2025);
    assertThat(DrillStats.fiscalYear(Instant.parse("2026-03-31T15:00:00Z"))).isEqualTo(2026);
    assertThat(DrillStats.fiscalYear(Instant.parse("2027-01-10T00:00:00Z"))).isEqualTo(2026);
  }
}

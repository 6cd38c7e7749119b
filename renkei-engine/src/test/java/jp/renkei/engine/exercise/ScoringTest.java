package jp.renkei.engine.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

  static final ExpectedAction E = ScenarioFixture.FIRST_REPORT; // 30 minutes, 10 points

  static Duration m(int minutes) {
    return Duration.ofMinutes(minutes);
  }

  @Test
  void withinTheTargetIsMetWithFullPoints() {
    Scoring.Score s = Scoring.score(E, m(40), m(65), m(70), false);
    assertThat(s.outcome()).isEqualTo(Outcome.MET);
    assertThat(s.timeToAction()).isEqualTo(m(25));
    assertThat(s.points()).isEqualTo(10);
  }

  @Test
  void lateByLessThanTheTargetAgainIsPartial() {
    Scoring.Score s = Scoring.score(E, m(40), m(95), m(100), false);
    assertThat(s.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(s.points()).isEqualTo(5);
  }

  @Test
  void notDoneIsPendingUntilTooLateThenMissed() {
    assertThat(Scoring.score(E, m(40), null, m(90), false).outcome()).isEqualTo(Outcome.PENDING);
    assertThat(Scoring.score(E, m(40), null, m(101), false).outcome()).isEqualTo(Outcome.MISSED);
    assertThat(Scoring.score(E, m(40), null, m(41), true).outcome()).isEqualTo(Outcome.MISSED);
    assertThat(Scoring.score(E, m(40), m(200), m(200), false).outcome()).isEqualTo(Outcome.MISSED);
  }

  @Test
  void anActionBeforeDeliveryCountsAsImmediate() {
    assertThat(Scoring.score(E, m(40), m(39), m(40), false).timeToAction()).isZero();
  }

  @Test
  void anEvaluatorsMarkIsWorthItsOutcome() {
    assertThat(Scoring.marked(E, Outcome.PARTIAL, null).points()).isEqualTo(5);
    assertThatThrownBy(() -> Scoring.marked(E, Outcome.PENDING, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overallIsPendingWhileAnyTeamIsElseTheWorst() {
    assertThat(Outcome.overall(List.of(Outcome.MET, Outcome.PENDING))).isEqualTo(Outcome.PENDING);
    assertThat(Outcome.overall(List.of(Outcome.MET, Outcome.PARTIAL))).isEqualTo(Outcome.PARTIAL);
    assertThat(Outcome.overall(List.of(Outcome.MET, Outcome.MET))).isEqualTo(Outcome.MET);
    assertThat(Outcome.overall(List.of())).isEqualTo(Outcome.PENDING);
  }
}

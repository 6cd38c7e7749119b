package jp.renkei.engine.monitor;

import static jp.renkei.engine.monitor.Observation.State.DOWN;
import static jp.renkei.engine.monitor.Observation.State.SLOW;
import static jp.renkei.engine.monitor.Observation.State.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsensusTest {

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final Consensus.Rule TWO_OF_M_FOR_A_MINUTE =
      new Consensus.Rule(2, Duration.ofSeconds(60), Duration.ofMinutes(5));

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  /** Three vantage points probing every 10 s from 0 to {@code until}, with the given states. */
  static Consensus run(int until, Observation.State a, Observation.State b, Observation.State c) {
    Consensus k = new Consensus(TWO_OF_M_FOR_A_MINUTE);
    for (int s = 0; s <= until; s += 10) {
      k.record(new Observation(1, at(s), a));
      k.record(new Observation(2, at(s), b));
      k.record(new Observation(3, at(s), c));
    }
    return k;
  }

  @Test
  void downWhenTheQuorumAgreesForTheSustainedTime() {
    Consensus k = run(60, DOWN, DOWN, UP);
    Consensus.Verdict v = k.verdict(at(60));
    assertThat(v.state()).isEqualTo(DOWN);
    assertThat(v.down()).isEqualTo(2);
    assertThat(v.active()).isEqualTo(3);
  }

  @Test
  void notDownBeforeTheSustainedTime() {
    Consensus k = run(50, DOWN, DOWN, DOWN);
    assertThat(k.verdict(at(50)).state()).isEqualTo(UP);
    assertThat(k.verdict(at(60)).state()).isEqualTo(DOWN);
  }

  @Test
  void oneVantagePointDownIsRegionalNotDown() {
    Consensus k = run(120, DOWN, UP, UP);
    Consensus.Verdict v = k.verdict(at(120));
    assertThat(v.state()).isEqualTo(UP);
    assertThat(v.regional()).isTrue();
    assertThat(v.down()).isEqualTo(1);
  }

  @Test
  void aSuccessInBetweenRestartsTheStreak() {
    Consensus k = run(50, DOWN, DOWN, UP);
    k.record(new Observation(1, at(60), UP));
    k.record(new Observation(1, at(70), DOWN));
    k.record(new Observation(2, at(70), DOWN));
    assertThat(k.verdict(at(70)).state()).isEqualTo(UP);
    assertThat(k.verdict(at(70)).regional()).isTrue();
  }

  @Test
  void slowWhenTheQuorumIsSlowOrDown() {
    Consensus k = run(60, SLOW, DOWN, UP);
    Consensus.Verdict v = k.verdict(at(60));
    assertThat(v.state()).isEqualTo(SLOW);
    assertThat(v.regional()).as("one of them even sees it down").isTrue();
    assertThat(v.degraded()).isEqualTo(2);
  }

  @Test
  void silentVantagePointsDoNotCount() {
    Consensus k = run(60, DOWN, UP, UP);
    // 2 and 3 go silent; after five minutes only 1 is active and is the whole quorum
    for (int s = 70; s <= 420; s += 10) {
      k.record(new Observation(1, at(s), DOWN));
    }
    Consensus.Verdict v = k.verdict(at(420));
    assertThat(v.active()).isEqualTo(1);
    assertThat(v.state()).isEqualTo(DOWN);
  }

  @Test
  void noDataIsNoVerdict() {
    Consensus.Verdict v = new Consensus(TWO_OF_M_FOR_A_MINUTE).verdict(T0);
    assertThat(v.active()).isZero();
    assertThat(v.state()).isEqualTo(UP);
  }

  @Test
  void lateObservationsAreIgnored() {
    Consensus k = run(60, DOWN, DOWN, UP);
    k.record(new Observation(1, at(5), UP));
    assertThat(k.verdict(at(60)).state()).isEqualTo(DOWN);
  }

  @Test
  void refusesAQuorumOfZero() {
    assertThatThrownBy(() -> new Consensus.Rule(0, Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("quorum");
  }
}

package jp.renkei.engine.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunClockTest {

  static final Instant T0 = Instant.parse("2015-12-07T03:45:00Z");

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void notStartedStandsAtZero() {
    RunClock c = RunClock.notStarted(1);
    assertThat(c.elapsed(at(10))).isZero();
    assertThat(c.realInstantOf(Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void aPauseShiftsTheRestOfTheTimeline() {
    RunClock c = RunClock.notStarted(1).start(at(0)).pause(at(10));
    assertThat(c.elapsed(at(25))).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.realInstantOf(Duration.ofMinutes(20))).isEmpty();
    c = c.resume(at(30));
    assertThat(c.elapsed(at(40))).isEqualTo(Duration.ofMinutes(20));
    assertThat(c.realInstantOf(Duration.ofMinutes(20))).contains(at(40));
    // the past keeps its time: minute 5 of the run was real minute 5
    assertThat(c.elapsed(at(5))).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.realInstantOf(Duration.ofMinutes(5))).contains(at(5));
  }

  @Test
  void aRehearsalRunsFasterFromTheMomentItIsSpedUp() {
    RunClock c = RunClock.notStarted(1).start(at(0)).withSpeed(at(10), 10);
    assertThat(c.elapsed(at(12))).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.realInstantOf(Duration.ofMinutes(110))).contains(at(20));
    assertThat(c.speed()).isEqualTo(10);
  }

  @Test
  void stoppingFreezesTheClockAndEndsIt() {
    RunClock c = RunClock.notStarted(60).start(at(0)).stop(at(2));
    assertThat(c.elapsed(at(100))).isEqualTo(Duration.ofMinutes(120));
    assertThat(c.state()).isEqualTo(RunClock.State.STOPPED);
    assertThatThrownBy(() -> c_resume(c)).isInstanceOf(RunClock.IllegalTransition.class);
  }

  /**
   * What is done after the stop is over (attack26: a draft submitted after the run ended was scored
   * as done in its last moment); what is done during a pause before the stop is not, and neither is
   * anything while the run goes on.
   */
  @Test
  void anInstantAfterTheStopIsOverAndOnlyThen() {
    RunClock stopped = RunClock.notStarted(60).start(at(0)).stop(at(2));
    assertThat(stopped.over(at(1))).isFalse();
    assertThat(stopped.over(at(2))).isFalse();
    assertThat(stopped.over(at(3))).isTrue();
    RunClock paused = RunClock.notStarted(60).start(at(0)).pause(at(2));
    assertThat(paused.over(at(5))).isFalse();
    RunClock stoppedInPause = paused.stop(at(10));
    assertThat(stoppedInPause.over(at(5))).isFalse();
    assertThat(stoppedInPause.over(at(11))).isTrue();
    assertThat(stoppedInPause.elapsed(at(11))).isEqualTo(Duration.ofMinutes(120));
    assertThat(stoppedInPause.realInstantOf(Duration.ofMinutes(60))).contains(at(1));
    assertThat(RunClock.notStarted(1).stop(at(1)).over(at(2))).isFalse();
    assertThat(RunClock.notStarted(1).start(at(0)).over(at(50))).isFalse();
  }

  private static RunClock c_resume(RunClock c) {
    return c.resume(at(3));
  }

  @Test
  void refusesTransitionsTheStateDoesNotAllow() {
    RunClock running = RunClock.notStarted(1).start(at(0));
    assertThatThrownBy(() -> running.start(at(1))).hasMessageContaining("RUNNING");
    assertThatThrownBy(() -> running.resume(at(1))).isInstanceOf(RunClock.IllegalTransition.class);
    assertThatThrownBy(() -> RunClock.notStarted(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunClock.notStarted(RunClock.MAX_SPEED + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

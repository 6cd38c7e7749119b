package jp.renkei.engine.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InjectScheduleTest {

  final Scenario scenario = ScenarioFixture.crossSector();
  final Set<String> done = new HashSet<>();
  final Set<String> commanded = new HashSet<>();
  final Map<String, Outcome> outcomes = new HashMap<>();

  Set<String> dueKeys(RunClock c, Instant now) {
    InjectSchedule.Decision d = InjectSchedule.at(scenario, c, now, done, commanded, outcomes);
    d.due().forEach(i -> done.add(i.key()));
    d.skipped().forEach(i -> done.add(i.key()));
    return Set.copyOf(d.due().stream().map(Inject::key).toList());
  }

  @Test
  void nothingIsDueBeforeTheStartOrWhilePaused() {
    RunClock c = RunClock.notStarted(1);
    assertThat(dueKeys(c, RunClockTest.at(100))).isEmpty();
    c = c.start(RunClockTest.at(0)).pause(RunClockTest.at(10));
    assertThat(dueKeys(c, RunClockTest.at(100))).isEmpty();
  }

  @Test
  void deliversEachInjectOnceWhenItsTimeComes() {
    RunClock c = RunClock.notStarted(1).start(RunClockTest.at(0));
    assertThat(dueKeys(c, RunClockTest.at(0))).containsExactly("1");
    assertThat(dueKeys(c, RunClockTest.at(19))).isEmpty();
    assertThat(dueKeys(c, RunClockTest.at(45))).containsExactlyInAnyOrder("2", "3");
    assertThat(dueKeys(c, RunClockTest.at(46))).isEmpty();
  }

  @Test
  void aPausedRunDeliversLaterByThePause() {
    RunClock c = RunClock.notStarted(1).start(RunClockTest.at(0));
    dueKeys(c, RunClockTest.at(0));
    c = c.pause(RunClockTest.at(10)).resume(RunClockTest.at(40));
    assertThat(dueKeys(c, RunClockTest.at(49))).isEmpty();
    assertThat(dueKeys(c, RunClockTest.at(50))).containsExactly("2");
  }

  @Test
  void onCommandInjectWaitsForTheController() {
    RunClock c = RunClock.notStarted(1).start(RunClockTest.at(0));
    assertThat(dueKeys(c, RunClockTest.at(200))).doesNotContain("X");
    commanded.add("X");
    assertThat(dueKeys(c, RunClockTest.at(201))).containsExactly("X");
  }

  @Test
  void aDependentInjectWaitsForTheOutcomeThenGoesOneWay() {
    RunClock c = RunClock.notStarted(1).start(RunClockTest.at(0));
    dueKeys(c, RunClockTest.at(45));
    assertThat(dueKeys(c, RunClockTest.at(61))).isEmpty(); // 3-1 still pending
    outcomes.put("3-1", Outcome.MISSED);
    InjectSchedule.Decision d =
        InjectSchedule.at(scenario, c, RunClockTest.at(62), done, commanded, outcomes);
    assertThat(d.due()).extracting(Inject::key).containsExactly("4b");
    assertThat(d.skipped()).extracting(Inject::key).containsExactly("4");
  }

  @Test
  void nextSkipsWhatIsDoneAndWhatWaitsForACommand() {
    done.add("1");
    assertThat(InjectSchedule.next(scenario, done).orElseThrow().key()).isEqualTo("2");
  }
}

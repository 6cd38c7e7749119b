package jp.renkei.engine.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which injects of a scenario are due at an instant: those whose 付与時刻 the run's clock has reached
 * (or that the controller commanded), not sent or skipped yet, and whose dependency is fulfilled.
 * An inject whose dependency settled the other way is skipped, never sent later.
 */
public final class InjectSchedule {

  private InjectSchedule() {}

  /** What to do now. Both lists follow the timeline. */
  public record Decision(List<Inject> due, List<Inject> skipped) {
    public Decision {
      due = List.copyOf(due);
      skipped = List.copyOf(skipped);
    }

    public boolean isEmpty() {
      return due.isEmpty() && skipped.isEmpty();
    }
  }

  /**
   * @param done injects already sent or skipped
   * @param commanded on-command injects the controller has released
   * @param outcomes overall outcome per expectation key so far (absent: pending)
   */
  public static Decision at(
      Scenario scenario,
      RunClock clock,
      Instant now,
      Set<String> done,
      Set<String> commanded,
      Map<String, Outcome> outcomes) {
    if (clock.state() != RunClock.State.RUNNING) {
      return new Decision(List.of(), List.of());
    }
    Duration elapsed = clock.elapsed(now);
    List<Inject> due = new ArrayList<>();
    List<Inject> skipped = new ArrayList<>();
    for (Inject i : scenario.injects()) {
      if (done.contains(i.key())) {
        continue;
      }
      boolean released =
          i.onCommand() ? commanded.contains(i.key()) : i.offset().compareTo(elapsed) <= 0;
      if (!released) {
        continue;
      }
      if (i.dependsOn() != null) {
        Outcome o = outcomes.getOrDefault(i.dependsOn().expectation(), Outcome.PENDING);
        if (!o.settled()) {
          continue;
        }
        if (!i.dependsOn().when().contains(o)) {
          skipped.add(i);
          continue;
        }
      }
      due.add(i);
    }
    return new Decision(due, skipped);
  }

  /** The next inject on the timeline not done yet and not waiting for a command, if any. */
  public static java.util.Optional<Inject> next(Scenario scenario, Set<String> done) {
    return scenario.injects().stream()
        .filter(i -> !done.contains(i.key()) && !i.onCommand())
        .findFirst();
  }
}

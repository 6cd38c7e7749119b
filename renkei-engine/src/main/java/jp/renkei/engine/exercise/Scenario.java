package jp.renkei.engine.exercise;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An exercise scenario (the template a run plays): title, purpose, 検証課題, phases and injects.
 * Checked when built: keys are unique, and an inject depends only on an expectation of an inject
 * that comes before it on the timeline.
 *
 * <p>Limits: at most {@value #MAX_INJECTS} injects and a timeline of at most {@link #MAX_LENGTH}.
 */
public record Scenario(
    String title,
    String purpose,
    List<String> objectives,
    List<Phase> phases,
    List<Inject> injects) {

  public static final int MAX_INJECTS = 500;
  public static final Duration MAX_LENGTH = Duration.ofDays(7);

  public Scenario {
    title = Objects.requireNonNullElse(title, "").strip();
    if (title.isEmpty()) {
      throw new InvalidScenario("title", "a scenario needs a title");
    }
    purpose = Objects.requireNonNullElse(purpose, "").strip();
    objectives = List.copyOf(objectives);
    phases = phases.stream().sorted(Comparator.comparing(Phase::start)).toList();
    injects =
        injects.stream()
            .sorted(Comparator.comparing(Inject::offset))
            .toList(); // stable: equal offsets keep their order
    if (injects.size() > MAX_INJECTS) {
      throw new InvalidScenario("injects", "more than " + MAX_INJECTS + " injects");
    }
    Set<String> injectKeys = new HashSet<>();
    Map<String, Inject> expectationOwner = new HashMap<>();
    for (Inject i : injects) {
      if (i.offset().compareTo(MAX_LENGTH) > 0) {
        throw new InvalidScenario(i.key(), "付与時刻 is after " + MAX_LENGTH.toDays() + " days");
      }
      if (!injectKeys.add(i.key())) {
        throw new InvalidScenario(i.key(), "two injects have this key");
      }
      if (i.dependsOn() != null) {
        Inject before = expectationOwner.get(i.dependsOn().expectation());
        if (before == null) {
          throw new InvalidScenario(
              i.key(),
              "depends on "
                  + i.dependsOn().expectation()
                  + ", not an expectation of an earlier inject");
        }
      }
      for (ExpectedAction e : i.expectations()) {
        if (expectationOwner.putIfAbsent(e.key(), i) != null) {
          throw new InvalidScenario(e.key(), "two expectations have this key");
        }
      }
    }
  }

  static String requireKey(String key, String what) {
    String k = Objects.requireNonNullElse(key, "").strip();
    if (k.isEmpty() || k.length() > 40) {
      throw new InvalidScenario(what, "a key of 1 to 40 characters is needed");
    }
    return k;
  }

  public Optional<Inject> inject(String key) {
    return injects.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /** The inject an expectation belongs to. */
  public Optional<Inject> injectOf(String expectationKey) {
    return injects.stream()
        .filter(i -> i.expectations().stream().anyMatch(e -> e.key().equals(expectationKey)))
        .findFirst();
  }

  /** The phase running at {@code offset}, if the timeline has reached one. */
  public Optional<Phase> phaseAt(Duration offset) {
    Phase current = null;
    for (Phase p : phases) {
      if (p.start().compareTo(offset) <= 0) {
        current = p;
      }
    }
    return Optional.ofNullable(current);
  }

  /** Total points of every expectation. */
  public int maxPoints() {
    return injects.stream()
        .flatMap(i -> i.expectations().stream())
        .mapToInt(ExpectedAction::points)
        .sum();
  }
}

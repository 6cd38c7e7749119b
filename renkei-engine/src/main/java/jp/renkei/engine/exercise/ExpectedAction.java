package jp.renkei.engine.exercise;

import java.time.Duration;
import java.util.Objects;

/**
 * 期待される対応: what the players reached by an inject should do, by when, for how many points.
 *
 * @param key unique in the scenario (e.g. "3-1")
 * @param description what is expected, as the evaluators read it
 * @param target the time allowed from the inject's delivery, in exercise time
 * @param points what meeting it is worth (partial: half, rounded down)
 * @param check how the hub sees it done by itself, or null when an evaluator marks it
 */
public record ExpectedAction(
    String key, String description, Duration target, int points, Check check) {

  public ExpectedAction {
    key = Scenario.requireKey(key, "expectation");
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw new InvalidScenario(key, "an expected action needs a description");
    }
    if (target == null || target.isNegative() || target.isZero()) {
      throw new InvalidScenario(key, "the target time must be positive");
    }
    if (points < 0 || points > 1000) {
      throw new InvalidScenario(key, "points must be between 0 and 1000");
    }
  }

  /** Whether the hub checks it from the real flows. */
  public boolean automatic() {
    return check != null;
  }
}

package jp.renkei.engine.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A part of the scenario (第1部, or a tabletop stage such as 初動・エスカレーション) starting at an offset, with
 * the prompts for its discussion time.
 */
public record Phase(String title, Duration start, List<String> discussionPrompts) {

  public Phase {
    title = Objects.requireNonNullElse(title, "").strip();
    if (title.isEmpty()) {
      throw new InvalidScenario("phase", "a phase needs a title");
    }
    if (start == null || start.isNegative()) {
      throw new InvalidScenario(title, "a phase cannot start before the run");
    }
    discussionPrompts = List.copyOf(discussionPrompts);
  }
}

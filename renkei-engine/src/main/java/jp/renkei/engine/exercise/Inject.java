package jp.renkei.engine.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One 状況付与 of the 状況付与票.
 *
 * @param key unique in the scenario, in the order players know it by (e.g. "3")
 * @param offset 付与時刻, from the start of the run in exercise time
 * @param targets 付与先
 * @param sender 発信元, the simulated sender (e.g. "JPCERT/CC（模擬）")
 * @param channel 伝達手段
 * @param title a short title for the timeline
 * @param content 付与内容
 * @param expectations 期待される対応
 * @param onCommand sent when the controller says so, not at its time
 * @param dependsOn sent only if an earlier expectation ended one of these ways, or null
 */
public record Inject(
    String key,
    Duration offset,
    List<Target> targets,
    String sender,
    Channel channel,
    String title,
    String content,
    List<ExpectedAction> expectations,
    boolean onCommand,
    Dependency dependsOn) {

  /** A condition on an earlier expectation: its overall outcome is one of {@code when}. */
  public record Dependency(String expectation, Set<Outcome> when) {
    public Dependency {
      Objects.requireNonNull(expectation, "expectation");
      when = Set.copyOf(when);
      if (when.isEmpty() || when.contains(Outcome.PENDING)) {
        throw new InvalidScenario(expectation, "a dependency names settled outcomes");
      }
    }
  }

  public Inject {
    key = Scenario.requireKey(key, "inject");
    if (offset == null || offset.isNegative()) {
      throw new InvalidScenario(key, "付与時刻 must not be before the start");
    }
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new InvalidScenario(key, "付与先 is empty");
    }
    sender = Objects.requireNonNullElse(sender, "").strip();
    if (sender.isEmpty()) {
      throw new InvalidScenario(key, "発信元 is empty");
    }
    Objects.requireNonNull(channel, "channel");
    title = Objects.requireNonNullElse(title, "").strip();
    if (title.isEmpty()) {
      throw new InvalidScenario(key, "the title is empty");
    }
    content = Objects.requireNonNullElse(content, "");
    if (content.isBlank()) {
      throw new InvalidScenario(key, "付与内容 is empty");
    }
    expectations = List.copyOf(expectations);
  }

  /** Whether this inject reaches {@code player}. */
  public boolean reaches(Participant player) {
    return targets.stream().anyMatch(t -> t.reaches(player));
  }
}

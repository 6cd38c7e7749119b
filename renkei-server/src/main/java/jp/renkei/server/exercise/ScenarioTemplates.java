package jp.renkei.server.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The shipped scenario templates (classpath {@code /exercise/NAME.json}): the 2015 cross-sector
 * exercise (seed 003's timeline), the hospital BCP tabletop (seed 000's phases) and the two CEPTOAR
 * drills. A planner copies one into its organisation's own, private scenarios.
 */
@Component
public class ScenarioTemplates {

  /** The names of the shipped templates, in the order the page lists them. */
  public static final List<String> NAMES =
      List.of(
          "cross-sector-2015", "hospital-bcp", "ceptoar-drill-provision", "ceptoar-drill-liaison");

  /** A template as listed. */
  public record Template(String name, String title, String purpose, int injects, int maxPoints) {}

  private static final DateTimeFormatter COPIED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

  private final ExerciseService exercises;
  private final MessageSource messages;
  private final Clock clock;

  ScenarioTemplates(
      ExerciseService exercises, MessageSource messages, java.util.Optional<Clock> clock) {
    this.exercises = exercises;
    this.messages = messages;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Every shipped template. */
  public List<Template> all() {
    return NAMES.stream()
        .map(
            n -> {
              ScenarioDocument d = document(n);
              Scenario s = d.toScenario();
              return new Template(n, d.title(), d.purpose(), s.injects().size(), s.maxPoints());
            })
        .toList();
  }

  /** A shipped template's document; {@link InvalidInput} for a name that is not one. */
  public static ScenarioDocument document(String name) {
    if (name == null || !NAMES.contains(name)) {
      throw new InvalidInput("template", "exercise.validation.template", String.valueOf(name));
    }
    try (InputStream in =
        ScenarioTemplates.class.getResourceAsStream("/exercise/" + name + ".json")) {
      return ExerciseService.JSON.readValue(in, ScenarioDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a template, named in Japanese; see {@link #copy(Actor, String, Locale)}. */
  public long copy(Actor actor, String name) {
    return copy(actor, name, Locale.JAPANESE);
  }

  /**
   * Copies a template into the actor's organisation's scenarios; returns the new scenario's id. The
   * copy is named for when it was made, in the reader's language (「…（コピー 2026-12-01 14:05）」, "…
   * (copy 2026-12-01 14:05)"), with a number added if the organisation already has that name, so
   * two copies are told apart in the lists; the planner may rename it.
   */
  public long copy(Actor actor, String name, Locale locale) {
    ScenarioDocument d = document(name);
    String base =
        messages.getMessage(
            "exercise.template.copyTitle",
            new Object[] {d.title(), COPIED_AT.format(clock.instant())},
            locale);
    java.util.Set<String> taken =
        exercises.scenarios(actor).stream()
            .map(ExerciseViews.ScenarioSummary::title)
            .collect(java.util.stream.Collectors.toSet());
    String title = base;
    for (int n = 2; taken.contains(title); n++) {
      title = base + " " + n;
    }
    return exercises.createScenario(
        actor,
        new ScenarioDocument(
            title, d.purpose(), d.objectives(), d.phases(), d.injects(), d.survey()));
  }
}

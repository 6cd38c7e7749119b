package jp.renkei.server.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
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

  private final ExerciseService exercises;

  ScenarioTemplates(ExerciseService exercises) {
    this.exercises = exercises;
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

  /** Copies a template into the actor's organisation's scenarios; returns the new scenario's id. */
  public long copy(Actor actor, String name) {
    return exercises.createScenario(actor, document(name));
  }
}

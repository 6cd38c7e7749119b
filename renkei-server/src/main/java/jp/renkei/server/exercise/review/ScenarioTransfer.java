package jp.renkei.server.exercise.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Service;

/**
 * Import and export of scenarios: the 状況付与票 as .xlsx ({@link InjectSheet}) and the whole scenario
 * as versioned JSON ({@link ScenarioExchange}). Every file is read and checked in full before
 * anything is stored, and what is stored is one statement of {@link ExerciseService}: a refused
 * file leaves the scenario as it was.
 */
@Service
public class ScenarioTransfer {

  private final ExerciseService exercises;

  ScenarioTransfer(ExerciseService exercises) {
    this.exercises = exercises;
  }

  /** A scenario of the actor's organisation. */
  public ScenarioDocument scenario(Actor actor, long scenarioId) {
    return exercises.scenario(actor, scenarioId);
  }

  /** Attaches the 事後アンケート to the scenario, or takes it off (null). */
  public void setSurvey(Actor actor, long scenarioId, ScenarioDocument.SurveyDoc survey) {
    exercises.setScenarioSurvey(actor, scenarioId, survey);
  }

  /** The scenario's injects as a workbook (own organisation's scenarios only). */
  public byte[] exportXlsx(Actor actor, long scenarioId) {
    return InjectSheet.write(exercises.scenario(actor, scenarioId));
  }

  /** The whole scenario as exchange JSON. */
  public String exportJson(Actor actor, long scenarioId) {
    return ScenarioExchange.write(exercises.scenario(actor, scenarioId));
  }

  /** Replaces the scenario's injects (title, purpose, objectives and phases stay). */
  public void replaceInjects(Actor actor, long scenarioId, InputStream xlsx) {
    ScenarioDocument old = exercises.scenario(actor, scenarioId);
    InjectSheet.Parsed p = InjectSheet.read(bounded(xlsx, InjectSheet.MAX_BYTES));
    ScenarioDocument doc =
        new ScenarioDocument(
            old.title(), old.purpose(), old.objectives(), old.phases(), p.injects(), old.survey());
    ScenarioExchange.checkWhole(doc, key -> p.rowOf().getOrDefault(key, InjectSheet.INJECTS));
    exercises.replaceScenario(actor, scenarioId, doc);
  }

  /** A new scenario titled {@code title} with the workbook's injects. */
  public long createFromXlsx(Actor actor, String title, InputStream xlsx) {
    if (title == null || title.isBlank() || title.strip().length() > 200) {
      throw new InvalidInput("title", "aar.import.title");
    }
    InjectSheet.Parsed p = InjectSheet.read(bounded(xlsx, InjectSheet.MAX_BYTES));
    ScenarioDocument doc =
        new ScenarioDocument(
            title.strip(), "", java.util.List.of(), java.util.List.of(), p.injects(), null);
    ScenarioExchange.checkWhole(doc, key -> p.rowOf().getOrDefault(key, InjectSheet.INJECTS));
    return exercises.createScenario(actor, doc);
  }

  /** A new scenario from another hub's exchange JSON. */
  public long importJson(Actor actor, InputStream json) {
    byte[] bytes = readBounded(json, ScenarioDocument.MAX_CHARS * 4);
    return exercises.createScenario(
        actor, ScenarioExchange.read(new String(bytes, StandardCharsets.UTF_8)));
  }

  private static InputStream bounded(InputStream in, int max) {
    return new ByteArrayInputStream(readBounded(in, max));
  }

  /** At most {@code max} bytes, or {@link InvalidInput} on {@code file} without reading further. */
  static byte[] readBounded(InputStream in, int max) {
    try {
      byte[] b = in.readNBytes(max + 1);
      if (b.length > max) {
        throw new InvalidInput("file", "aar.import.tooLarge", max);
      }
      if (b.length == 0) {
        throw new InvalidInput("file", "aar.import.empty");
      }
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

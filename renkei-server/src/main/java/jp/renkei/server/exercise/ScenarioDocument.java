package jp.renkei.server.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.exercise.Channel;
import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.ExpectedAction;
import jp.renkei.engine.exercise.Inject;
import jp.renkei.engine.exercise.InvalidScenario;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.engine.exercise.Phase;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.engine.exercise.Target;
import jp.renkei.server.failure.InvalidInput;

/**
 * A scenario as stored and exchanged (JSON, REST): the 状況付与票 with times in minutes from the start.
 * {@link #toScenario} checks it through the engine and names the element that is wrong.
 *
 * @param title 演習名
 * @param purpose 目的
 * @param objectives 検証課題
 * @param phases 部・段階 with discussion prompts
 * @param injects 状況付与
 * @param survey the 事後アンケート every run made from the scenario starts with, or null for none
 */
public record ScenarioDocument(
    String title,
    String purpose,
    List<String> objectives,
    List<PhaseDoc> phases,
    List<InjectDoc> injects,
    @JsonInclude(JsonInclude.Include.NON_NULL) SurveyDoc survey) {

  /** Largest document accepted, in characters of JSON. */
  public static final int MAX_CHARS = 1_000_000;

  /** The most own questions (free text and ratings together) a questionnaire has. */
  public static final int SURVEY_MAX_QUESTIONS = 10;

  /** The longest own question, in characters. */
  public static final int SURVEY_MAX_QUESTION = 300;

  /**
   * The 事後アンケート attached to a scenario: the shipped questions (満足度, each 検証課題's 達成度, 自組織の課題, 自由記述)
   * and the planner's own free-text {@code questions} and rating {@code ratings} (1–5), at most
   * {@link #SURVEY_MAX_QUESTIONS} together, each at most {@link #SURVEY_MAX_QUESTION} characters. A
   * run made from the scenario gets a copy when it is created, so later edits of the scenario never
   * change a past run's questionnaire.
   */
  public record SurveyDoc(List<String> questions, List<String> ratings) {
    public SurveyDoc {
      questions = questions == null ? List.of() : List.copyOf(questions);
      ratings = ratings == null ? List.of() : List.copyOf(ratings);
    }

    /** The own questions one a line, as the form shows them. */
    public String questionsText() {
      return String.join("\n", questions);
    }

    /** The own rating questions one a line, as the form shows them. */
    public String ratingsText() {
      return String.join("\n", ratings);
    }
  }

  /** A phase: title, start minute, discussion prompts. */
  public record PhaseDoc(String title, Integer startMinute, List<String> prompts) {}

  /** A 付与先: kind (player, team, organisation, organisation_type, sector, role, all) and value. */
  public record TargetDoc(String kind, String value) {}

  /**
   * A 期待される対応: key, description, target time in minutes, points, and the automatic check
   * (report_filed, report_forwarded, advisory_issued, advisory_confirmed, inject_read) or null for
   * an evaluator.
   */
  public record ExpectationDoc(
      String key, String description, Integer targetMinutes, Integer points, String check) {}

  /**
   * A 状況付与: key, minute (付与時刻), targets (付与先), sender (発信元), channel (伝達手段: hub_inbox, email,
   * simulated_advisory, simulated_report, phone_script), title, content (付与内容), expected actions,
   * sent on the controller's command, and a dependency on an earlier expectation's outcome (met,
   * partial, missed).
   */
  public record InjectDoc(
      String key,
      Integer minute,
      List<TargetDoc> targets,
      String sender,
      String channel,
      String title,
      String content,
      List<ExpectationDoc> expectations,
      Boolean onCommand,
      String dependsOn,
      List<String> dependsOnOutcomes) {}

  public ScenarioDocument {
    objectives = objectives == null ? List.of() : List.copyOf(objectives);
    phases = phases == null ? List.of() : List.copyOf(phases);
    injects = injects == null ? List.of() : List.copyOf(injects);
  }

  /** The engine's scenario, or {@link InvalidInput} on {@code document} naming the element. */
  public Scenario toScenario() {
    String where = "title";
    try {
      List<Phase> ps = new ArrayList<>();
      for (PhaseDoc p : phases) {
        where = "phase " + p.title();
        ps.add(
            new Phase(
                p.title(),
                minutes(p.startMinute(), "startMinute"),
                p.prompts() == null ? List.of() : p.prompts()));
      }
      List<Inject> is = new ArrayList<>();
      for (InjectDoc i : injects) {
        where = "inject " + i.key();
        List<Target> targets = new ArrayList<>();
        for (TargetDoc t : i.targets() == null ? List.<TargetDoc>of() : i.targets()) {
          targets.add(new Target(constant(Target.Kind.class, t.kind(), "kind"), t.value()));
        }
        List<ExpectedAction> es = new ArrayList<>();
        for (ExpectationDoc e :
            i.expectations() == null ? List.<ExpectationDoc>of() : i.expectations()) {
          where = "expectation " + e.key();
          es.add(
              new ExpectedAction(
                  e.key(),
                  e.description(),
                  minutes(e.targetMinutes(), "targetMinutes"),
                  required(e.points(), "points"),
                  e.check() == null || e.check().isBlank()
                      ? null
                      : constant(Check.class, e.check(), "check")));
        }
        where = "inject " + i.key();
        Inject.Dependency dependency = null;
        if (i.dependsOn() != null && !i.dependsOn().isBlank()) {
          List<String> when = i.dependsOnOutcomes() == null ? List.of() : i.dependsOnOutcomes();
          Set<Outcome> outcomes =
              when.stream()
                  .map(w -> constant(Outcome.class, w, "dependsOnOutcomes"))
                  .collect(Collectors.toSet());
          dependency = new Inject.Dependency(i.dependsOn().strip(), outcomes);
        }
        is.add(
            new Inject(
                i.key(),
                minutes(i.minute(), "minute"),
                targets,
                i.sender(),
                constant(Channel.class, i.channel(), "channel"),
                i.title(),
                i.content(),
                es,
                Boolean.TRUE.equals(i.onCommand()),
                dependency));
      }
      where = "survey";
      checkSurvey();
      where = "scenario";
      return new Scenario(title, purpose, objectives, ps, is);
    } catch (InvalidScenario e) {
      throw new InvalidInput(
          "document", "exercise.validation.scenario", e.element(), e.getMessage());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInput(
          "document", "exercise.validation.scenario", where, String.valueOf(e.getMessage()));
    }
  }

  private void checkSurvey() {
    if (survey == null) {
      return;
    }
    if (survey.questions().size() + survey.ratings().size() > SURVEY_MAX_QUESTIONS) {
      throw new IllegalArgumentException(
          "at most " + SURVEY_MAX_QUESTIONS + " own questions (free text and ratings together)");
    }
    for (List<String> qs : List.of(survey.questions(), survey.ratings())) {
      String field = qs == survey.questions() ? "questions" : "ratings";
      for (int i = 0; i < qs.size(); i++) {
        String q = qs.get(i);
        if (q == null || q.isBlank()) {
          throw new IllegalArgumentException(field + "[" + i + "] is empty");
        }
        if (q.strip().length() > SURVEY_MAX_QUESTION) {
          throw new IllegalArgumentException(
              field + "[" + i + "] is longer than " + SURVEY_MAX_QUESTION + " characters");
        }
      }
    }
  }

  private static int required(Integer value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static Duration minutes(Integer value, String field) {
    int m = required(value, field);
    if (m < 0) {
      throw new IllegalArgumentException("a time in minutes must not be negative: " + m);
    }
    return Duration.ofMinutes(m);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": unknown value " + value.strip());
    }
  }
}

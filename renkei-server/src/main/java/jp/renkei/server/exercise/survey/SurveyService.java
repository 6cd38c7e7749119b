package jp.renkei.server.exercise.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.renkei.engine.exercise.review.SurveyTally;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 事後アンケート: a run's controller attaches a questionnaire (the shipped one — 満足度, each 検証課題's 達成度,
 * 自組織の課題, 自由記述 — plus the planner's own questions); the run's players answer it once the run has
 * ended, one answer each, editable until a controller closes it. The run's controllers and
 * evaluators see the tally (through the console's access check: anyone not in the run gets its
 * {@link NotFound}); only controllers see the answers one by one, without names unless the author
 * agreed; a team or organisation is shown apart only as {@link SurveyTally#showable} allows.
 */
@Service
public class SurveyService {

  /** Limits of a planner's own questions and of an answer. */
  static final int MAX_EXTRA_QUESTIONS = ScenarioDocument.SURVEY_MAX_QUESTIONS;

  static final int MAX_QUESTION = ScenarioDocument.SURVEY_MAX_QUESTION;
  static final int MAX_TEXT = 4000;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};

  private final ExerciseService exercises;
  private final SurveyRepository repo;
  private final AuditLog audit;
  private final Clock clock;

  SurveyService(
      ExerciseService exercises, SurveyRepository repo, AuditLog audit, Optional<Clock> clock) {
    this.exercises = exercises;
    this.repo = repo;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The shipped questionnaire for a run with these 検証課題, then the planner's own questions. */
  static List<Question> questionnaire(List<String> objectives, List<String> extra) {
    return questionnaire(objectives, extra, List.of());
  }

  /**
   * The shipped questionnaire, the planner's own rating questions (1–5, keys {@code rating-N})
   * after the shipped ratings, and the planner's own free-text questions ({@code extra-N}) last.
   */
  static List<Question> questionnaire(
      List<String> objectives, List<String> extra, List<String> extraRatings) {
    List<Question> q = new ArrayList<>();
    q.add(new Question("satisfaction", "rating", "survey.q.satisfaction", null));
    for (int i = 0; i < objectives.size(); i++) {
      q.add(
          new Question("objective-" + (i + 1), "rating", "survey.q.objective", objectives.get(i)));
    }
    for (int i = 0; i < extraRatings.size(); i++) {
      q.add(new Question("rating-" + (i + 1), "rating", null, extraRatings.get(i)));
    }
    q.add(new Question("own-issues", "text", "survey.q.ownIssues", null));
    q.add(new Question("comments", "text", "survey.q.comments", null));
    for (int i = 0; i < extra.size(); i++) {
      q.add(new Question("extra-" + (i + 1), "text", null, extra.get(i)));
    }
    return q;
  }

  /**
   * Attaches the questionnaire to the run (controllers); {@code extraQuestions} holds the planner's
   * own free-text questions, one a line (at most 10, 300 characters each).
   */
  @Transactional
  public void attach(Actor actor, long runId, String extraQuestions) {
    attach(actor, runId, extraQuestions, null);
  }

  /**
   * As {@link #attach(Actor, long, String)}, with the planner's own rating questions (answered 1–5)
   * in {@code extraRatings}, one a line; the planner's own questions of both kinds together are at
   * most 10, each at most 300 characters. Every wrong line is reported at once (field and line).
   */
  @Transactional
  public void attach(Actor actor, long runId, String extraQuestions, String extraRatings) {
    ExerciseViews.Console c = controllerConsole(actor, runId);
    List<String> extra = lines(extraQuestions);
    List<String> ratings = lines(extraRatings);
    FieldErrors errors = new FieldErrors();
    if (extra.size() + ratings.size() > MAX_EXTRA_QUESTIONS) {
      errors.add(new InvalidInput("questions", "survey.error.tooMany", MAX_EXTRA_QUESTIONS));
    }
    for (int i = 0; i < extra.size(); i++) {
      if (extra.get(i).length() > MAX_QUESTION) {
        errors.add(new InvalidInput("questions", "survey.error.questionLong", i + 1, MAX_QUESTION));
      }
    }
    for (int i = 0; i < ratings.size(); i++) {
      if (ratings.get(i).length() > MAX_QUESTION) {
        errors.add(new InvalidInput("ratings", "survey.error.ratingLong", i + 1, MAX_QUESTION));
      }
    }
    errors.throwIfAny();
    if (!repo.attach(
        runId,
        JSON.writeValueAsString(questionnaire(c.objectives(), extra, ratings)),
        actor.userId())) {
      throw new Conflict("questions", "survey.error.attached");
    }
    audit.record(actor, AuditLog.Event.success("exercise.survey", "exercise_run", runId));
  }

  /**
   * A run made from a scenario with a questionnaire starts with a copy of it (in the run's creation
   * transaction): later edits of the scenario never change the run's questions. The scenario's
   * questions were checked when it was stored ({@link ScenarioDocument#toScenario}).
   */
  @EventListener
  void runCreated(ExerciseService.RunCreated e) {
    if (e.survey() == null) {
      return;
    }
    List<String> extra = e.survey().questions().stream().map(String::strip).toList();
    List<String> ratings = e.survey().ratings().stream().map(String::strip).toList();
    repo.attach(
        e.runId(),
        JSON.writeValueAsString(questionnaire(e.objectives(), extra, ratings)),
        e.actor().userId());
    audit.record(
        e.actor(),
        AuditLog.Event.success(
            "exercise.survey",
            "exercise_run",
            e.runId(),
            Detail.of("exercise.survey.fromScenario")));
  }

  /** Closes the questionnaire to answers, or opens it again (controllers). */
  @Transactional
  public void setState(Actor actor, long runId, String state) {
    controllerConsole(actor, runId);
    if (!"open".equals(state) && !"closed".equals(state)) {
      throw new InvalidInput("state", "survey.error.state");
    }
    if (!repo.setState(runId, state, clock.instant())) {
      throw new NotFound("exercise_survey", runId);
    }
    audit.record(actor, AuditLog.Event.success("exercise.survey." + state, "exercise_run", runId));
  }

  /** The questionnaire for a player of the run, with the player's answer so far. */
  public SurveyViews.Form form(Actor actor, long runId) {
    SurveyRepository.SurveyRow s = forPlayer(actor, runId);
    Optional<SurveyRepository.MyAnswer> mine = repo.answerOf(runId, actor.userId());
    return new SurveyViews.Form(
        runId,
        s.runTitle(),
        s.state(),
        questions(s),
        mine.map(a -> answers(a.answers())).orElse(Map.of()),
        mine.map(SurveyRepository.MyAnswer::named).orElse(false),
        mine.isPresent());
  }

  /**
   * Stores the player's answer (replacing an earlier one): ratings 1–5, texts of at most 4,000
   * characters; every wrong field is reported at once, by its question key.
   */
  @Transactional
  public void answer(Actor actor, long runId, Map<String, String> values, boolean named) {
    SurveyRepository.SurveyRow s = forPlayer(actor, runId);
    if (!"open".equals(s.state())) {
      throw new Conflict("survey", "survey.error.closed");
    }
    Map<String, String> kept = new LinkedHashMap<>();
    FieldErrors errors = new FieldErrors();
    for (Question q : questions(s)) {
      String v = values.getOrDefault(q.key(), "");
      v = v == null ? "" : v.strip();
      if (v.isEmpty()) {
        continue;
      }
      if (q.rating() && !v.matches("[1-5]")) {
        errors.add(new InvalidInput(q.key(), "survey.error.rating", q.key()));
      } else if (!q.rating() && v.length() > MAX_TEXT) {
        errors.add(new InvalidInput(q.key(), "survey.error.textLong", q.key(), MAX_TEXT));
      } else {
        kept.put(q.key(), v);
      }
    }
    if (errors.isEmpty() && kept.isEmpty()) {
      errors.add(new InvalidInput("survey", "survey.error.empty"));
    }
    errors.throwIfAny();
    repo.answer(runId, actor.userId(), JSON.writeValueAsString(kept), named, clock.instant());
    audit.record(actor, AuditLog.Event.success("exercise.survey.answer", "exercise_run", runId));
  }

  /** Open questionnaires of ended runs the actor plays in (the exercise list and run page). */
  public List<SurveyViews.Pending> pending(Actor actor) {
    if (actor.userId() == null) {
      return List.of();
    }
    return repo.pendingFor(actor.userId(), 20).stream()
        .map(p -> new SurveyViews.Pending(p.runId(), p.runTitle(), p.answered()))
        .toList();
  }

  /**
   * Open questionnaires of ended runs the actor plays in and has not answered yet: the 「未回答のアンケート」
   * items of the hub's work queue (a user's own membership and answer only).
   */
  public List<SurveyViews.Pending> unanswered(Actor actor) {
    return pending(actor).stream().filter(p -> !p.answered()).toList();
  }

  /**
   * The tally for the run's controllers and evaluators; the individual answers for controllers
   * only. A run without a questionnaire has {@code attached == false}.
   */
  public SurveyViews.Results results(Actor actor, long runId) {
    // the request's language (the reader's); outside a request the hub's, Japanese — not the JVM's
    org.springframework.context.i18n.LocaleContext asked = LocaleContextHolder.getLocaleContext();
    java.util.Locale locale = asked == null ? null : asked.getLocale();
    return results(actor, runId, locale == null ? java.util.Locale.JAPANESE : locale);
  }

  /** As {@link #results(Actor, long)}, organisations named in {@code locale}'s language. */
  public SurveyViews.Results results(Actor actor, long runId, java.util.Locale locale) {
    // the console's access check, without building the console (the after-action page asks this)
    String role = exercises.consoleRole(actor, runId);
    boolean controller = "controller".equals(role);
    if (!controller && !"evaluator".equals(role)) {
      throw new Forbidden("survey.error.role");
    }
    Optional<SurveyRepository.SurveyRow> row = repo.survey(runId);
    if (row.isEmpty()) {
      return new SurveyViews.Results(
          runId,
          false,
          null,
          controller,
          0,
          0,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
    List<Question> questions = questions(row.get());
    List<SurveyRepository.AnswerRow> rows = repo.answers(runId);
    List<Map<String, String>> answers = rows.stream().map(a -> answers(a.answers())).toList();
    List<SurveyViews.Rating> ratings = new ArrayList<>();
    List<SurveyViews.Texts> texts = new ArrayList<>();
    for (Question q : questions) {
      if (q.rating()) {
        ratings.add(new SurveyViews.Rating(q, SurveyTally.distribution(ratingsOf(answers, q))));
      } else {
        texts.add(
            new SurveyViews.Texts(
                q,
                answers.stream()
                    .map(a -> a.get(q.key()))
                    .filter(v -> v != null && !v.isEmpty())
                    .sorted()
                    .toList()));
      }
    }
    List<SurveyViews.Individual> individuals = new ArrayList<>();
    if (controller) {
      for (int i = 0; i < rows.size(); i++) {
        Map<String, String> a = answers.get(i);
        SurveyRepository.AnswerRow r = rows.get(i);
        individuals.add(
            new SurveyViews.Individual(
                r.named() ? r.displayName() : null,
                r.named() ? r.organisationName(locale) : null,
                questions.stream().map(q -> a.getOrDefault(q.key(), "")).toList()));
      }
      // never in the order given or by author: named ones first, then by the answers themselves
      individuals.sort(
          Comparator.comparing((SurveyViews.Individual x) -> x.name() == null)
              .thenComparing(x -> x.name() == null ? "" : x.name())
              .thenComparing(x -> String.join("\u0000", x.values())));
    }
    return new SurveyViews.Results(
        runId,
        true,
        row.get().state(),
        controller,
        repo.players(runId),
        rows.size(),
        questions,
        ratings,
        texts,
        groups(rows, answers, questions, r -> r.team().isEmpty() ? "-" : r.team()),
        groups(rows, answers, questions, r -> r.organisationName(locale)),
        individuals);
  }

  private static List<SurveyViews.Group> groups(
      List<SurveyRepository.AnswerRow> rows,
      List<Map<String, String>> answers,
      List<Question> questions,
      Function<SurveyRepository.AnswerRow, String> groupOf) {
    Map<String, List<Map<String, String>>> byGroup = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byGroup
          .computeIfAbsent(groupOf.apply(rows.get(i)), g -> new ArrayList<>())
          .add(answers.get(i));
    }
    Map<String, Integer> sizes = new HashMap<>();
    byGroup.forEach((g, list) -> sizes.put(g, list.size()));
    List<SurveyViews.Group> out = new ArrayList<>();
    for (String g : SurveyTally.showable(sizes)) {
      List<Map<String, String>> in = byGroup.get(g);
      out.add(
          new SurveyViews.Group(
              g,
              in.size(),
              questions.stream()
                  .filter(Question::rating)
                  .map(q -> SurveyTally.distribution(ratingsOf(in, q)).average())
                  .toList()));
    }
    return out;
  }

  private static List<Integer> ratingsOf(List<Map<String, String>> answers, Question q) {
    List<Integer> out = new ArrayList<>();
    for (Map<String, String> a : answers) {
      String v = a.get(q.key());
      if (v != null && v.matches("[1-5]")) {
        out.add(Integer.parseInt(v));
      }
    }
    return out;
  }

  private SurveyRepository.SurveyRow forPlayer(Actor actor, long runId) {
    String role =
        exercises.roleIn(actor, runId).orElseThrow(() -> new NotFound("exercise_run", runId));
    if (!"player".equals(role)) {
      throw new Forbidden("survey.error.notPlayer");
    }
    SurveyRepository.SurveyRow s =
        repo.survey(runId).orElseThrow(() -> new NotFound("exercise_survey", runId));
    if (!"STOPPED".equals(s.runState())) {
      throw new Conflict("survey", "survey.error.notEnded");
    }
    return s;
  }

  private ExerciseViews.Console controllerConsole(Actor actor, long runId) {
    ExerciseViews.Console c = exercises.console(actor, runId);
    if (!c.controller()) {
      throw new Forbidden("survey.error.role");
    }
    return c;
  }

  private static List<String> lines(String text) {
    return (text == null ? "" : text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static List<Question> questions(SurveyRepository.SurveyRow s) {
    return JSON.readValue(s.questions(), QUESTIONS);
  }

  private static Map<String, String> answers(String json) {
    return JSON.readValue(json, ANSWERS);
  }
}

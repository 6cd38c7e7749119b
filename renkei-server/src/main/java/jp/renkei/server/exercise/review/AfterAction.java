package jp.renkei.server.exercise.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.exercise.review.ScoreTrend;
import jp.renkei.engine.exercise.review.TimeToAction;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.RunScoring;
import jp.renkei.server.failure.Forbidden;
import org.springframework.stereotype.Service;

/**
 * Builds the after-action report from the controller console of the run — so it shows exactly what
 * the console may show and nothing more — for the run's controllers and evaluators. Anyone not in
 * the run gets the console's {@code NotFound}; other members are refused.
 */
@Service
public class AfterAction {

  static final int EARLIER_RUNS = 3;

  private final ExerciseService exercises;
  private final ReviewRepository repo;

  AfterAction(ExerciseService exercises, ReviewRepository repo) {
    this.exercises = exercises;
    this.repo = repo;
  }

  /**
   * The actor's role if it may review the run (its controllers and evaluators): the console's
   * access check, then observers refused, without building the console.
   */
  String requireReview(Actor actor, long runId) {
    String role = exercises.consoleRole(actor, runId);
    if (!"controller".equals(role) && !"evaluator".equals(role)) {
      throw new Forbidden("aar.error.role");
    }
    return role;
  }

  /** The console of the run, for its controllers and evaluators only. */
  ExerciseViews.Console consoleForReview(Actor actor, long runId) {
    requireReview(actor, runId);
    return exercises.console(actor, runId);
  }

  public AfterActionReport report(Actor actor, long runId) {
    ExerciseViews.Console c = consoleForReview(actor, runId);
    List<AfterActionReport.EarlierRun> earlier = new ArrayList<>();
    List<Map<String, Integer>> earlierShares = new ArrayList<>();
    for (ReviewRepository.EarlierRun e : repo.earlierRuns(runId, actor.userId(), EARLIER_RUNS)) {
      // only the figures compared, read through the console's access check and evidence
      ExerciseService.Scores es = exercises.scores(actor, e.id());
      if ("controller".equals(es.role()) || "evaluator".equals(es.role())) {
        earlier.add(new AfterActionReport.EarlierRun(e.id(), e.title()));
        earlierShares.add(shares(es.scores()));
      }
    }
    Map<String, Integer> now = shares(c.scores());
    List<AfterActionReport.Trend> trends = new ArrayList<>();
    if (!earlier.isEmpty()) {
      for (RunScoring.ExpectationScore e : c.scores()) {
        trends.add(
            new AfterActionReport.Trend(
                e.key(),
                e.description(),
                now.get(e.key()),
                earlierShares.stream().map(m -> m.get(e.key())).toList()));
      }
    }
    List<AfterActionReport.Confirmation> confirmations = confirmations(c);
    Map<String, AfterActionReport.Confirmation> confirmationOf = new HashMap<>();
    confirmations.forEach(x -> confirmationOf.put(x.team(), x));
    int delivered =
        confirmations.stream().mapToInt(AfterActionReport.Confirmation::delivered).sum();
    int read = confirmations.stream().mapToInt(AfterActionReport.Confirmation::read).sum();
    List<TimeToAction.Result> results = new ArrayList<>();
    c.scores()
        .forEach(
            e ->
                e.teams()
                    .forEach(
                        t -> results.add(new TimeToAction.Result(t.timeToAction(), e.target()))));
    return new AfterActionReport(
        c,
        teams(c, confirmationOf),
        confirmations,
        new AfterActionReport.Confirmation("", delivered, read),
        TimeToAction.of(results),
        earlier,
        trends);
  }

  /** Each expectation's share of its possible points over the teams it reached, in percent. */
  static Map<String, Integer> shares(List<RunScoring.ExpectationScore> scores) {
    Map<String, Integer> out = new HashMap<>();
    for (RunScoring.ExpectationScore e : scores) {
      int earned = e.teams().stream().mapToInt(RunScoring.TeamScore::points).sum();
      Double s = ScoreTrend.share(earned, e.points() * e.teams().size());
      if (s != null) {
        out.put(e.key(), (int) Math.round(s * 100));
      }
    }
    return out;
  }

  static List<AfterActionReport.TeamTotal> teams(
      ExerciseViews.Console c, Map<String, AfterActionReport.Confirmation> confirmationOf) {
    Map<String, int[]> t = new LinkedHashMap<>();
    for (RunScoring.ExpectationScore e : c.scores()) {
      for (RunScoring.TeamScore s : e.teams()) {
        int[] n = t.computeIfAbsent(s.team(), k -> new int[6]);
        n[0] += s.points();
        n[1] += e.points();
        switch (s.outcome()) {
          case MET -> n[2]++;
          case PARTIAL -> n[3]++;
          case MISSED -> n[4]++;
          case PENDING -> n[5]++;
        }
      }
    }
    return t.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            x -> {
              int[] n = x.getValue();
              return new AfterActionReport.TeamTotal(
                  x.getKey(), n[0], n[1], n[2], n[3], n[4], n[5], confirmationOf.get(x.getKey()));
            })
        .toList();
  }

  static List<AfterActionReport.Confirmation> confirmations(ExerciseViews.Console c) {
    Map<String, int[]> t = new java.util.TreeMap<>();
    for (ExerciseViews.TimelineRow row : c.timeline()) {
      for (ExerciseViews.TeamRead r : row.reads()) {
        int[] n = t.computeIfAbsent(r.team(), k -> new int[2]);
        n[0] += r.delivered();
        n[1] += r.read();
      }
    }
    return t.entrySet().stream()
        .map(x -> new AfterActionReport.Confirmation(x.getKey(), x.getValue()[0], x.getValue()[1]))
        .toList();
  }
}

package jp.renkei.server.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.ExpectedAction;
import jp.renkei.engine.exercise.Inject;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.engine.exercise.Participant;
import jp.renkei.engine.exercise.RunClock;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.engine.exercise.Scoring;

/**
 * The scores of a run now: for every expected action, one score per team its inject reached — the
 * evaluator's mark where there is one, else the automatic check over the evidence of the real flows
 * (first qualifying action after delivery, in exercise time), else pending until missed. The
 * evidence is only what the viewer may see through the sharing policy: an automatic check of the
 * report or advisory flows that finds no action the viewer may see is never judged missed (the
 * action may exist outside the viewer's audience); once its time is over it stays pending with the
 * reason {@link #UNSHARED}, for an evaluator to mark — the same whether or not such an action
 * exists.
 */
public final class RunScoring {

  private RunScoring() {}

  /** Why an automatic check stays pending: its evidence is not shared with the viewer. */
  public static final String UNSHARED = "unshared";

  /** One team's result on one expected action. */
  public record TeamScore(
      String team,
      Outcome outcome,
      Duration timeToAction,
      int points,
      boolean marked,
      String note,
      String reason) {

    /** Time to action in whole minutes, or null. */
    public Long minutesToAction() {
      return timeToAction == null ? null : timeToAction.toMinutes();
    }
  }

  /** An expected action with its teams' results. */
  public record ExpectationScore(
      String key,
      String injectKey,
      String description,
      int points,
      Check check,
      Duration target,
      List<TeamScore> teams,
      Outcome overall) {}

  /**
   * What the hub saw the run's organisations do: per check, per organisation, the real instants of
   * their actions (reports filed, advisories issued or confirmed in the run).
   */
  record Evidence(Map<Check, Map<Long, List<Instant>>> byOrganisation) {
    List<Instant> of(Check check, Set<Long> organisations) {
      List<Instant> out = new ArrayList<>();
      Map<Long, List<Instant>> m = byOrganisation.getOrDefault(check, Map.of());
      organisations.forEach(o -> out.addAll(m.getOrDefault(o, List.of())));
      return out;
    }
  }

  static List<ExpectationScore> score(
      Scenario scenario,
      RunClock clock,
      List<ExerciseRepository.Member> members,
      List<ExerciseRepository.InjectState> states,
      List<ExerciseRepository.Delivery> deliveries,
      List<ExerciseRepository.Mark> marks,
      Evidence evidence,
      Instant now) {
    boolean ended = clock.state() == RunClock.State.STOPPED;
    Duration elapsed = clock.elapsed(now);
    Map<String, ExerciseRepository.InjectState> sent = new HashMap<>();
    states.stream().filter(s -> "sent".equals(s.state())).forEach(s -> sent.put(s.injectKey(), s));
    Map<String, ExerciseRepository.Mark> marked = new HashMap<>();
    marks.forEach(m -> marked.put(m.expectationKey() + "\u0000" + m.team(), m));
    List<ExerciseRepository.Member> players =
        members.stream().filter(m -> "player".equals(m.role())).toList();
    // Indexed once per page, not scanned per team and expectation: at national size (hundreds of
    // teams, thousands of players and deliveries) the per-team scans were the console's cost.
    Map<String, List<ExerciseRepository.Member>> byTeam = new HashMap<>();
    players.forEach(p -> byTeam.computeIfAbsent(p.team(), k -> new ArrayList<>()).add(p));
    Map<String, Map<Long, List<Instant>>> readsByInject = new HashMap<>();
    for (ExerciseRepository.Delivery d : deliveries) {
      if (d.readAt() != null) {
        readsByInject
            .computeIfAbsent(d.injectKey(), k -> new HashMap<>())
            .computeIfAbsent(d.userId(), k -> new ArrayList<>())
            .add(d.readAt());
      }
    }
    List<ExpectationScore> out = new ArrayList<>();
    for (Inject inject : scenario.injects()) {
      ExerciseRepository.InjectState state = sent.get(inject.key());
      Set<String> teams = new LinkedHashSet<>();
      if (state != null) {
        players.stream()
            .filter(p -> inject.reaches(participant(p)))
            .forEach(p -> teams.add(p.team()));
      }
      for (ExpectedAction e : inject.expectations()) {
        List<TeamScore> results = new ArrayList<>();
        for (String team : teams) {
          ExerciseRepository.Mark mark = marked.get(e.key() + "\u0000" + team);
          Duration delivered = Duration.ofSeconds(state.exerciseOffsetSeconds());
          Duration acted =
              acted(
                  e,
                  byTeam.getOrDefault(team, List.of()),
                  readsByInject.getOrDefault(inject.key(), Map.of()),
                  evidence,
                  clock,
                  delivered);
          Scoring.Score s;
          String reason = null;
          if (mark != null) {
            s =
                Scoring.marked(
                    e,
                    Outcome.valueOf(mark.outcome()),
                    acted == null ? null : acted.minus(delivered));
          } else if (e.automatic()) {
            s = Scoring.score(e, delivered, acted, elapsed, ended);
            if (acted == null && s.outcome() == Outcome.MISSED && e.check() != Check.INJECT_READ) {
              s = new Scoring.Score(Outcome.PENDING, null, 0);
              reason = UNSHARED;
            }
          } else {
            s = new Scoring.Score(ended ? Outcome.MISSED : Outcome.PENDING, null, 0);
          }
          results.add(
              new TeamScore(
                  team,
                  s.outcome(),
                  s.timeToAction(),
                  s.points(),
                  mark != null,
                  mark == null ? null : mark.note(),
                  reason));
        }
        out.add(
            new ExpectationScore(
                e.key(),
                inject.key(),
                e.description(),
                e.points(),
                e.check(),
                e.target(),
                results,
                Outcome.overall(results.stream().map(TeamScore::outcome).toList())));
      }
    }
    return out;
  }

  /** The exercise time of the team's first qualifying action at or after delivery, or null. */
  private static Duration acted(
      ExpectedAction e,
      List<ExerciseRepository.Member> own,
      Map<Long, List<Instant>> readsOfInject,
      Evidence evidence,
      RunClock clock,
      Duration delivered) {
    if (e.check() == null) {
      return null;
    }
    List<Instant> instants;
    if (e.check() == Check.INJECT_READ) {
      instants = new ArrayList<>();
      for (ExerciseRepository.Member p : own) {
        instants.addAll(readsOfInject.getOrDefault(p.userId(), List.of()));
      }
    } else {
      Set<Long> orgs = new java.util.HashSet<>();
      own.forEach(p -> orgs.add(p.organisationId()));
      instants = evidence.of(e.check(), orgs);
    }
    Duration first = null;
    for (Instant t : instants) {
      // done after the run was stopped: the exercise was over (its clock is frozen at the stop, so
      // it would count as done in the run's last moment)
      if (clock.over(t)) {
        continue;
      }
      Duration at = clock.elapsed(t);
      if (at.compareTo(delivered) >= 0 && (first == null || at.compareTo(first) < 0)) {
        first = at;
      }
    }
    return first;
  }

  static Participant participant(ExerciseRepository.Member m) {
    return new Participant(
        m.login(), m.team(), m.organisationId(), m.organisationType(), m.sector(), m.playedRole());
  }

  /** Overall outcome per expectation key, for the injects that depend on one. */
  static Map<String, Outcome> overall(List<ExpectationScore> scores) {
    Map<String, Outcome> out = new HashMap<>();
    scores.forEach(s -> out.put(s.key(), s.overall()));
    return out;
  }
}

package jp.renkei.server.exercise.review;

import java.util.List;
import jp.renkei.engine.exercise.review.ScoreTrend;
import jp.renkei.engine.exercise.review.TimeToAction;
import jp.renkei.server.exercise.ExerciseViews;

/**
 * The after-action report of a run (事後報告): the console's view of the run (timeline, scores,
 * members) with the figures drawn from it, and the comparison with earlier runs of the same
 * scenario that the same viewer controlled or evaluated.
 */
public record AfterActionReport(
    ExerciseViews.Console run,
    List<TeamTotal> teams,
    List<Confirmation> confirmations,
    Confirmation overallConfirmation,
    TimeToAction timeToAction,
    List<EarlierRun> earlier,
    List<Trend> trends) {

  /** The bands of the time-to-action distribution, in order. */
  public List<TimeToAction.Band> bandOrder() {
    return List.of(TimeToAction.Band.values());
  }

  /**
   * A team's points and outcomes over every expectation that reached it, and its 疎通確認率 (null when
   * nothing was delivered to it).
   */
  public record TeamTotal(
      String team,
      int points,
      int maxPoints,
      int met,
      int partial,
      int missed,
      int pending,
      Confirmation confirmation) {}

  /** 疎通確認率: of the injects delivered to a team's players, how many they opened. */
  public record Confirmation(String team, int delivered, int read) {
    /** Percentage read, or null when nothing was delivered. */
    public Integer percent() {
      return delivered == 0 ? null : (int) Math.round(100.0 * read / delivered);
    }
  }

  /** An earlier run compared with this one. */
  public record EarlierRun(long id, String title) {}

  /**
   * One expectation's share of points now and in each earlier run (percent, null where not scored).
   */
  public record Trend(String key, String description, Integer now, List<Integer> before) {
    /** Whether it fell against the latest earlier run that scored it. */
    public boolean fell() {
      Integer last = before.stream().filter(b -> b != null).findFirst().orElse(null);
      return new ScoreTrend.Change(
              key, last == null ? null : last / 100.0, now == null ? null : now / 100.0)
          .fell();
    }
  }
}

package jp.renkei.engine.exercise;

import java.time.Duration;

/**
 * How an expected action is scored for one team, in exercise time (a paused or fast run scores as
 * if played in real time): done within the target time is met (full points); late by no more than
 * the target time again is partial (half the points, rounded down); later, or not done when that
 * time has passed or the run ended, is missed (no points). Until then it is pending.
 */
public final class Scoring {

  private Scoring() {}

  /**
   * One team's score.
   *
   * @param outcome met, partial, missed or pending
   * @param timeToAction from the inject's delivery to the action, if done
   * @param points what it earned
   */
  public record Score(Outcome outcome, Duration timeToAction, int points) {}

  /**
   * @param delivered exercise time the inject reached the team
   * @param acted exercise time of the team's first qualifying action after delivery, or null
   * @param now exercise time now
   * @param ended whether the run has stopped (nothing pending stays pending)
   */
  public static Score score(
      ExpectedAction e, Duration delivered, Duration acted, Duration now, boolean ended) {
    Duration late = e.target().multipliedBy(2);
    if (acted != null) {
      Duration tta = acted.compareTo(delivered) < 0 ? Duration.ZERO : acted.minus(delivered);
      Outcome o =
          tta.compareTo(e.target()) <= 0
              ? Outcome.MET
              : tta.compareTo(late) <= 0 ? Outcome.PARTIAL : Outcome.MISSED;
      return new Score(o, tta, points(e, o));
    }
    boolean over = now.minus(delivered).compareTo(late) > 0;
    return new Score(over || ended ? Outcome.MISSED : Outcome.PENDING, null, 0);
  }

  /** An evaluator's mark: the outcome they chose, worth what it is worth automatically. */
  public static Score marked(ExpectedAction e, Outcome mark, Duration timeToAction) {
    if (mark == Outcome.PENDING) {
      throw new IllegalArgumentException("an evaluator marks met, partial or missed");
    }
    return new Score(mark, timeToAction, points(e, mark));
  }

  static int points(ExpectedAction e, Outcome o) {
    return switch (o) {
      case MET -> e.points();
      case PARTIAL -> e.points() / 2;
      case MISSED, PENDING -> 0;
    };
  }
}

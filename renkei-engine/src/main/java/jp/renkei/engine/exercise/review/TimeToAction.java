package jp.renkei.engine.exercise.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How quickly teams acted on the injects of a run: the spread of times to action (minimum, median,
 * 90th percentile, maximum) and how many fell in each band relative to the expectation's target.
 *
 * @param answered results with a time to action
 * @param unanswered results without one (not done, or marked without a time)
 * @param min shortest, or null when none answered
 * @param median nearest-rank median, or null
 * @param p90 nearest-rank 90th percentile, or null
 * @param max longest, or null
 * @param bands how many results fell in each band
 */
public record TimeToAction(
    int answered,
    int unanswered,
    Duration min,
    Duration median,
    Duration p90,
    Duration max,
    Map<Band, Integer> bands) {

  /** A band of time to action, relative to the target time of the expectation. */
  public enum Band {
    /** At most half the target. */
    WITHIN_HALF,
    /** Over half, at most the target. */
    WITHIN_TARGET,
    /** Over the target, at most twice it (scored partial). */
    WITHIN_DOUBLE,
    /** Over twice the target. */
    LATER,
    /** No action seen. */
    NONE
  }

  /** One team's result on one expectation: its time to action (or null) and the target. */
  public record Result(Duration timeToAction, Duration target) {}

  public TimeToAction {
    bands = Map.copyOf(bands);
  }

  public static TimeToAction of(List<Result> results) {
    Map<Band, Integer> bands = new EnumMap<>(Band.class);
    for (Band b : Band.values()) {
      bands.put(b, 0);
    }
    List<Duration> times = new ArrayList<>();
    for (Result r : results) {
      Band b = band(r);
      bands.merge(b, 1, Integer::sum);
      if (r.timeToAction() != null) {
        times.add(r.timeToAction());
      }
    }
    times.sort(null);
    int n = times.size();
    return new TimeToAction(
        n,
        results.size() - n,
        n == 0 ? null : times.get(0),
        rank(times, 50),
        rank(times, 90),
        n == 0 ? null : times.get(n - 1),
        bands);
  }

  static Band band(Result r) {
    Duration t = r.timeToAction();
    if (t == null) {
      return Band.NONE;
    }
    if (t.compareTo(r.target().dividedBy(2)) <= 0) {
      return Band.WITHIN_HALF;
    }
    if (t.compareTo(r.target()) <= 0) {
      return Band.WITHIN_TARGET;
    }
    return t.compareTo(r.target().multipliedBy(2)) <= 0 ? Band.WITHIN_DOUBLE : Band.LATER;
  }

  /** Nearest-rank percentile of sorted {@code times}, or null when empty. */
  static Duration rank(List<Duration> times, int percent) {
    if (times.isEmpty()) {
      return null;
    }
    int i = (int) Math.ceil(percent / 100.0 * times.size()) - 1;
    return times.get(Math.max(0, Math.min(times.size() - 1, i)));
  }
}

package jp.renkei.engine.exercise.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where scores fell: each expectation's share of points in this run against the same expectation in
 * an earlier run of the same scenario.
 */
public final class ScoreTrend {

  private ScoreTrend() {}

  /**
   * An expectation's share of its points (0 to 1) now and before, or null where it was not scored.
   */
  public record Change(String expectation, Double before, Double now) {
    /** Whether the share is lower now than before. */
    public boolean fell() {
      return before != null && now != null && now < before - 1e-9;
    }
  }

  /** Every expectation of {@code keys}, in their order, with both shares. */
  public static List<Change> compare(
      List<String> keys, Map<String, Double> now, Map<String, Double> before) {
    List<Change> out = new ArrayList<>();
    for (String k : keys) {
      out.add(new Change(k, before.get(k), now.get(k)));
    }
    return out;
  }

  /** Points earned over points possible, or null when nothing could be earned. */
  public static Double share(int earned, int possible) {
    return possible <= 0 ? null : (double) earned / possible;
  }
}

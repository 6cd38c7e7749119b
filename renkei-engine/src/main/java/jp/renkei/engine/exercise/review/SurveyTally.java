package jp.renkei.engine.exercise.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies of a post-exercise questionnaire (事後アンケート): the distribution of 1–5 ratings, and which
 * groups (teams, organisations) may be shown apart. A group of fewer than {@link #MIN_GROUP}
 * answers is never shown; and when the groups left out hold one or two answers in all, no group of
 * that breakdown is shown, since the overall figures minus the shown groups would give them away.
 */
public final class SurveyTally {

  /** The fewest answers a group shown apart may have. */
  public static final int MIN_GROUP = 3;

  private SurveyTally() {}

  /**
   * How many answers gave each rating 1–5 ({@code counts[0]} is the 1s), how many rated at all, and
   * their mean (null if none).
   */
  public record Distribution(List<Integer> counts, int n, Double average) {

    /** Percentage of the rated answers that gave {@code rating}, rounded; 0 when none rated. */
    public int percent(int rating) {
      return n == 0 ? 0 : Math.round(100f * counts.get(rating - 1) / n);
    }
  }

  /** The distribution of the ratings; values outside 1–5 and nulls are not counted. */
  public static Distribution distribution(Collection<Integer> ratings) {
    int[] c = new int[5];
    int n = 0;
    long sum = 0;
    for (Integer r : ratings) {
      if (r != null && r >= 1 && r <= 5) {
        c[r - 1]++;
        n++;
        sum += r;
      }
    }
    List<Integer> counts = new ArrayList<>(5);
    for (int x : c) {
      counts.add(x);
    }
    Double average = n == 0 ? null : Math.round(10.0 * sum / n) / 10.0;
    return new Distribution(List.copyOf(counts), n, average);
  }

  /**
   * The groups that may be shown apart, in name order: each with at least {@link #MIN_GROUP}
   * answers, and none at all if the groups left out hold one or two answers together.
   */
  public static List<String> showable(Map<String, Integer> answersPerGroup) {
    List<String> shown = new ArrayList<>();
    int hidden = 0;
    for (Map.Entry<String, Integer> e : new TreeMap<>(answersPerGroup).entrySet()) {
      if (e.getValue() >= MIN_GROUP) {
        shown.add(e.getKey());
      } else {
        hidden += e.getValue();
      }
    }
    if (hidden > 0 && hidden < MIN_GROUP) {
      return List.of();
    }
    return List.copyOf(shown);
  }
}

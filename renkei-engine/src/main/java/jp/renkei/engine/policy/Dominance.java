package jp.renkei.engine.policy;

import java.util.Arrays;

/**
 * The (n, k) dominance rule of statistical disclosure control, for totals summed over organisations
 * (NOTICE's notifications per month): a total is withheld when its {@code n} largest contributors
 * hold more than {@code percent} % of it. The small-number rule ({@link SmallCounts}) asks how many
 * organisations stand behind a figure; this rule asks how the figure is spread among them — a month
 * where one of three ISPs holds nearly every notification passes the first and fails this one,
 * since anyone who knows the other two figures (or is one of them and can guess the other) learns
 * the large one.
 *
 * <p>With n = 2 the rule protects against the second-largest contributor, the best-placed
 * adversary: it subtracts its own figure from the total, and what remains over the largest one is
 * everyone else's, which the rule keeps above {@code 100 - percent} % of the total. The rule is
 * subadditive in the sense that matters for secondary suppression: a sum of cells is judged by the
 * same rule over its contributors' sums.
 *
 * @param n how many of the largest contributors are weighed (1 to 10)
 * @param percent the share they may hold at most, in percent (50 to 99)
 */
public record Dominance(int n, int percent) {

  public Dominance {
    if (n < 1 || n > 10) {
      throw new IllegalArgumentException("n must be between 1 and 10: " + n);
    }
    if (percent < 50 || percent > 99) {
      throw new IllegalArgumentException("percent must be between 50 and 99: " + percent);
    }
  }

  /**
   * Whether a total of these contributions (one per organisation, none negative) is dominated: its
   * n largest hold more than percent % of it. A total of zero is not (there is nothing to learn); n
   * or fewer contributors to a positive total always are.
   */
  public boolean dominated(long... contributions) {
    long total = 0;
    for (long c : contributions) {
      if (c < 0) {
        throw new IllegalArgumentException("negative contribution: " + c);
      }
      total += c;
    }
    if (total == 0) {
      return false;
    }
    long[] sorted = contributions.clone();
    Arrays.sort(sorted);
    long top = 0;
    for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - n); i--) {
      top += sorted[i];
    }
    // top / total > percent / 100, in integers
    return top * 100 > (long) percent * total;
  }
}

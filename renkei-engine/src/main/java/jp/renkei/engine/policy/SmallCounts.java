package jp.renkei.engine.policy;

/**
 * The small-number rule for every figure that counts organisations other than the viewer's own
 * (exposure figures per sector and per CVE, NOTICE statistics): a figure is shown only when it
 * cannot single out one organisation.
 *
 * <ul>
 *   <li>a total over organisations needs at least {@code k} of them behind it ({@link #enough});
 *   <li>a count of organisations having a property among a population ({@link #shows}) is shown
 *       when none has it among at least k, or at least k have it and at least k do not — "all of
 *       them" or "one of them" would tell something about each or about one.
 * </ul>
 *
 * @param k the smallest group shown (at least 2)
 */
public record SmallCounts(int k) {

  public SmallCounts {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2: " + k);
    }
  }

  /** Whether a total built from {@code organisations} distinct organisations may be shown. */
  public boolean enough(int organisations) {
    return organisations >= k;
  }

  /**
   * Whether "{@code having} of {@code population} organisations" may be shown: none of at least k,
   * or at least k having and at least k not.
   */
  public boolean shows(int having, int population) {
    return having == 0 ? enough(population) : enough(having) && enough(population - having);
  }
}

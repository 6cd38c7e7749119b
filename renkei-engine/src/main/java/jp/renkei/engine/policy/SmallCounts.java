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

  /**
   * Which of a total and its parts may be shown together ("{@code having[i]} of {@code
   * population[i]}" per part, the total their sums).
   *
   * @param total whether the total may be shown
   * @param parts whether each part may be shown
   */
  public record Shown(boolean total, boolean[] parts) {}

  /**
   * Secondary suppression of "having of population" figures that sum to a shown total (a KEV CVE's
   * exposed operators nationally and per sector): the total minus the parts shown is the sum of the
   * parts withheld, so that sum must pass {@link #shows} too. While it does not, one more part is
   * withheld — the one with the fewest having that helps (any population while the withheld sum has
   * none having, having more than none while it has fewer than k, else a population beyond those
   * having: "none of 2" is covered by a sector of nobody exposed). When that would withhold the
   * last shown part having more than none, the total is withheld instead and the parts stay as the
   * first rule left them.
   */
  public Shown withTotal(int[] having, int[] population) {
    if (having.length != population.length) {
      throw new IllegalArgumentException("one population per part");
    }
    int n = having.length;
    boolean[] parts = new boolean[n];
    int allHaving = 0;
    int allPopulation = 0;
    for (int i = 0; i < n; i++) {
      parts[i] = shows(having[i], population[i]);
      allHaving += having[i];
      allPopulation += population[i];
    }
    if (!shows(allHaving, allPopulation)) {
      return new Shown(false, parts);
    }
    boolean[] first = parts.clone();
    while (true) {
      int hiddenHaving = 0;
      int hiddenPopulation = 0;
      int shownWithSome = 0;
      boolean anyHidden = false;
      for (int i = 0; i < n; i++) {
        if (!parts[i]) {
          anyHidden = true;
          hiddenHaving += having[i];
          hiddenPopulation += population[i];
        } else if (having[i] > 0) {
          shownWithSome++;
        }
      }
      if (!anyHidden || shows(hiddenHaving, hiddenPopulation)) {
        return new Shown(true, parts);
      }
      int pick = -1;
      for (int i = 0; i < n; i++) {
        // what the withheld sum lacks: a population (none having), more having, or more without
        boolean helps =
            hiddenHaving == 0
                ? population[i] > 0
                : hiddenHaving < k ? having[i] > 0 : population[i] - having[i] > 0;
        if (parts[i] && helps && (pick < 0 || having[i] < having[pick])) {
          pick = i;
        }
      }
      if (pick < 0 || having[pick] > 0 && shownWithSome <= 1) {
        return new Shown(false, first);
      }
      parts[pick] = false;
    }
  }
}

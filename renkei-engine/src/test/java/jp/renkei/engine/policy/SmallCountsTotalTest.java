package jp.renkei.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Secondary suppression of "having of population" figures and their total, as an adversary who
 * subtracts the parts shown from the total (NISC: a KEV CVE's exposed operators nationally minus
 * the sectors of the advisory draft).
 */
class SmallCountsTotalTest {

  static final SmallCounts K = new SmallCounts(3);

  /** What the adversary recovers: the total minus the parts shown, as (having, population). */
  static int[] recovered(int[] having, int[] population, SmallCounts.Shown s) {
    int h = 0;
    int p = 0;
    for (int i = 0; i < having.length; i++) {
      if (!s.parts()[i]) {
        h += having[i];
        p += population[i];
      }
    }
    return new int[] {h, p};
  }

  @Test
  void theTotalMinusTheShownPartsNeverSinglesOutOne() {
    // energy 5 of 20, finance 1 of 10 (withheld), water 4 of 12: 10 of 42 nationally
    int[] having = {5, 1, 4};
    int[] population = {20, 10, 12};
    SmallCounts.Shown s = K.withTotal(having, population);
    assertThat(s.total()).isTrue();
    assertThat(s.parts()[1]).isFalse();
    // without the second withholding, 10 - 5 - 4 = finance's one operator
    assertThat(s.parts()[2]).as("the smallest other sector goes with it").isFalse();
    assertThat(s.parts()[0]).isTrue();
    int[] r = recovered(having, population, s);
    assertThat(K.shows(r[0], r[1])).as("5 of 22").isTrue();
  }

  @Test
  void whenOnlyTheLastShownPartCouldHideItTheTotalGoesInstead() {
    // 6 of 20 and 1 of 10: hiding the first too would leave nothing but the total
    int[] having = {6, 1};
    int[] population = {20, 10};
    SmallCounts.Shown s = K.withTotal(having, population);
    assertThat(s.total()).isFalse();
    assertThat(s.parts()).containsExactly(true, false);
  }

  @Test
  void aWithheldPartWithNobodyWithoutIsCoveredByAPopulation() {
    // 3 of 3 (everyone: withheld), 4 of 20, 3 of 5 and 0 of 9 nationally 10 of 37
    int[] having = {3, 4, 3, 0};
    int[] population = {3, 20, 5, 9};
    SmallCounts.Shown s = K.withTotal(having, population);
    assertThat(s.total()).isTrue();
    assertThat(s.parts()[0]).isFalse();
    int[] r = recovered(having, population, s);
    assertThat(K.shows(r[0], r[1])).as(r[0] + " of " + r[1]).isTrue();
    assertThat(s.parts()[1]).as("the largest part stays").isTrue();
  }

  @Test
  void noneOfTwoIsCoveredByASectorOfNobodyExposedNotByTheExposedOne() {
    // 3 of 10, none of 2 (withheld: "none of 2" tells each), none of 9: 3 of 21 nationally
    SmallCounts.Shown s = K.withTotal(new int[] {3, 0, 0}, new int[] {10, 2, 9});
    assertThat(s.total()).isTrue();
    assertThat(s.parts()).containsExactly(true, false, false);
  }

  @Test
  void partsThatAllPassNeedNothingMoreAndAFailedTotalChangesNoPart() {
    SmallCounts.Shown all = K.withTotal(new int[] {3, 0, 4}, new int[] {10, 5, 9});
    assertThat(all.total()).isTrue();
    assertThat(all.parts()).containsExactly(true, true, true);
    SmallCounts.Shown none = K.withTotal(new int[] {1, 1}, new int[] {5, 5});
    assertThat(none.total()).as("2 of 10").isFalse();
    assertThat(none.parts()).containsExactly(false, false);
    assertThatThrownBy(() -> K.withTotal(new int[] {1}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

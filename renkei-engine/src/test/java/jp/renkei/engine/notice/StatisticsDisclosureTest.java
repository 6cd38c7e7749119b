package jp.renkei.engine.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.policy.Dominance;
import jp.renkei.engine.policy.SmallCounts;
import org.junit.jupiter.api.Test;

/**
 * The dominance rule and secondary suppression of NOTICE's statistics, as an adversary: an ISP that
 * knows its own figures tries to recover a dominant ISP's figure from a month, from a fiscal year's
 * total minus the months shown, and from the difference of two months; and realistic months (no
 * holder dominating) come out exactly as without any rule.
 */
class StatisticsDisclosureTest {

  static final Dominance RULE = new Dominance(2, 85);
  static final SmallCounts K = new SmallCounts(3);
  static final long A = 1, B = 2, C = 3;

  /** {@code n} notifications to {@code holder} in {@code m}, the first {@code reached} reached. */
  static void notify(MonthlyFigures f, YearMonth m, long holder, int n, int reached) {
    for (int i = 0; i < n; i++) {
      f.notification(m, holder, i < reached ? Outcome.WARNED : null);
    }
  }

  static MonthlyFigures.Row row(MonthlyFigures.Table t, YearMonth m) {
    return t.months().stream().filter(r -> r.month().equals(m)).findFirst().orElseThrow();
  }

  @Test
  void theRuleWeighsTheLargestContributors() {
    assertThat(RULE.dominated(95, 3, 2)).as("one of three holds 95 %").isTrue();
    assertThat(RULE.dominated(80, 10, 10)).as("the two largest hold 90 %").isTrue();
    assertThat(RULE.dominated(40, 35, 25)).isFalse();
    assertThat(RULE.dominated(45, 40, 10, 5)).as("exactly 85 % is not more than 85 %").isFalse();
    assertThat(RULE.dominated(7)).as("a single contributor").isTrue();
    assertThat(RULE.dominated(0, 0, 0)).as("nothing to learn from a total of zero").isFalse();
    assertThat(RULE.dominated()).isFalse();
    assertThat(new Dominance(1, 60).dominated(61, 20, 19)).isTrue();
    assertThatThrownBy(() -> new Dominance(0, 85)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Dominance(2, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RULE.dominated(5, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** One of three ISPs with nearly every notification: three holders pass k, the month does not. */
  @Test
  void aMonthOneIspDominatesIsWithheldThoughThreeHoldersStandBehindIt() {
    MonthlyFigures f = new MonthlyFigures(K, RULE);
    YearMonth may = YearMonth.of(2026, 5);
    f.survey(may, 100_000);
    notify(f, may, A, 95, 90);
    notify(f, may, B, 3, 3);
    notify(f, may, C, 2, 2);
    MonthlyFigures.Table t = f.table();
    MonthlyFigures.Row r = row(t, may);
    // B knows its 3 and guesses C's small share: from a total it would have A's 95 within 2
    assertThat(r.notified()).isNull();
    assertThat(r.reached()).isNull();
    assertThat(r.reachRate()).isNull();
    assertThat(r.withheld()).isTrue();
    assertThat(r.surveyed()).as("the surveyor's own figure").isEqualTo(100_000);
    MonthlyFigures.Year fy = t.years().get(0);
    assertThat(fy.notified()).as("the year is that one month: withheld alike").isNull();
    assertThat(fy.reached()).isNull();
  }

  /**
   * A dominated month between two normal ones: the fiscal year's total minus the months shown would
   * give it, so a second month is withheld with it, and what an adversary recovers (the two months'
   * sum) is itself not dominated: B's best estimate of A's May is off by at least 15 %.
   */
  @Test
  void aYearsTotalMinusTheShownMonthsNeverGivesTheDominatedMonth() {
    MonthlyFigures f = new MonthlyFigures(K, RULE);
    YearMonth apr = YearMonth.of(2026, 4);
    YearMonth may = YearMonth.of(2026, 5);
    YearMonth jun = YearMonth.of(2026, 6);
    Map<YearMonth, long[]> truth = new HashMap<>();
    truth.put(apr, new long[] {30, 30, 30});
    truth.put(may, new long[] {95, 3, 2});
    truth.put(jun, new long[] {40, 30, 30});
    truth.forEach(
        (m, v) -> {
          notify(f, m, A, (int) v[0], 0);
          notify(f, m, B, (int) v[1], 0);
          notify(f, m, C, (int) v[2], 0);
        });
    MonthlyFigures.Table t = f.table();
    MonthlyFigures.Year fy = t.years().get(0);
    assertThat(fy.notified()).as("the headline figure stays").isEqualTo(290);
    assertThat(row(t, may).notified()).isNull();
    long shownSum = 0;
    long bHidden = 0;
    long aHidden = 0;
    int hiddenMonths = 0;
    for (YearMonth m : List.of(apr, may, jun)) {
      Integer n = row(t, m).notified();
      if (n != null) {
        assertThat(n.longValue()).isEqualTo(truth.get(m)[0] + truth.get(m)[1] + truth.get(m)[2]);
        shownSum += n;
      } else {
        hiddenMonths++;
        bHidden += truth.get(m)[1];
        aHidden += truth.get(m)[0];
      }
    }
    assertThat(hiddenMonths).as("a complementary month is withheld with May").isEqualTo(2);
    // the complementary month shows nothing of its own either (reached only where notified is)
    assertThat(row(t, apr).notified()).isNull();
    assertThat(row(t, apr).reached()).isNull();
    assertThat(row(t, apr).remediated()).isNull();
    assertThat(row(t, apr).withheld()).isTrue();
    assertThat(row(t, jun).notified()).as("the larger month stays shown").isEqualTo(100);
    long recovered = fy.notified() - shownSum;
    long estimateOfA = recovered - bHidden;
    assertThat(estimateOfA - truth.get(may)[0])
        .as("B's estimate of A's May")
        .isGreaterThanOrEqualTo(Math.round(0.15 * recovered));
    assertThat(estimateOfA - aHidden).as("nor A's two months within 15 %").isGreaterThan(28);
  }

  /**
   * Two dominated months whose sum is dominated too, and no other month can hide them: the total is
   * withheld rather than every month; "this month minus last month" tells nothing either since
   * months are disjoint and each is judged alone.
   */
  @Test
  void whenOnlyTheWholeYearCouldHideAMonthTheTotalIsWithheld() {
    MonthlyFigures f = new MonthlyFigures(K, RULE);
    YearMonth apr = YearMonth.of(2026, 4);
    YearMonth may = YearMonth.of(2026, 5);
    long d = 4;
    for (long h : List.of(B, C, d)) {
      notify(f, apr, h, 40, 0);
      notify(f, may, h, 2, 0);
    }
    notify(f, apr, A, 10, 0);
    notify(f, may, A, 100, 0);
    MonthlyFigures.Table t = f.table();
    assertThat(row(t, apr).notified()).isEqualTo(130);
    assertThat(row(t, may).notified()).isNull();
    // the year (236, not dominated) minus April would give May: the total goes, April stays
    assertThat(t.years().get(0).notified()).isNull();
    assertThat(t.years().get(0).withheld()).isTrue();
  }

  /** Reached is judged on its own: one ISP reaching nearly every subscriber is not shown. */
  @Test
  void aDominatedReachedFigureIsWithheldWhileNotifiedShows() {
    MonthlyFigures f = new MonthlyFigures(K, RULE);
    YearMonth m = YearMonth.of(2026, 7);
    notify(f, m, A, 40, 38);
    notify(f, m, B, 30, 1);
    notify(f, m, C, 30, 1);
    notify(f, m, 4, 30, 0);
    notify(f, m, 5, 30, 0);
    notify(f, m, 6, 30, 0);
    MonthlyFigures.Row r = row(f.table(), m);
    assertThat(r.notified()).isEqualTo(190);
    assertThat(r.reached()).isNull();
    assertThat(r.reachRate()).isNull();
    assertThat(r.remediated()).as("none of six").isZero();
    assertThat(r.withheld()).isTrue();
  }

  /**
   * The difference of two shown figures is a figure: A notified 200 and reached nobody, B, C and D
   * reached all of their 10, E, F and G none of theirs. Notified (260, the two largest 81 %) and
   * reached (30, three of seven holders, none dominating) each pass, but notified minus reached
   * (230) is A's 200 and E's, F's and G's 10 each: E would read A's 200 off it to within its guess
   * of F's and G's. Reached is withheld, in the month and in the year.
   */
  @Test
  void notifiedMinusReachedNeverGivesTheDominantHolder() {
    MonthlyFigures f = new MonthlyFigures(K, RULE);
    YearMonth m = YearMonth.of(2026, 8);
    notify(f, m, A, 200, 0);
    for (long h : List.of(B, C, 4L)) {
      notify(f, m, h, 10, 10);
    }
    for (long h : List.of(5L, 6L, 7L)) {
      notify(f, m, h, 10, 0);
    }
    MonthlyFigures.Table t = f.table();
    MonthlyFigures.Row r = row(t, m);
    assertThat(r.notified()).isEqualTo(260);
    assertThat(r.reached()).as("260 - 30 = 230, of which A holds 200").isNull();
    assertThat(r.reachRate()).isNull();
    assertThat(r.remediated()).as("none remediated: 260 - 0 is notified itself").isZero();
    assertThat(r.withheld()).isTrue();
    assertThat(t.years().get(0).reached()).isNull();

    // once what did not reach is spread (A 50, B, C, D 20 each, E, F, G 30 each), reached shows
    MonthlyFigures spread = new MonthlyFigures(K, RULE);
    notify(spread, m, A, 200, 150);
    for (long h : List.of(B, C, 4L)) {
      notify(spread, m, h, 40, 20);
    }
    for (long h : List.of(5L, 6L, 7L)) {
      notify(spread, m, h, 30, 0);
    }
    assertThat(row(spread.table(), m).reached()).isEqualTo(210);
  }

  /**
   * Realistic months — twenty ISPs, the largest with about a fifth of the notifications — come out
   * exactly as a holder's unruled sums would: nothing withheld, totals equal the months' sum.
   */
  @Test
  void normalMonthsAreUnchanged() {
    MonthlyFigures ruled = new MonthlyFigures(K, RULE);
    MonthlyFigures plain = new MonthlyFigures(null, null);
    java.util.Random random = new java.util.Random(16);
    for (int month = 1; month <= 12; month++) {
      YearMonth m = YearMonth.of(2025, 10).plusMonths(month);
      ruled.survey(m, 110_000_000L / 12);
      for (long isp = 1; isp <= 20; isp++) {
        int n = (int) (400 / isp) + random.nextInt(20);
        // three ISPs reached nobody: "every ISP reached someone" is withheld by the k rule
        int reached = isp > 17 ? 0 : n * (60 + random.nextInt(30)) / 100;
        for (int i = 0; i < n; i++) {
          Outcome o = i < reached / 2 ? Outcome.REMEDIATED : i < reached ? Outcome.WARNED : null;
          ruled.notification(m, isp, o);
          plain.notification(m, isp, o);
        }
        ruled.isp(m, isp);
      }
    }
    MonthlyFigures.Table t = ruled.table();
    MonthlyFigures.Table p = plain.table();
    assertThat(t.months()).hasSize(12);
    for (int i = 0; i < t.months().size(); i++) {
      MonthlyFigures.Row r = t.months().get(i);
      MonthlyFigures.Row q = p.months().get(i);
      assertThat(r.withheld()).as(r.toString()).isFalse();
      assertThat(r.notified()).isEqualTo(q.notified());
      assertThat(r.reached()).isEqualTo(q.reached());
      assertThat(r.remediated()).isEqualTo(q.remediated());
      assertThat(r.isps()).isEqualTo(20);
    }
    assertThat(t.years()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      MonthlyFigures.Year y = t.years().get(i);
      assertThat(y.withheld()).isFalse();
      assertThat(y.notified()).isEqualTo(p.years().get(i).notified());
      assertThat(y.remediated()).isEqualTo(p.years().get(i).remediated());
    }
    assertThat(t.years().get(0).fiscalYear()).isEqualTo(2026);
    assertThat(t.years().get(1).notified())
        .as("FY2025 is November to March")
        .isEqualTo(
            t.months().stream()
                .filter(r -> MonthlyFigures.fiscalYear(r.month()) == 2025)
                .mapToInt(MonthlyFigures.Row::notified)
                .sum());
  }
}

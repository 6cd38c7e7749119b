package jp.renkei.engine.notice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.renkei.engine.policy.Dominance;
import jp.renkei.engine.policy.SmallCounts;

/**
 * NOTICE's statistics in the shape they are published (総務省・NICT: ISPs participating, addresses
 * surveyed, notified 延べ — every notification counted, the same address again in a later survey too
 * — and remediated), per month and per fiscal year (年度, April to March), with the reach and
 * remediation rates. Fed one survey and one notification at a time; not thread-safe.
 *
 * <p>The national view (figures over other organisations' notifications) obeys two rules, and a
 * figure that fails either is withheld (null), never rounded or shifted:
 *
 * <ul>
 *   <li>the small-number rule ({@link SmallCounts}, the one the exposure figures use): notified
 *       needs at least k holders (ISPs and operators) behind it; reached and remediated need the
 *       holders with such outcomes to number none, or at least k with at least k without;
 *   <li>the dominance rule ({@link Dominance}): a sum is withheld when its n largest holders hold
 *       more than the rule's share of it (a month where one of three ISPs has nearly every
 *       notification). Reached and remediated are shown only where notified is, and only when what
 *       they leave of it (notified minus reached: the notifications that did not reach a
 *       subscriber; reached minus remediated) passes the dominance rule too, since anyone can
 *       subtract two figures shown.
 * </ul>
 *
 * <p><b>Secondary suppression.</b> A fiscal year's total equals the sum of its months, so when a
 * total is shown and some of its months are withheld, their sum is the total minus the shown
 * months. That sum is judged by the same rules over the holders' sums; while it fails, the shown
 * month with the smallest figure of that column is withheld too (complementary suppression), until
 * what can be recomputed passes; when that would hide every month with a figure, the total is
 * withheld instead. A month whose notified is withheld, first or second, shows neither reached nor
 * remediated. Months are disjoint and the figures take no filter, so these are the only sums that
 * overlap. A holder's own view is its own numbers and is never withheld.
 */
public final class MonthlyFigures {

  /**
   * One month's row; a figure is null when not shown (national columns in a holder's own view) or
   * withheld.
   *
   * @param month the month the surveys observed
   * @param isps ISPs participating that month (registered in the range registry), or null
   * @param surveyed addresses surveyed, or null
   * @param notified notifications (延べ), or null when withheld
   * @param reached notifications whose 注意喚起 reached the subscriber, or null
   * @param remediated notifications whose device was fixed, or null
   * @param withheld whether any figure of the row was withheld
   */
  public record Row(
      YearMonth month,
      Integer isps,
      Long surveyed,
      Integer notified,
      Integer reached,
      Integer remediated,
      boolean withheld) {

    /** Share of notifications that reached the subscriber, 0–1, or null when not shown. */
    public Double reachRate() {
      return rate(reached, notified);
    }

    public Double remediationRate() {
      return rate(remediated, notified);
    }
  }

  /**
   * One fiscal year's total (年度: April of {@code fiscalYear} to March of the next), over the months
   * of the table; the same columns and rules as {@link Row}, after secondary suppression.
   *
   * @param fiscalYear the year the fiscal year starts in (FY2026 = 2026-04 to 2027-03)
   * @param isps ISPs participating in any month of it, or null
   */
  public record Year(
      int fiscalYear,
      Integer isps,
      Long surveyed,
      Integer notified,
      Integer reached,
      Integer remediated,
      boolean withheld) {

    public Double reachRate() {
      return rate(reached, notified);
    }

    public Double remediationRate() {
      return rate(remediated, notified);
    }
  }

  /** The months (newest first) and the fiscal years (newest first). */
  public record Table(List<Row> months, List<Year> years) {}

  private static Double rate(Integer part, Integer notified) {
    if (part == null || notified == null) {
      return null;
    }
    return notified == 0 ? 0 : (double) part / notified;
  }

  /** The columns summed over holders: notified, reached, remediated. */
  private static final int NOTIFIED = 0;

  private static final int REACHED = 1;
  private static final int REMEDIATED = 2;

  private static final class Acc {
    final Set<Long> isps = new HashSet<>();
    final Map<Long, long[]> holders = new HashMap<>();
    long surveyed;
  }

  private final Map<YearMonth, Acc> months = new TreeMap<>();
  private final SmallCounts rule;
  private final Dominance dominance;

  /**
   * @param rule the small-number rule of the national view (NISC, the survey operator), which also
   *     shows ISPs and addresses surveyed; null for a holder's own view, which shows only its own
   *     notifications
   * @param dominance the dominance rule of the national view; null for a holder's own view
   */
  public MonthlyFigures(SmallCounts rule, Dominance dominance) {
    if ((rule == null) != (dominance == null)) {
      throw new IllegalArgumentException("the national view needs both rules, one's own neither");
    }
    this.rule = rule;
    this.dominance = dominance;
  }

  public void survey(YearMonth month, long addressesSurveyed) {
    months.computeIfAbsent(month, m -> new Acc()).surveyed += addressesSurveyed;
  }

  /** An ISP participating in a month that has figures (a month without any is not added). */
  public void isp(YearMonth month, long ispId) {
    Acc a = months.get(month);
    if (a != null) {
      a.isps.add(ispId);
    }
  }

  /** The months that have a survey or a notification, oldest first. */
  public Set<YearMonth> months() {
    return Collections.unmodifiableSet(months.keySet());
  }

  /** One notification to {@code holder} with its outcome (null while none is recorded). */
  public void notification(YearMonth month, long holder, Outcome outcome) {
    long[] c =
        months
            .computeIfAbsent(month, m -> new Acc())
            .holders
            .computeIfAbsent(holder, h -> new long[3]);
    c[NOTIFIED]++;
    if (outcome != null && outcome.reached()) {
      c[REACHED]++;
    }
    if (outcome == Outcome.REMEDIATED) {
      c[REMEDIATED]++;
    }
  }

  /** Month rows, newest month first. */
  public List<Row> rows() {
    return table().months();
  }

  /** The month rows and the fiscal-year totals, both after primary and secondary suppression. */
  public Table table() {
    // shown[month][column], primary suppression first
    Map<YearMonth, boolean[]> shown = new HashMap<>();
    months.forEach(
        (m, a) -> {
          boolean[] s = new boolean[3];
          for (int c = 0; c < 3; c++) {
            s[c] = shows(List.of(a), c);
          }
          shown.put(m, s);
        });
    Map<Integer, List<YearMonth>> byYear = new TreeMap<>(Collections.reverseOrder());
    months
        .keySet()
        .forEach(m -> byYear.computeIfAbsent(fiscalYear(m), y -> new ArrayList<>()).add(m));
    List<Year> years = new ArrayList<>();
    byYear.forEach(
        (fy, ms) -> {
          List<Acc> all = ms.stream().map(months::get).toList();
          boolean[] total = new boolean[3];
          for (int c = 0; c < 3; c++) {
            // reached and remediated only where notified is: their difference from it is a
            // figure too, judged only where both are shown
            total[c] =
                (c == NOTIFIED || total[NOTIFIED])
                    && shows(all, c)
                    && suppressComplements(ms, c, shown);
            if (c == NOTIFIED) {
              for (YearMonth m : ms) {
                if (!shown.get(m)[NOTIFIED]) {
                  shown.get(m)[REACHED] = false;
                  shown.get(m)[REMEDIATED] = false;
                }
              }
            }
          }
          Set<Long> isps = new HashSet<>();
          long surveyed = 0;
          for (Acc a : all) {
            isps.addAll(a.isps);
            surveyed += a.surveyed;
          }
          long[] sums = sums(all);
          years.add(
              new Year(
                  fy,
                  rule == null ? null : isps.size(),
                  rule == null ? null : surveyed,
                  total[NOTIFIED] ? (int) sums[NOTIFIED] : null,
                  total[REACHED] ? (int) sums[REACHED] : null,
                  total[REMEDIATED] ? (int) sums[REMEDIATED] : null,
                  !(total[NOTIFIED] && total[REACHED] && total[REMEDIATED])));
        });
    List<Row> rows = new ArrayList<>();
    months.forEach(
        (m, a) -> {
          boolean[] s = shown.get(m);
          long[] sums = sums(List.of(a));
          rows.add(
              new Row(
                  m,
                  rule == null ? null : a.isps.size(),
                  rule == null ? null : a.surveyed,
                  s[NOTIFIED] ? (int) sums[NOTIFIED] : null,
                  s[REACHED] ? (int) sums[REACHED] : null,
                  s[REMEDIATED] ? (int) sums[REMEDIATED] : null,
                  !(s[NOTIFIED] && s[REACHED] && s[REMEDIATED])));
        });
    Collections.reverse(rows);
    return new Table(rows, years);
  }

  /** 年度: April to March, named by the year it starts in. */
  public static int fiscalYear(YearMonth m) {
    return m.getMonthValue() >= 4 ? m.getYear() : m.getYear() - 1;
  }

  /**
   * Withholds further months of a fiscal year whose total of column {@code c} is shown, until the
   * sum of its withheld months (the total minus the shown ones) passes the rules itself. When that
   * would leave no month with a figure above zero shown, the total is withheld instead (one cell
   * rather than a whole year of months) and the months are left as they were.
   *
   * @return whether the total may still be shown
   */
  private boolean suppressComplements(List<YearMonth> ms, int c, Map<YearMonth, boolean[]> shown) {
    List<YearMonth> added = new ArrayList<>();
    while (true) {
      List<Acc> hidden = new ArrayList<>();
      YearMonth smallest = null;
      long smallestValue = Long.MAX_VALUE;
      int withSomething = 0;
      for (YearMonth m : ms) {
        Acc a = months.get(m);
        if (!shown.get(m)[c]) {
          hidden.add(a);
        } else {
          long v = sums(List.of(a))[c];
          // a month of zero adds nothing to what is hidden: only one with something helps
          if (v > 0) {
            withSomething++;
          }
          if (v > 0 && v < smallestValue) {
            smallest = m;
            smallestValue = v;
          }
        }
      }
      if (hidden.isEmpty() || shows(hidden, c)) {
        return true;
      }
      if (withSomething <= 1) {
        // hiding the last month with something would leave the total telling the hidden sum
        added.forEach(m -> shown.get(m)[c] = true);
        return false;
      }
      shown.get(smallest)[c] = false;
      added.add(smallest);
    }
  }

  /** Whether column {@code c} summed over these months may be shown. */
  private boolean shows(Collection<Acc> accs, int c) {
    if (rule == null) {
      return true;
    }
    Map<Long, long[]> holders = new HashMap<>();
    for (Acc a : accs) {
      a.holders.forEach(
          (h, v) -> {
            long[] t = holders.computeIfAbsent(h, x -> new long[3]);
            for (int i = 0; i < 3; i++) {
              t[i] += v[i];
            }
          });
    }
    int population = holders.size();
    if (population == 0) {
      return true;
    }
    boolean notified =
        rule.enough(population) && !dominance.dominated(column(holders.values(), NOTIFIED));
    if (c == NOTIFIED || !notified) {
      return notified;
    }
    long[] part = column(holders.values(), c);
    int having = 0;
    for (long v : part) {
      if (v > 0) {
        having++;
      }
    }
    // notified minus reached (or remediated), and reached minus remediated, are published with
    // them: the holders without are at least k by the first rule, but one of them may hold nearly
    // all of such a difference
    return rule.shows(having, population)
        && !dominance.dominated(part)
        && !dominance.dominated(difference(holders.values(), NOTIFIED, c))
        && (c != REMEDIATED
            || !shows(accs, REACHED)
            || !dominance.dominated(difference(holders.values(), REACHED, c)));
  }

  /** Per holder, column {@code whole} minus column {@code part} (a part of it). */
  private static long[] difference(Collection<long[]> holders, int whole, int part) {
    return holders.stream().mapToLong(v -> v[whole] - v[part]).toArray();
  }

  private static long[] column(Collection<long[]> holders, int c) {
    return holders.stream().mapToLong(v -> v[c]).toArray();
  }

  private static long[] sums(Collection<Acc> accs) {
    long[] t = new long[3];
    for (Acc a : accs) {
      for (long[] v : a.holders.values()) {
        for (int i = 0; i < 3; i++) {
          t[i] += v[i];
        }
      }
    }
    return t;
  }
}

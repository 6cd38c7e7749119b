package jp.renkei.engine.notice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.renkei.engine.policy.SmallCounts;

/**
 * NOTICE's monthly statistics in the shape they are published (総務省・NICT: ISPs participating,
 * addresses surveyed, notified 延べ — every notification counted, the same address again in a later
 * survey too — and remediated), with the reach and remediation rates. Fed one survey and one
 * notification at a time; not thread-safe.
 *
 * <p>The national view (figures over other organisations' notifications) obeys the small-number
 * rule ({@link SmallCounts}, the one the exposure figures use): a month's notification figures are
 * shown only when at least k holders (ISPs and operators) stand behind them, and its reached and
 * remediated figures only when the holders with such outcomes number none or at least k with at
 * least k without — otherwise they are withheld (null), never rounded or shifted. There is no total
 * over months, so a withheld month cannot be recovered by subtraction. A holder's own view is its
 * own numbers and is never withheld.
 */
public final class MonthlyFigures {

  /**
   * One month's row; a figure is null when not shown (national columns in a holder's own view) or
   * withheld by the small-number rule.
   *
   * @param month the month the surveys observed
   * @param isps ISPs with notifications that month, or null
   * @param surveyed addresses surveyed, or null
   * @param notified notifications (延べ), or null when withheld
   * @param reached notifications whose 注意喚起 reached the subscriber, or null
   * @param remediated notifications whose device was fixed, or null
   * @param withheld whether any figure of the row was withheld by the small-number rule
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
      return rate(reached);
    }

    public Double remediationRate() {
      return rate(remediated);
    }

    private Double rate(Integer part) {
      if (part == null || notified == null) {
        return null;
      }
      return notified == 0 ? 0 : (double) part / notified;
    }
  }

  private static final class Acc {
    final Set<Long> isps = new HashSet<>();
    final Set<Long> holders = new HashSet<>();
    final Set<Long> reachedHolders = new HashSet<>();
    final Set<Long> remediatedHolders = new HashSet<>();
    long surveyed;
    int notified;
    int reached;
    int remediated;
  }

  private final Map<YearMonth, Acc> months = new TreeMap<>();
  private final SmallCounts rule;

  /**
   * @param rule the small-number rule of the national view (NISC, the survey operator), which also
   *     shows ISPs and addresses surveyed; null for a holder's own view, which shows only its own
   *     notifications
   */
  public MonthlyFigures(SmallCounts rule) {
    this.rule = rule;
  }

  public void survey(YearMonth month, long addressesSurveyed) {
    months.computeIfAbsent(month, m -> new Acc()).surveyed += addressesSurveyed;
  }

  public void isp(YearMonth month, long ispId) {
    months.computeIfAbsent(month, m -> new Acc()).isps.add(ispId);
  }

  /** One notification to {@code holder} with its outcome (null while none is recorded). */
  public void notification(YearMonth month, long holder, Outcome outcome) {
    Acc a = months.computeIfAbsent(month, m -> new Acc());
    a.notified++;
    a.holders.add(holder);
    if (outcome != null && outcome.reached()) {
      a.reached++;
      a.reachedHolders.add(holder);
    }
    if (outcome == Outcome.REMEDIATED) {
      a.remediated++;
      a.remediatedHolders.add(holder);
    }
  }

  /** Rows, newest month first. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    months.forEach(
        (m, a) -> {
          if (rule == null) {
            out.add(new Row(m, null, null, a.notified, a.reached, a.remediated, false));
            return;
          }
          int holders = a.holders.size();
          boolean none = holders == 0;
          boolean counts = none || rule.enough(holders);
          boolean reached = none || counts && rule.shows(a.reachedHolders.size(), holders);
          boolean remediated = none || counts && rule.shows(a.remediatedHolders.size(), holders);
          out.add(
              new Row(
                  m,
                  counts ? a.isps.size() : null,
                  a.surveyed,
                  counts ? a.notified : null,
                  reached ? a.reached : null,
                  remediated ? a.remediated : null,
                  !(counts && reached && remediated)));
        });
    java.util.Collections.reverse(out);
    return out;
  }
}

package jp.renkei.engine.notice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * NOTICE's monthly statistics in the shape they are published (総務省・NICT: ISPs participating,
 * addresses surveyed, notified 延べ — every notification counted, the same address again in a later
 * survey too — and remediated), with the reach and remediation rates. Fed one survey and one
 * notification at a time; not thread-safe.
 */
public final class MonthlyFigures {

  /**
   * One month's row.
   *
   * @param month the month the surveys observed
   * @param isps ISPs participating: holding ranges in the registry, or null when not shown
   * @param surveyed addresses surveyed, or null when not shown
   * @param notified notifications (延べ)
   * @param reached notifications whose 注意喚起 reached the subscriber
   * @param remediated notifications whose device was fixed
   */
  public record Row(
      YearMonth month, Integer isps, Long surveyed, int notified, int reached, int remediated) {

    /** Share of notifications that reached the subscriber, 0–1 (0 when nothing was notified). */
    public double reachRate() {
      return notified == 0 ? 0 : (double) reached / notified;
    }

    public double remediationRate() {
      return notified == 0 ? 0 : (double) remediated / notified;
    }
  }

  private static final class Acc {
    final Set<Long> isps = new HashSet<>();
    long surveyed;
    int notified;
    int reached;
    int remediated;
  }

  private final Map<YearMonth, Acc> months = new TreeMap<>();
  private final boolean national;

  /**
   * @param national whether ISPs and addresses surveyed are shown (the national view: NISC, the
   *     survey operator); an ISP's own view shows only its notifications
   */
  public MonthlyFigures(boolean national) {
    this.national = national;
  }

  public void survey(YearMonth month, long addressesSurveyed) {
    months.computeIfAbsent(month, m -> new Acc()).surveyed += addressesSurveyed;
  }

  public void isp(YearMonth month, long ispId) {
    months.computeIfAbsent(month, m -> new Acc()).isps.add(ispId);
  }

  public void notification(YearMonth month, Outcome outcome) {
    Acc a = months.computeIfAbsent(month, m -> new Acc());
    a.notified++;
    if (outcome != null && outcome.reached()) {
      a.reached++;
    }
    if (outcome == Outcome.REMEDIATED) {
      a.remediated++;
    }
  }

  /** Rows, newest month first. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    months.forEach(
        (m, a) ->
            out.add(
                new Row(
                    m,
                    national ? a.isps.size() : null,
                    national ? a.surveyed : null,
                    a.notified,
                    a.reached,
                    a.remediated)));
    java.util.Collections.reverse(out);
    return out;
  }
}

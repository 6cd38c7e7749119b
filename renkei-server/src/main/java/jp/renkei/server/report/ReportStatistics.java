package jp.renkei.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of the reports one viewer may see, per Japanese fiscal quarter (年度, April to March) of
 * their detection, as NISC tabulates them: by sector, by 事象の類型, by 原因の類型 (a report counts once for
 * each cause it names), and the time from 認知 to NISC receipt.
 */
public record ReportStatistics(
    List<String> quarters,
    Table bySector,
    Table byIncidentType,
    Table byCause,
    List<Latency> latency,
    long open,
    long total,
    List<Point> byMonth) {

  /** Reports detected in one month ({@code 2026-11}, Japan time): the series over time. */
  public record Point(String month, long reports) {}

  /** The largest monthly count (0 when there is none), to scale the series chart. */
  public long maxMonth() {
    return byMonth.stream().mapToLong(Point::reports).max().orElse(0);
  }

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** One table: a row per code, a count per quarter. */
  public record Table(List<Row> rows) {
    public long max() {
      return rows.stream().mapToLong(Row::total).max().orElse(0);
    }
  }

  public record Row(String code, List<Long> counts, long total) {}

  /**
   * Time from detection to NISC receipt in one quarter (minutes), over the reports that got there.
   */
  public record Latency(String quarter, long reports, Long medianMinutes, Long p90Minutes) {}

  /** "2026年度Q3" for 2026-10..12; January to March belong to the previous fiscal year's Q4. */
  static String quarter(Instant t) {
    ZonedDateTime z = t.atZone(JST);
    int month = z.getMonthValue();
    int fiscalYear = month >= 4 ? z.getYear() : z.getYear() - 1;
    int q = ((month - 4 + 12) % 12) / 3 + 1;
    return fiscalYear + "年度Q" + q;
  }

  static final class Builder {
    private final TreeSet<String> quarters = new TreeSet<>();
    private final Map<String, Map<String, Long>> sector = new TreeMap<>();
    private final Map<String, Map<String, Long>> incident = new TreeMap<>();
    private final Map<String, Map<String, Long>> cause = new TreeMap<>();
    private final Map<String, List<Long>> minutes = new TreeMap<>();
    private final TreeMap<java.time.YearMonth, Long> months = new TreeMap<>();
    private long open;
    private long total;

    void add(
        String sectorCode,
        String incidentType,
        List<String> causes,
        Instant detectedAt,
        Instant atNisc,
        boolean isOpen) {
      String q = quarter(detectedAt);
      quarters.add(q);
      count(sector, sectorCode, q);
      count(incident, incidentType, q);
      for (String c : causes) {
        count(cause, c, q);
      }
      if (atNisc != null) {
        minutes
            .computeIfAbsent(q, k -> new ArrayList<>())
            .add(Duration.between(detectedAt, atNisc).toMinutes());
      }
      months.merge(java.time.YearMonth.from(detectedAt.atZone(JST)), 1L, Long::sum);
      total++;
      if (isOpen) {
        open++;
      }
    }

    private static void count(Map<String, Map<String, Long>> table, String code, String q) {
      table.computeIfAbsent(code, k -> new TreeMap<>()).merge(q, 1L, Long::sum);
    }

    ReportStatistics build() {
      List<String> qs = List.copyOf(quarters);
      List<Latency> latency = new ArrayList<>();
      for (String q : qs) {
        List<Long> m = new ArrayList<>(minutes.getOrDefault(q, List.of()));
        Collections.sort(m);
        latency.add(
            new Latency(
                q,
                m.size(),
                m.isEmpty() ? null : m.get(m.size() / 2),
                m.isEmpty()
                    ? null
                    : m.get(Math.min(m.size() - 1, (int) Math.ceil(m.size() * 0.9) - 1))));
      }
      // every month from the first to the last, the empty ones included, so the series has no gaps
      List<Point> series = new ArrayList<>();
      if (!months.isEmpty()) {
        for (java.time.YearMonth m = months.firstKey();
            !m.isAfter(months.lastKey());
            m = m.plusMonths(1)) {
          series.add(new Point(m.toString(), months.getOrDefault(m, 0L)));
        }
      }
      return new ReportStatistics(
          qs,
          table(sector, qs),
          table(incident, qs),
          table(cause, qs),
          latency,
          open,
          total,
          series);
    }

    private static Table table(Map<String, Map<String, Long>> t, List<String> qs) {
      List<Row> rows = new ArrayList<>();
      t.forEach(
          (code, byQ) ->
              rows.add(
                  new Row(
                      code,
                      qs.stream().map(q -> byQ.getOrDefault(q, 0L)).toList(),
                      byQ.values().stream().mapToLong(Long::longValue).sum())));
      rows.sort((a, b) -> Long.compare(b.total(), a.total()));
      return new Table(rows);
    }
  }
}

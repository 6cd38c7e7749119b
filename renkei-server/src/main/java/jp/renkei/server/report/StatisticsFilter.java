package jp.renkei.server.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Narrows the statistics to a period of detection (Japan dates, both ends included, either open)
 * and one sector. It only ever removes reports from those the viewer may see: it is applied inside
 * {@link ReportService#statistics(jp.renkei.server.audit.Actor, StatisticsFilter)}, after the
 * visibility check.
 */
public record StatisticsFilter(LocalDate from, LocalDate to, String sector) {

  public static final StatisticsFilter NONE = new StatisticsFilter(null, null, null);

  public StatisticsFilter {
    sector = sector == null || sector.isBlank() ? null : sector.strip();
  }

  boolean accepts(String sectorCode, Instant detectedAt) {
    if (sector != null && !sector.equals(sectorCode)) {
      return false;
    }
    LocalDate day = detectedAt.atZone(ReportStatistics.JST).toLocalDate();
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  public boolean isEmpty() {
    return from == null && to == null && sector == null;
  }
}

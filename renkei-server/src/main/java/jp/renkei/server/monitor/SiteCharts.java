package jp.renkei.server.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.monitor.Baseline;
import jp.renkei.engine.monitor.SeasonalBand;
import org.springframework.stereotype.Component;

/**
 * A site's two charts as the site page shows them — the last six hours of the hub's results with
 * the site's own normal band, and thirty days of hourly rollups with the weekly seasonal band once
 * three weeks exist — built once for the page and for the 第一報 draft that attaches them. Callers
 * have already judged that the viewer may see the site's details.
 */
@Component
class SiteCharts {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /** The charts and what they were drawn from. */
  record Charts(
      List<MonitorService.ResultPoint> recent,
      String recentSvg,
      Baseline baseline,
      SeasonalBand.Band seasonal,
      String monthSvg,
      int monthHours) {}

  private final MonitorService monitor;

  SiteCharts(MonitorService monitor) {
    this.monitor = monitor;
  }

  Charts of(Site s, Instant now) {
    List<MonitorService.ResultPoint> recent =
        monitor.results(s, now.minus(Duration.ofHours(6)), 2000);
    Baseline total = new Baseline();
    List<PhaseChart.Point> points = new ArrayList<>();
    for (int i = recent.size() - 1; i >= 0; i--) {
      MonitorService.ResultPoint r = recent.get(i);
      if (!"hub".equals(r.vantage())) {
        continue;
      }
      points.add(
          new PhaseChart.Point(
              r.at(),
              r.dnsMs(),
              r.connectMs(),
              r.tlsMs(),
              r.ttfbMs(),
              r.transferMs(),
              r.ok() ? r.totalMs() : null));
      if ("up".equals(r.judged()) && r.totalMs() != null) {
        total.learn(r.totalMs());
      }
    }
    PhaseChart.Band band =
        total.ready() ? new PhaseChart.Band(total.median(), total.upper()) : PhaseChart.Band.NONE;
    String recentSvg = PhaseChart.svg(points, band);
    Instant monthAgo = now.minus(Duration.ofDays(30));
    List<PhaseChart.Point> hourly = new ArrayList<>();
    List<SeasonalBand.Hourly> history = new ArrayList<>();
    for (MonitorService.RollupPoint r : monitor.hubRollups(s, now.minus(Duration.ofDays(35)))) {
      if (r.totalMs() != null) {
        history.add(new SeasonalBand.Hourly(r.hour(), r.totalMs()));
      }
      if (!r.hour().isBefore(monthAgo)) {
        hourly.add(
            new PhaseChart.Point(
                r.hour(),
                r.dnsMs(),
                r.connectMs(),
                r.tlsMs(),
                r.ttfbMs(),
                r.transferMs(),
                r.totalMs()));
      }
    }
    var seasonal = SeasonalBand.of(history, JST, 3).flatMap(b -> b.at(now));
    String monthSvg =
        PhaseChart.svg(
            hourly, seasonal.map(b -> new PhaseChart.Band(b.low(), b.high())).orElse(band));
    return new Charts(
        recent,
        recentSvg,
        total.ready() ? total : null,
        seasonal.orElse(null),
        monthSvg,
        hourly.size());
  }
}

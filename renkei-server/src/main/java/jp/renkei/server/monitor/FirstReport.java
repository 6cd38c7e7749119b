package jp.renkei.server.monitor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportAttachments;
import jp.renkei.server.report.ReportContent;
import jp.renkei.server.report.ReportFilingService;
import org.springframework.stereotype.Component;

/**
 * A 第一報 draft prefilled from an alert of the reporter's own site: what (down, slow, certificate),
 * since when, from where (the vantage points' agreement), a link to the site's charts, the site's
 * host as an observable, and the two charts of the site page (six hours with its normal band,
 * thirty days with its seasonal band) attached as SVG files. Filed by the report service as a draft
 * the owner completes and submits: nothing leaves the organisation until then.
 */
@Component
class FirstReport {

  private final ReportFilingService filing;
  private final ReportAttachments attachments;
  private final SiteCharts charts;

  FirstReport(ReportFilingService filing, ReportAttachments attachments, SiteCharts charts) {
    this.filing = filing;
    this.attachments = attachments;
    this.charts = charts;
  }

  long draft(Actor actor, Site s, MonitorAlerts.Alert a) {
    if (actor.organisationId() == null || actor.organisationId() != s.organisationId()) {
      throw new Forbidden("error.forbidden");
    }
    String what =
        switch (a.kind()) {
          case "down" -> "ウェブサイト停止";
          case "slow" -> "ウェブサイト応答遅延";
          default -> "サーバ証明書の期限切れ間近";
        };
    String summary =
        what
            + ": "
            + s.name()
            + " ("
            + s.url()
            + ")\n"
            + "発生 (監視で検知): "
            + a.raisedAt()
            + "\n"
            + "観測: "
            + a.detail()
            + "\n"
            + "応答時間の推移 (各フェーズと平常時の幅): /monitor/sites/"
            + s.id()
            + "\n"
            + "同じ時間帯の他の事業者のサイトの状況: /monitor\n";
    ReportContent content =
        new ReportContent(
            what + ": " + s.name(),
            summary,
            a.raisedAt(),
            Instant.now().isBefore(a.raisedAt()) ? a.raisedAt() : Instant.now(),
            "down".equals(a.kind()) ? "unavailability" : "precursor",
            List.of("unknown"),
            "down".equals(a.kind()) ? "yes" : "unknown",
            "level2",
            null,
            "unknown",
            null,
            "case3",
            null,
            null,
            null,
            null,
            List.of(ReportContent.ObservableEntry.entered("url", s.url())));
    long report =
        filing.create(
            actor,
            new NewReport(
                content,
                "hotline",
                null,
                false,
                "amber_strict",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            false);
    // the graphs go with the draft as files, as the site page draws them now: the owner sees what
    // it attaches and may remove them before submitting
    SiteCharts.Charts c = charts.of(s, Instant.now());
    String stem = "site-" + s.id() + "-" + a.kind();
    attachments.upload(
        actor, report, stem + "-6h.svg", c.recentSvg().getBytes(StandardCharsets.UTF_8));
    attachments.upload(
        actor, report, stem + "-30d.svg", c.monthSvg().getBytes(StandardCharsets.UTF_8));
    return report;
  }
}

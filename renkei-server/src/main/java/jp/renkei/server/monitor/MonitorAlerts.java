package jp.renkei.server.monitor;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.monitor.Hysteresis;
import jp.renkei.engine.monitor.SiteWatch;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts as stored: raised and cleared by the runtime, listed in the owner's (and, when it shares
 * its details with them, the coordinators') monitor inbox, and queued for e-mail and webhook
 * delivery to exactly the organisations of the site's detail audience.
 */
@Component
class MonitorAlerts {

  /** An alert as listed. */
  record Alert(
      long id,
      long siteId,
      String siteName,
      String kind,
      Instant raisedAt,
      Instant clearedAt,
      String detail) {}

  private final JdbcClient jdbc;
  private final SiteRepository sites;

  MonitorAlerts(JdbcClient jdbc, SiteRepository sites) {
    this.jdbc = jdbc;
    this.sites = sites;
  }

  List<String> openKinds(long siteId) {
    return jdbc.sql("select kind from monitor_alert where site_id = ? and cleared_at is null")
        .param(siteId)
        .query(String.class)
        .list();
  }

  @Transactional
  void apply(long siteId, SiteWatch.Alert a, String error, Instant certNotAfter) {
    String kind = a.kind().name().toLowerCase(Locale.ROOT);
    Optional<Long> id;
    if (a.change() == Hysteresis.Change.RAISED) {
      id =
          jdbc.sql(
                  "insert into monitor_alert (site_id, kind, raised_at, detail) values (?,?,?,?)"
                      + " on conflict (site_id, kind) where cleared_at is null do nothing"
                      + " returning id")
              .params(siteId, kind, Rows.utc(a.at()), detail(a, error, certNotAfter))
              .query(Long.class)
              .optional();
    } else {
      id =
          jdbc.sql(
                  "update monitor_alert set cleared_at = ? where site_id = ? and kind = ?"
                      + " and cleared_at is null returning id")
              .params(Rows.utc(a.at()), siteId, kind)
              .query(Long.class)
              .optional();
    }
    id.ifPresent(alertId -> queue(alertId, siteId, a.change() == Hysteresis.Change.RAISED));
  }

  private static String detail(SiteWatch.Alert a, String error, Instant certNotAfter) {
    var v = a.verdict();
    String d =
        switch (a.kind()) {
          case DOWN ->
              v.down() + "/" + v.active() + " vantage points" + (error == null ? "" : "; " + error);
          case SLOW ->
              v.degraded() + "/" + v.active() + " vantage points slow against the baseline";
          case CERT_EXPIRY -> "certificate expires " + certNotAfter;
        };
    return d.length() > 1000 ? d.substring(0, 1000) : d;
  }

  /** E-mail and webhook to the owner and the coordinators addressed with the details. */
  private void queue(long alertId, long siteId, boolean raised) {
    Site s = sites.byId(siteId).orElseThrow();
    Set<Long> to = new LinkedHashSet<>();
    to.add(s.organisationId());
    to.addAll(s.sharing().detailAudience().recipientOrganisations());
    for (long org : to) {
      jdbc.sql(
              "insert into monitor_delivery (alert_id, organisation_id, change, channel, target)"
                  + " select ?, o.id, ?, 'email', o.duty_email from organisation o"
                  + " where o.id = ? and o.active and o.duty_email is not null"
                  + " union all select ?, o.id, ?, 'webhook', o.webhook_url from organisation o"
                  + " where o.id = ? and o.active and o.webhook_url is not null and o.id = ?")
          .params(
              alertId,
              raised ? "raised" : "cleared",
              org,
              alertId,
              raised ? "raised" : "cleared",
              org,
              s.organisationId())
          .update();
    }
  }

  /** The alerts of the given sites, newest first. */
  List<Alert> ofSites(Set<Long> siteIds, int limit) {
    if (siteIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select a.id, a.site_id, s.name as site_name, a.kind, a.raised_at, a.cleared_at,"
                + " a.detail from monitor_alert a join monitor_site s on s.id = a.site_id"
                + " where a.site_id = any(?) order by a.raised_at desc, a.id desc limit ?")
        .params(siteIds.toArray(Long[]::new), limit)
        .query(Rows.of(Alert.class))
        .list();
  }

  Optional<Alert> byId(long id) {
    return jdbc.sql(
            "select a.id, a.site_id, s.name as site_name, a.kind, a.raised_at, a.cleared_at,"
                + " a.detail from monitor_alert a join monitor_site s on s.id = a.site_id"
                + " where a.id = ?")
        .param(id)
        .query(Rows.of(Alert.class))
        .optional();
  }
}

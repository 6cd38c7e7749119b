package jp.renkei.server.monitor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import jp.renkei.engine.monitor.Baseline;
import jp.renkei.engine.monitor.Consensus;
import jp.renkei.engine.monitor.Observation;
import jp.renkei.engine.monitor.Phase;
import jp.renkei.engine.monitor.SiteWatch;
import jp.renkei.server.config.MonitorProperties;
import jp.renkei.server.outbound.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live side of the monitor: the hub's own probe schedule, and the judgement of every result —
 * the hub's and the probe agents' — against each site's baselines, the vantage points' consensus
 * and the alerts' hysteresis, held in memory per site (rebuilt from stored results at start).
 * Results go to the database in batches; state changes and alerts are written as they happen.
 */
@Component
@ConditionalOnWebApplication
public class MonitorRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MonitorRuntime.class);

  /** What the runtime holds per site. */
  private static final class Live {
    final HttpProbe.Target target;
    final int intervalSeconds;
    final SiteWatch watch;
    String state;

    /** Whether any vantage point has had an answer from the site since it was loaded. */
    boolean answered;

    Live(HttpProbe.Target target, int intervalSeconds, SiteWatch watch, String state) {
      this.target = target;
      this.intervalSeconds = intervalSeconds;
      this.watch = watch;
      this.state = state;
    }
  }

  private final MonitorProperties props;
  private final SiteRepository sites;
  private final MonitorAlerts alerts;
  private final MonitorRetention retention;
  private final JdbcClient jdbc;
  private final HttpProbe probe;
  private final OutboundHttp guard;
  private final ResultWriter writer;
  private final DegradedHours degradedHours;
  private final Map<Long, Live> live = new ConcurrentHashMap<>();
  private final long hubVantage;
  private volatile ProbeScheduler scheduler;

  /** The sites the hub itself probes: null for all (the default), else exactly these. */
  private volatile Set<Long> hubSites;

  MonitorRuntime(
      MonitorProperties props,
      SiteRepository sites,
      MonitorAlerts alerts,
      MonitorRetention retention,
      JdbcClient jdbc,
      JdbcTemplate template,
      OutboundHttp guard,
      DegradedHours degradedHours) {
    this.props = props;
    this.degradedHours = degradedHours;
    this.sites = sites;
    this.alerts = alerts;
    this.retention = retention;
    this.jdbc = jdbc;
    this.guard = guard;
    this.probe = HttpProbe.guarded(guard, props.timeout());
    this.writer = new ResultWriter(template, 50_000);
    this.hubVantage =
        jdbc.sql("select id from monitor_vantage where code = 'hub'").query(Long.class).single();
  }

  SiteWatch.Settings settings() {
    return new SiteWatch.Settings(
        Baseline.Tuning.DEFAULT,
        new Consensus.Rule(props.quorum(), props.sustain(), props.stale()),
        props.raiseAfter(),
        props.clearAfter(),
        props.certWarning());
  }

  long hubVantage() {
    return hubVantage;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    retention.preparePartitions();
    hubSites = readHubSites();
    for (Site s : sites.enabled()) {
      load(s);
    }
    rebuildBaselines();
    if (props.enabled()) {
      scheduler =
          new ProbeScheduler(
              props.threads(), props.maxThreads(), props.queueCapacity(), this::probeNow);
      for (Site s : sites.enabled()) {
        schedule(s);
      }
    }
  }

  /** Which sites the hub probes, as its vantage point's assignment says. */
  private Set<Long> readHubSites() {
    boolean all =
        jdbc.sql("select all_sites from monitor_vantage where id = ?")
            .param(hubVantage)
            .query(Boolean.class)
            .single();
    return all
        ? null
        : Set.copyOf(
            jdbc.sql("select site_id from monitor_vantage_site where vantage_id = ?")
                .param(hubVantage)
                .query(Long.class)
                .list());
  }

  /** Whether the hub itself probes the site. */
  boolean hubProbes(long siteId) {
    Set<Long> only = hubSites;
    return only == null || only.contains(siteId);
  }

  /** After the hub's assignment changed: its own probes start or stop to match. */
  void hubAssignmentChanged() {
    hubSites = readHubSites();
    ProbeScheduler sch = scheduler;
    if (sch == null) {
      return;
    }
    for (Site s : sites.enabled()) {
      if (hubProbes(s.id())) {
        if (!sch.has(s.id())) {
          schedule(s);
        }
      } else {
        sch.cancel(s.id());
      }
    }
  }

  private void schedule(Site s) {
    ProbeScheduler sch = scheduler;
    if (sch != null && !hubProbes(s.id())) {
      sch.cancel(s.id());
      return;
    }
    if (sch != null) {
      long interval = s.intervalSeconds() * 1000L;
      sch.schedule(s.id(), interval, ThreadLocalRandom.current().nextLong(interval));
    }
  }

  private Live load(Site s) {
    Set<SiteWatch.Kind> open = EnumSet.noneOf(SiteWatch.Kind.class);
    for (String k : alerts.openKinds(s.id())) {
      open.add(SiteWatch.Kind.valueOf(k.toUpperCase(java.util.Locale.ROOT)));
    }
    Live l =
        new Live(
            new HttpProbe.Target(URI.create(s.url()), s.expectedStatus(), s.expectedText()),
            s.intervalSeconds(),
            new SiteWatch(settings(), open),
            s.state());
    live.put(s.id(), l);
    return l;
  }

  private void rebuildBaselines() {
    jdbc.sql(
            "select site_id, vantage_id, total_ms from (select site_id, vantage_id, at, total_ms,"
                + " row_number() over (partition by site_id, vantage_id order by at desc) rn"
                + " from monitor_result where at > now() - interval '1 day' and judged = 'up'"
                + " and total_ms is not null) r where rn <= 120 order by at")
        .query(
            rs -> {
              Live l = live.get(rs.getLong(1));
              if (l != null) {
                synchronized (l) {
                  l.watch.learn(rs.getLong(2), Phase.TOTAL, rs.getFloat(3));
                }
              }
            });
  }

  /** After a site was registered, changed, enabled or disabled. */
  void refresh(long siteId) {
    Site s = sites.byId(siteId).orElse(null);
    if (s == null || !s.enabled()) {
      live.remove(siteId);
      if (scheduler != null) {
        scheduler.cancel(siteId);
      }
      return;
    }
    load(s);
    schedule(s);
  }

  /** Probes one site now from the hub, with retries, and records the result. */
  void probeNow(long siteId) {
    Live l = live.get(siteId);
    if (l == null) {
      return;
    }
    HttpProbe.Attempts a =
        probe.probe(
            l.target,
            props.retries(),
            HttpProbe.attemptTimeout(props.timeout(), l.intervalSeconds, props.retries()));
    record(siteId, hubVantage, a.result(), a.attempts(), a.error());
  }

  /** The sites a vantage point probes, with what counts as up. */
  List<Site> assignments() {
    return sites.enabled().stream().filter(s -> live.containsKey(s.id())).toList();
  }

  /**
   * Judges and records one result of a vantage point.
   *
   * @return false when the site is not monitored (unknown or disabled)
   */
  boolean record(long siteId, long vantage, HttpProbe.Result r, int attempts, String error) {
    Live l = live.get(siteId);
    if (l == null) {
      return false;
    }
    Observation.State judged;
    List<SiteWatch.Alert> changes;
    Consensus.Verdict verdict;
    String newState = null;
    synchronized (l) {
      judged =
          l.watch.observe(
              new SiteWatch.Probe(vantage, r.at(), r.ok(), r.millis(), r.certNotAfter()));
      Instant now = r.at();
      changes = l.watch.evaluate(now);
      verdict = l.watch.verdict(now);
      String state = verdict.state().name().toLowerCase(java.util.Locale.ROOT);
      l.answered |= r.ok();
      if (state.equals("up") && !l.answered && "unknown".equals(l.state)) {
        // a site that has never answered (an unknown host, a refused connection) is not "up"
        // while its failures are not yet sustained long enough to call it down
        state = "unknown";
      }
      if (!state.equals(l.state)) {
        l.state = state;
        newState = state;
      }
    }
    Map<Phase, Double> m = r.millis();
    writer.add(
        new ResultWriter.Row(
            siteId,
            vantage,
            r.at(),
            r.ok(),
            judged.name().toLowerCase(java.util.Locale.ROOT),
            r.status(),
            m.get(Phase.DNS),
            m.get(Phase.CONNECT),
            m.get(Phase.TLS),
            m.get(Phase.TTFB),
            m.get(Phase.TRANSFER),
            m.get(Phase.TOTAL),
            attempts,
            error,
            r.certNotAfter()));
    try {
      if (newState != null) {
        sites.changeState(siteId, newState, verdict.regional(), r.at());
        degradedHours.changed(siteId, newState, r.at());
      }
      for (SiteWatch.Alert a : changes) {
        alerts.apply(siteId, a, error, l.watch.certNotAfter());
      }
    } catch (RuntimeException e) {
      log.warn("State or alert of site {} not stored: {}", siteId, e.getClass().getSimpleName());
    }
    return true;
  }

  /** Waits until the results recorded so far are stored (tests). */
  void flush() {
    writer.flush(10_000);
  }

  ProbeScheduler.Stats schedulerStats() {
    ProbeScheduler s = scheduler;
    return s == null ? null : s.stats();
  }

  /** The baseline of the total time of a site from the hub, for the site page; may be null. */
  Map<String, Double> liveBaseline(long siteId) {
    Live l = live.get(siteId);
    if (l == null) {
      return Map.of();
    }
    synchronized (l) {
      Baseline b = l.watch.baseline(hubVantage, Phase.TOTAL);
      if (b == null || !b.ready()) {
        return Map.of();
      }
      Map<String, Double> out = new HashMap<>();
      out.put("median", b.median());
      out.put("upper", b.upper());
      out.put("ewma", b.ewma());
      return out;
    }
  }

  Duration timeout() {
    return props.timeout();
  }

  OutboundHttp guard() {
    return guard;
  }

  @Override
  public void close() {
    ProbeScheduler s = scheduler;
    if (s != null) {
      s.close();
    }
    writer.close();
  }
}

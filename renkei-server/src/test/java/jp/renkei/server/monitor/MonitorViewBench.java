package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 17's view timings, not part of the normal build: with 10,000 registered sites of 500
 * operators in 15 sectors and 30 days of hourly rollups for each (7.2 million rows, seeded in SQL),
 * times the monitor page (site list and sector view with its 24-hour heat map), the site API list
 * and a site's page (6-hour raw chart and 30-day rollup chart) over HTTP, signed in, against the
 * bare database reads those pages start from as the baseline in the same run (all sites' rows; one
 * site's 720 rollups). Run with {@code -Dit.test=MonitorViewBench} (see docs/benchmarks.md).
 */
@TestPropertySource(properties = {"renkei.monitor.enabled=false"})
class MonitorViewBench extends ServerTest {

  static final int SITES = Integer.getInteger("bench.sites", 10_000);
  static final int ORGS = 500;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
  static final int WARMUP = Integer.getInteger("bench.warmup", 3);

  @Autowired JdbcClient jdbc;
  @Autowired MonitorService monitor;
  @Autowired SiteRepository sites;
  @Autowired DegradedHours degradedHours;

  @Test
  void views() {
    long t0 = System.nanoTime();
    seed();
    System.out.printf(
        "BENCH seeded %d sites, %d rollups, %d state changes in %.1f s%n",
        count("monitor_site"),
        count("monitor_rollup"),
        count("monitor_state_change"),
        (System.nanoTime() - t0) / 1e9);
    UserAccount analyst = fixtures.user("mbench-op-1", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    long own =
        jdbc.sql(
                "select min(s.id) from monitor_site s join organisation o on o.id = s.organisation_id"
                    + " where o.code = 'mbench-op-1'")
            .query(Long.class)
            .single();
    seedRaw(own);
    for (UserAccount viewer : new UserAccount[] {analyst, nisc}) {
      Http h = http();
      h.signIn(viewer.login(), Fixtures.PASSWORD);
      Actor actor = fixtures.actor(viewer);
      String who = viewer == analyst ? "operator analyst" : "NISC analyst";
      assertThat(h.get("/monitor").statusCode()).isEqualTo(200);
      time(who, "baseline: all sites' rows (SiteRepository.all)", () -> sites.all().size());
      time(who, "in-process: visible(actor)", () -> monitor.visible(actor).size());
      time(who, "in-process: walk(actor) (keys only)", () -> monitor.walk(actor).size());
      time(who, "in-process: sectors(actor)", () -> monitor.sectors(actor).counts().size());
      if (viewer == analyst) {
        // what sectors() read on every request before monitor4 (now once a minute, and when
        // the hour turns)
        time(
            "any viewer",
            "previous per-request read: 30 days of state changes (DegradedHours.read)",
            () ->
                degradedHours
                    .read(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS))
                    .masks()
                    .size());
      }
      time(who, "GET /monitor (list + sector view)", () -> ok(h.get("/monitor")));
      time(
          who,
          "GET /api/v1/monitor/sites (first page, 50)",
          () -> ok(h.get("/api/v1/monitor/sites")));
      time(
          who,
          "GET /api/v1/monitor/sites?offset=2000&limit=500 (largest page)",
          () -> ok(h.get("/api/v1/monitor/sites?offset=2000&limit=500")));
      time(who, "GET /monitor?offset=2000 (a later page)", () -> ok(h.get("/monitor?offset=2000")));
    }
    Http h = http();
    h.signIn(analyst.login(), Fixtures.PASSWORD);
    Site s = sites.byId(own).orElseThrow();
    time(
        "operator analyst",
        "baseline: one site's 30-day rollups (720 rows)",
        () -> monitor.rollups(s, Instant.now().minus(Duration.ofDays(30))).size());
    time(
        "operator analyst",
        "previous mapping: the same 720 rollups through Rows.of (DataClassRowMapper)",
        () ->
            jdbc.sql(
                    "select r.hour, v.code as vantage, r.probes, r.failures, r.slow, r.dns_ms,"
                        + " r.connect_ms, r.tls_ms, r.ttfb_ms, r.transfer_ms, r.total_ms,"
                        + " r.total_p95 from monitor_rollup r join monitor_vantage v on v.id ="
                        + " r.vantage_id where r.site_id = ? and r.hour >= ? order by r.hour")
                .params(
                    s.id(),
                    jp.renkei.server.database.Rows.utc(Instant.now().minus(Duration.ofDays(30))))
                .query(jp.renkei.server.database.Rows.of(MonitorService.RollupPoint.class))
                .list()
                .size());
    time(
        "operator analyst",
        "GET /monitor/sites/{id} (6 h + 30-day charts)",
        () -> ok(h.get("/monitor/sites/" + own)));
  }

  static int ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body().length();
  }

  void time(String who, String what, Supplier<Integer> call) {
    for (int i = 0; i < WARMUP; i++) {
      call.get();
    }
    double[] ms = new double[ROUNDS];
    int size = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long s = System.nanoTime();
      size = call.get();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "BENCH | %s | %s | %.1f | %.1f | %.1f | %d |%n",
        who, what, ms[ROUNDS / 2], ms[(int) Math.ceil(ROUNDS * 0.95) - 1], ms[ROUNDS - 1], size);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  void seed() {
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code)"
                + " select 'mbench-op-' || n, 'ベンチ事業者' || n, 'Bench operator ' || n,"
                + " 'operator', (select code from sector order by sort_order offset n % 15 limit 1)"
                + " from generate_series(1, ?) n on conflict do nothing")
        .param(ORGS)
        .update();
    jdbc.sql(
            "insert into monitor_site (organisation_id, name, url, interval_seconds, state_tlp,"
                + " detail_tlp, state, state_since)"
                + " select o.id, 'bench site ' || n, 'https://www' || n || '.example.jp/',"
                + " case when n % 11 = 0 then 10 else 60 end,"
                + " (array['green','green','green','amber','amber_strict'])[1 + n % 5],"
                + " 'amber_strict',"
                + " (array['up','up','up','up','up','up','slow','down','unknown'])[1 + n % 9],"
                + " now() - interval '1 hour'"
                + " from generate_series(0, ? - 1) n join (select id, row_number() over"
                + " (order by id) - 1 as rn from organisation where code like 'mbench-op-%') o"
                + " on o.rn = n % ?")
        .params(SITES, ORGS)
        .update();
    long hub =
        jdbc.sql("select id from monitor_vantage where code = 'hub'").query(Long.class).single();
    jdbc.sql(
            "insert into monitor_rollup (site_id, vantage_id, hour, probes, failures, slow,"
                + " dns_ms, connect_ms, tls_ms, ttfb_ms, transfer_ms, total_ms, total_p95)"
                + " select s.id, ?, h, 60, (s.id + extract(hour from h)::int) % 7 / 6, 0,"
                + " 1, 5 + s.id % 5, 12, 40 + s.id % 50 + 10 * sin(extract(hour from h) / 4),"
                + " 2, 60 + s.id % 50 + 10 * sin(extract(hour from h) / 4), 120 + s.id % 50"
                + " from monitor_site s cross join generate_series(date_trunc('hour', now())"
                + " - interval '30 days', date_trunc('hour', now()), interval '1 hour') h"
                + " where s.name like 'bench site %'")
        .param(hub)
        .update();
    jdbc.sql(
            "insert into monitor_state_change (site_id, at, state)"
                + " select id, now() - (id % 30) * interval '1 hour',"
                + " (array['slow','down','up'])[1 + id % 3] from monitor_site"
                + " where name like 'bench site %' on conflict do nothing")
        .update();
    jdbc.sql("analyze").update();
  }

  void seedRaw(long site) {
    jdbc.sql(
            "insert into monitor_result (site_id, vantage_id, at, ok, judged, status, dns_ms,"
                + " connect_ms, tls_ms, ttfb_ms, transfer_ms, total_ms)"
                + " select ?, (select id from monitor_vantage where code = 'hub'), t, true, 'up',"
                + " 200, 1, 5, 12, 45, 2, 65 from generate_series(now() - interval '6 hours',"
                + " now(), interval '1 minute') t")
        .param(site)
        .update();
  }
}

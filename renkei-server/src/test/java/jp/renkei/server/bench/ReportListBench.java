package jp.renkei.server.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Page timings of the report list with filters on many reports (docs/benchmarks.md, issue 14). Not
 * part of the test run (its name matches neither *Test nor *IT); run it with
 *
 * <pre>
 * ./mvnw -q -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ReportListBench -Dbench.reports=100000
 * </pre>
 *
 * It seeds the reports in SQL (60 operators in 12 sectors, every TLP, drafts, follow-ups, NISC
 * hops), then times whole pages over HTTP for three viewers, and, in the same run, the baseline:
 * the call the report page made before filters (the newest 200 visible, {@code list(actor, 200)}).
 * It prints its numbers; it asserts nothing about time.
 */
class ReportListBench extends ServerTest {

  static final int REPORTS = Integer.getInteger("bench.reports", 100_000);
  static final int RUNS = Integer.getInteger("bench.runs", 20);

  /**
   * When 0 or more: statements slower than this many ms have their plan (EXPLAIN ANALYZE, BUFFERS)
   * written to the embedded PostgreSQL's log ({@code auto_explain}, in every new connection).
   */
  static final int EXPLAIN_MS = Integer.getInteger("bench.explainMs", -1);

  /** Only the viewers whose label contains this (e.g. {@code NISC}); empty: all three. */
  static final String VIEWERS = System.getProperty("bench.viewers", "");

  /** Only the pages whose address contains this (e.g. {@code inbox}); empty: all. */
  static final String PAGES = System.getProperty("bench.pages", "");

  @Autowired JdbcClient jdbc;
  @Autowired ReportService reports;
  @Autowired DirectoryService directory;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void reportListPages() throws java.sql.SQLException {
    List<String> sectors = jdbc.sql("select code from sector").query(String.class).list();
    List<Organisation> orgs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      orgs.add(fixtures.operator(sectors.get(i % sectors.size())));
    }
    long nisc = directory.organisation("nisc").id();
    long t0 = System.nanoTime();
    seed(orgs, nisc);
    System.out.printf(
        "BENCH seeded %d reports in %.1f s%n", REPORTS, (System.nanoTime() - t0) / 1e9);
    jdbc.sql("analyze").update();

    Organisation busy = orgs.get(0);
    Map<String, UserAccount> viewers = new LinkedHashMap<>();
    viewers.put("operator analyst (" + busy.sectorCode() + ")", fixtures.user(busy, Role.ANALYST));
    viewers.put(
        "operator member (" + orgs.get(1).sectorCode() + ")",
        fixtures.user(orgs.get(1), Role.MEMBER));
    viewers.put("NISC analyst", fixtures.user("nisc", Role.ANALYST));
    viewers.keySet().removeIf(k -> !k.contains(VIEWERS));
    if (EXPLAIN_MS >= 0) {
      jdbc.sql("alter system set session_preload_libraries = 'auto_explain'").update();
      jdbc.sql("alter system set auto_explain.log_min_duration = " + EXPLAIN_MS).update();
      jdbc.sql("alter system set auto_explain.log_analyze = on").update();
      jdbc.sql("alter system set auto_explain.log_buffers = on").update();
      jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
      dataSource
          .unwrap(com.zaxxer.hikari.HikariDataSource.class)
          .getHikariPoolMXBean()
          .softEvictConnections();
    }

    String word = URLEncoder.encode("不審", StandardCharsets.UTF_8);
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("default (newest first, 25)", "");
    queries.put("sector", "sector=" + busy.sectorCode());
    queries.put("tlp=amber, severity=level3", "tlp=amber&severity=level3");
    queries.put("text + period", "q=" + word + "&from=2026-01-01&to=2026-06-30");
    queries.put("type + cause", "type=unavailability&cause=ddos");
    queries.put("sort by title asc, page 3", "sort=title&dir=asc&page=3");
    queries.put("100 per page, page 10", "size=100&page=10");
    queries.values().removeIf(q -> !("/reports?" + q).contains(PAGES));

    for (var v : viewers.entrySet()) {
      Actor actor = fixtures.actor(v.getValue());
      Http web = http();
      web.signIn(v.getValue().login(), Fixtures.PASSWORD);
      for (int i = 0; i < 3; i++) {
        reports.list(actor, 200);
        web.get("/reports");
      }
      double[] base = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long s = System.nanoTime();
        reports.list(actor, 200);
        base[i] = (System.nanoTime() - s) / 1e6;
      }
      report(v.getKey(), "baseline: list(actor, 200) in-process (main's /reports)", base, -1);
      for (var q : queries.entrySet()) {
        double[] ms = new double[RUNS];
        String total = "";
        for (int i = 0; i < RUNS; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r = web.get("/reports?" + q.getValue());
          ms[i] = (System.nanoTime() - s) / 1e6;
          if (r.statusCode() != 200) {
            throw new AssertionError(q + ": " + r.statusCode());
          }
          total = r.body().replaceAll("(?s).*id=\"list-total\">([^<]*)<.*", "$1");
          if (total.length() > 40) {
            total = "0";
          }
        }
        report(v.getKey(), "page /reports?" + q.getValue() + " [" + total + "]", ms, 0);
      }
      // the other lists on the same data: the inbox (NISC's holds every delivered report) and
      // the advisories
      for (String page :
          List.of("/inbox", "/inbox?status=unread", "/inbox?sort=title", "/advisories")) {
        if (!page.contains(PAGES)) {
          continue;
        }
        web.get(page);
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r = web.get(page);
          ms[i] = (System.nanoTime() - s) / 1e6;
          if (r.statusCode() != 200) {
            throw new AssertionError(page + ": " + r.statusCode());
          }
        }
        report(v.getKey(), "page " + page, ms, 0);
      }
    }
  }

  private static void report(String who, String what, double[] ms, int unused) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        "BENCH %-32s %-70s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
        who, what, s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1]);
  }

  /** 100,000 reports as a busy year and a half of the partnership, written in SQL. */
  private void seed(List<Organisation> orgs, long nisc) {
    Long[] orgIds = orgs.stream().map(Organisation::id).toArray(Long[]::new);
    String[] orgSectors = orgs.stream().map(Organisation::sectorCode).toArray(String[]::new);
    jdbc.sql(
            "create table bench_report as select g,"
                + " (?::bigint[])[1 + (g * 7919) % ?] as org,"
                + " (?::text[])[1 + (g * 7919) % ?] as sector,"
                + " case when g % 20 < 2 then 'clear' when g % 20 < 7 then 'green'"
                + " when g % 20 < 14 then 'amber' when g % 20 < 18 then 'amber_strict'"
                + " else 'red' end as tlp,"
                + " case when g % 20 = 3 then 'draft' when g % 10 = 4 then 'closed'"
                + " else 'submitted' end as status,"
                + " timestamptz '2025-06-01' + (g::double precision / ? * interval '540 days') as at"
                + " from generate_series(1, ?) g")
        .params(orgIds, orgIds.length, orgSectors, orgSectors.length, REPORTS, REPORTS)
        .update();
    // ids are random (V90): the creation time (unique per g) ties each report to its row
    jdbc.sql(
            "insert into report (originator_org_id, sector_code, route, tlp, scope_sectors, status,"
                + " created_at, submitted_at) select b.org, b.sector, 'hotline', b.tlp,"
                + " case when b.tlp = 'amber' then array[b.sector] else '{}' end, b.status, b.at,"
                + " case when b.status = 'draft' then null else b.at + interval '20 minutes' end"
                + " from bench_report b")
        .update();
    jdbc.sql(
            "create table bench_ids as select b.g, r.id from bench_report b join report r"
                + " on r.created_at = b.at and r.originator_org_id = b.org")
        .update();
    String[] titles = {
      "制御系ネットワークへの不審な通信",
      "DDoS攻撃によるサービス停止",
      "標的型メールの受信",
      "ランサムウェア感染の疑い",
      "Webサイト改ざん",
      "認証情報の漏えいの疑い",
      "VPN機器の脆弱性を突いた侵入",
      "業務システムの障害",
      "不審なログインの多発",
      "外部委託先からの情報漏えい"
    };
    String[] types = {"unavailability", "malware", "intrusion", "leak"};
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary, detected_at,"
                + " incident_type_code, cause_codes, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select i.id, v, case when v = 1 then 'first' else 'followup' end,"
                + " (?::text[])[1 + i.g % 10] || ' (' || i.g || ')', '概要', b.at,"
                + " (?::text[])[1 + i.g % 4], array[(array['ddos','suspicious_mail','vulnerability',"
                + "'equipment_failure'])[1 + i.g % 4]], 'no', 'level' || (1 + i.g % 5), 'no', 'case3'"
                + " from bench_ids i join bench_report b on b.g = i.g,"
                + " generate_series(1, case when i.g % 3 = 0 then 2 else 1 end) v")
        .params(titles, types)
        .update();
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at,"
                + " read_at) select i.id, 1, 'nisc', ?, b.at + interval '20 minutes',"
                + " case when i.g % 4 = 0 then null else b.at + interval '1 hour' end"
                + " from bench_ids i join bench_report b on b.g = i.g where b.status <> 'draft'")
        .param(nisc)
        .update();
    jdbc.sql("drop table bench_ids, bench_report").update();
  }
}

package jp.renkei.server.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Page timings of the work queue with 100,000 reports in the database (issue 14): the home page
 * (with its queue), the queue fragment and the navigation's counts that every open page polls,
 * against the current {@code /inbox} page as the baseline, in the same run, over HTTP, for a viewer
 * of each kind on a report's route. Not part of the test suite (no timing assertions); run
 *
 * <pre>./mvnw -q -pl renkei-server -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=WorklistBenchmark</pre>
 *
 * and copy the printed table into docs/benchmarks.md.
 *
 * <p>The data: 3,000 generated operators across the 15 sectors, each a member of its sector's first
 * CEPTOAR; 100,000 reports over two years (85% through the CEPTOAR, the ministry and NISC, the rest
 * by hotline; TLP red, amber+strict and clear one in seven each, amber and green two in seven each;
 * 2% drafts; half of those older than 90 days closed; 40% with a 続報), every hop of the older ones
 * read and forwarded, the newest 300 stopped at random points of their route (some anonymised,
 * waiting for their relay); a comment from the ministry or NISC on one in five; 1,000 NISC
 * advisories to one sector each (about 200,000 receipts, 3% of the older and half of the last three
 * days' not confirmed) and 200 failed deliveries.
 */
class WorklistBenchmark extends ServerTest {

  static final int REPORTS = Integer.getInteger("bench.reports", 100_000);
  static final int OPERATORS = 3_000;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 40);
  static final int WARMUP = Integer.getInteger("bench.warmup", 5);

  /** Statements slower than this many ms go to the embedded PostgreSQL's log (-1: none). */
  static final int SLOW_SQL_MS = Integer.getInteger("bench.slowSqlMs", -1);

  /**
   * When 0 or more: statements slower than this many ms have their plan (EXPLAIN ANALYZE, BUFFERS)
   * written to the embedded PostgreSQL's log ({@code auto_explain}, in every new connection).
   */
  static final int EXPLAIN_MS = Integer.getInteger("bench.explainMs", -1);

  /** Only the viewers whose label contains this (e.g. {@code NISC}); empty: all five. */
  static final String VIEWERS = System.getProperty("bench.viewers", "");

  /**
   * Seconds to wait after seeding, before measuring, with the data directory printed, so that the
   * seeded database can be read by hand (psql on its socket, the password in the data directory);
   * the wait ends early once {@code target/bench-release} exists. 0: no wait.
   */
  static final int HOLD_SECONDS = Integer.getInteger("bench.hold", 0);

  static {
    System.setProperty(SENDER_POLL_PROPERTY, "1h");
  }

  @Autowired JdbcClient jdbc;
  @Autowired DirectoryService directory;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired org.springframework.core.env.Environment environment;

  @Test
  void workQueuePagesAgainstTheInbox() throws java.sql.SQLException, InterruptedException {
    long t0 = System.nanoTime();
    seed();
    System.out.printf(
        "seeded %d reports in %.1f s%n", count("report"), (System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "rows: report_version %d, report_hop %d, report_comment %d, advisory_recipient %d, outbox failed %d%n",
        count("report_version"),
        count("report_hop"),
        count("report_comment"),
        count("advisory_recipient"),
        jdbc.sql("select count(*) from outbox where status = 'failed'").query(Long.class).single());

    String benchOp =
        jdbc.sql(
                "select o.code from organisation o join report r on r.originator_org_id = o.id"
                    + " where o.code like 'bench-op-%' and o.sector_code = 'finance'"
                    + " group by o.code order by count(*) desc limit 1")
            .query(String.class)
            .single();
    Map<String, Http> viewers = new LinkedHashMap<>();
    viewers.put("NISC analyst", signIn("nisc", Role.ANALYST));
    viewers.put("NISC platform admin", signIn("nisc", Role.PLATFORM_ADMIN));
    viewers.put("FSA analyst (ministry)", signIn("fsa", Role.ANALYST));
    viewers.put("c-bank analyst (CEPTOAR)", signIn("c-bank", Role.ANALYST));
    viewers.put("operator org admin", signIn(benchOp, Role.ORG_ADMIN));
    viewers.keySet().removeIf(k -> !k.contains(VIEWERS));
    hold();
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

    if (SLOW_SQL_MS >= 0) {
      jdbc.sql("alter system set log_min_duration_statement = " + SLOW_SQL_MS).update();
      jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
    }
    List<String> pages = List.of("/inbox", "/", "/worklist", "/worklist/counts");
    StringBuilder table = new StringBuilder();
    table.append("| viewer | queue items | page | p50 ms | p95 ms | p95 / inbox p95 |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Http> v : viewers.entrySet()) {
      Http web = v.getValue();
      Map<String, List<Long>> times = new LinkedHashMap<>();
      pages.forEach(p -> times.put(p, new ArrayList<>()));
      for (int round = 0; round < WARMUP + ROUNDS; round++) {
        // alternate the order each round so neither page always runs on a warmer cache
        List<String> order = new ArrayList<>(pages);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String p : order) {
          long s = System.nanoTime();
          HttpResponse<String> r = web.get(p);
          long ns = System.nanoTime() - s;
          assertThat(r.statusCode()).as(p).isEqualTo(200);
          if (round >= WARMUP) {
            times.get(p).add(ns);
          }
        }
      }
      String counts = web.get("/worklist/counts").body();
      int items = Duty.number(counts, "nav-work-count");
      double base = pct(times.get("/inbox"), 95);
      for (String p : pages) {
        double p95 = pct(times.get(p), 95);
        String line =
            String.format(
                "| %s | %d | `%s` | %.1f | %.1f | %.2f |%n",
                v.getKey(), items, p, pct(times.get(p), 50), p95, p95 / base);
        table.append(line);
        // each row as soon as it is known, also to a file: a long run keeps what it measured
        System.out.print("bench-row " + line);
        System.out.flush();
        try {
          java.nio.file.Files.writeString(
              java.nio.file.Path.of("target", "worklist-bench.md"),
              line,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    System.out.println("\n" + table);
  }

  private void hold() throws InterruptedException {
    if (HOLD_SECONDS <= 0) {
      return;
    }
    java.nio.file.Path release = java.nio.file.Path.of("target", "bench-release");
    System.out.printf(
        "BENCH hold: seeded database in %s (postgres-password there), up to %d s or until %s"
            + " exists%n",
        environment.getProperty("renkei.data-dir"), HOLD_SECONDS, release.toAbsolutePath());
    System.out.flush();
    long end = System.nanoTime() + HOLD_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < end && !java.nio.file.Files.exists(release)) {
      Thread.sleep(2_000);
    }
  }

  private Http signIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http web = http();
    assertThat(web.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return web;
  }

  private static double pct(List<Long> ns, int p) {
    List<Long> s = new ArrayList<>(ns);
    java.util.Collections.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, i)) / 1e6;
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private void seed() {
    long nisc = directory.nationalCoordinator().orElseThrow().id();
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code)"
                + " select 'bench-op-' || n, 'ベンチ事業者' || n, 'Bench operator ' || n, 'operator',"
                + " (select code from sector order by sort_order offset n % 15 limit 1)"
                + " from generate_series(1, ?) n on conflict do nothing")
        .param(OPERATORS)
        .update();
    jdbc.sql(
            "insert into ceptoar_membership (ceptoar_id, member_id)"
                + " select c.id, o.id from organisation o join lateral (select c.id from organisation c"
                + " where c.type_code = 'ceptoar' and c.sector_code = o.sector_code order by c.code"
                + " limit 1) c on true where o.code like 'bench-op-%' on conflict do nothing")
        .update();
    jdbc.sql(
            "create temp table bench_ops as select row_number() over (order by o.id) as k, o.id,"
                + " o.sector_code, m.ceptoar_id, mo.id as ministry from organisation o"
                + " left join ceptoar_membership m on m.member_id = o.id"
                + " join sector s on s.code = o.sector_code"
                + " left join organisation mo on mo.type_code = 'ministry'"
                + " and mo.ministry_code = s.ministry_code where o.code like 'bench-op-%'")
        .update();
    // n = 1 is the newest; one report every 631 s goes back about two years
    jdbc.sql(
            "create temp table g as select n, random_id() as id, o.id as org, o.sector_code as sector,"
                + " o.ceptoar_id as ceptoar, o.ministry,"
                + " case when random() < 0.85 and o.ceptoar_id is not null and o.ministry is not null"
                + " then 'ceptoar' else 'hotline' end as route,"
                + " (array['red','amber_strict','amber','amber','green','green','clear'])"
                + "[1 + floor(random() * 7)::int] as tlp, random() as r,"
                + " case when n <= 300 then floor(random() * 6)::int else 5 end as stage,"
                + " now() - (n - 1) * interval '631 seconds' as created"
                + " from generate_series(1, ?) n"
                + " join bench_ops o on o.k = 1 + (n * 7919) % (select count(*) from bench_ops)")
        .param(REPORTS)
        .update();
    jdbc.sql("alter table g add column status text, add column anonymise boolean default false")
        .update();
    jdbc.sql(
            "update g set status = case when r < 0.02 then 'draft'"
                + " when created < now() - interval '90 days' and r < 0.5 then 'closed'"
                + " else 'submitted' end,"
                + " anonymise = (n <= 300 and route = 'ceptoar' and r > 0.93)")
        .update();
    jdbc.sql(
            "insert into report (id, originator_org_id, sector_code, route, ceptoar_id, anonymise,"
                + " tlp, status, created_at, submitted_at)"
                + " select id, org, sector, route, case when route = 'ceptoar' then ceptoar end,"
                + " anonymise, tlp, status, created, case when status <> 'draft' then created end"
                + " from g")
        .update();
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary, detected_at,"
                + " incident_type_code, cause_codes, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code, created_at)"
                + " select id, 1, 'first', '生成報告 ' || n || ' 不審な通信の検知',"
                + " 'プロキシログで不審な宛先への通信を検知した。', created - interval '1 hour',"
                + " 'malware', '{suspicious_mail}'::text[], 'no', 'level2', 'unknown', 'case3', created from g"
                + " union all select id, 2, 'followup', '生成報告 ' || n || ' 続報',"
                + " '影響範囲を確認中。', created - interval '1 hour', 'malware', '{suspicious_mail}'::text[],"
                + " 'no', 'level2', 'unknown', 'case3', created + interval '1 day' from g"
                + " where r > 0.6 and status <> 'draft' and not anonymise")
        .update();
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at,"
                + " read_at, forwarded_at)"
                + " select id, 1, 'ceptoar', ceptoar, created,"
                + " case when stage >= 1 then created + interval '10 minutes' end,"
                + " case when stage >= 2 and not anonymise then created + interval '30 minutes' end"
                + " from g where status <> 'draft' and route = 'ceptoar'"
                + " union all select id, 2, 'ministry', ministry,"
                + " case when stage >= 2 then created + interval '30 minutes' end,"
                + " case when stage >= 3 then created + interval '40 minutes' end,"
                + " case when stage >= 4 then created + interval '60 minutes' end"
                + " from g where status <> 'draft' and route = 'ceptoar' and not anonymise"
                + " union all select id, 3, 'nisc', ?,"
                + " case when stage >= 4 then created + interval '60 minutes' end,"
                + " case when stage >= 5 then created + interval '70 minutes' end, null"
                + " from g where status <> 'draft' and route = 'ceptoar' and not anonymise"
                + " union all select id, 1, 'nisc', ?, created,"
                + " case when stage >= 3 then created + interval '10 minutes' end, null"
                + " from g where status <> 'draft' and route = 'hotline'")
        .params(nisc, nisc)
        .update();
    jdbc.sql(
            "insert into report_comment (report_id, org_id, body, created_at)"
                + " select id, case when route = 'ceptoar' then ministry else ? end,"
                + " '確認しました。続報をお願いします。', created + interval '2 hours' from g"
                + " where status <> 'draft' and stage = 5 and not anonymise and r between 0.2 and 0.4")
        .param(nisc)
        .update();
    jdbc.sql(
            "create temp table ga as select n, random_id() as id,"
                + " (select code from sector order by sort_order offset n % 15 limit 1) as sector,"
                + " now() - n * interval '17 hours' as created,"
                + " case when n % 3 = 0 then 'green' else 'amber' end as tlp"
                + " from generate_series(1, 1000) n")
        .update();
    jdbc.sql(
            "insert into advisory (id, issuer_org_id, tlp, audience_sectors, status, created_at)"
                + " select id, ?, tlp, array[sector], 'active', created from ga")
        .param(nisc)
        .update();
    jdbc.sql(
            "insert into advisory_version (advisory_id, version_no, kind, title, body, created_at,"
                + " fanned_out_at) select id, 1, 'initial', '注意喚起 ' || n || ' 脆弱性の悪用',"
                + " '対策を確認してください。', created, created from ga")
        .update();
    jdbc.sql(
            "insert into advisory_recipient (advisory_id, organisation_id, level, delivered_at,"
                + " version_no, acknowledged_at)"
                + " select ga.id, o.id, case when o.type_code = 'ceptoar' then 'ceptoar'"
                + " else 'operator' end, ga.created, 1,"
                + " case when random() < case when ga.created < now() - interval '3 days' then 0.97"
                + " else 0.5 end then ga.created + interval '3 hours' end"
                + " from ga join organisation o on o.sector_code = ga.sector"
                + " and o.type_code in ('operator', 'ceptoar')")
        .update();
    jdbc.sql(
            "insert into outbox (advisory_id, version_no, organisation_id, channel, target,"
                + " purpose, status, attempts, last_error)"
                + " select advisory_id, 1, organisation_id, 'email', 'duty@bench.example',"
                + " 'delivery', 'failed', 8, '550 mailbox unavailable' from advisory_recipient"
                + " where advisory_id in (select id from ga) order by random() limit 200"
                + " on conflict do nothing")
        .update();
    jdbc.sql("analyze").update();
  }
}

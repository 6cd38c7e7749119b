package jp.renkei.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.search.SearchResult;
import jp.renkei.server.search.SearchService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one search costs a narrow viewer on a hub where most matches are hidden from it
 * (docs/benchmarks.md, branch search16): an operator analyst whose organisation filed {@code
 * bench.visible} reports holding a common word, on a hub where other organisations filed {@code
 * bench.hidden} newer reports holding the same word that the analyst may not see (AMBER+STRICT,
 * AMBER not delivered to it, RED, GREEN scoped to another sector, a quarter each). Per search,
 * every kind on the overview ({@link SearchService#search}, ten hits per kind), of (a) a word only
 * the hidden reports hold, (b) the common word, (c) a word only the visible reports hold, (d) a
 * word never stored: (a) against (d) is what a viewer could learn from the time, (b) and (c) what
 * an ordinary search costs; and the same of an exact observable, (e) an address only the hidden
 * reports name, (f) one only the visible ones name, (g) one never stored (leftovers19). The same
 * class runs on the branch and on the baseline (main), in the same session, alternately. Not part
 * of the test run; run it with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SearchCostBench -Dbench.hidden=20000 -Dbench.visible=50 -Dbench.runs=30
 * </pre>
 *
 * It prints its numbers; it asserts nothing about time.
 */
class SearchCostBench extends ServerTest {

  static final int HIDDEN = Integer.getInteger("bench.hidden", 20_000);
  static final int VISIBLE = Integer.getInteger("bench.visible", 50);
  static final int RUNS = Integer.getInteger("bench.runs", 30);

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;
  @Autowired javax.sql.DataSource dataSource;

  /**
   * {@code n} submitted reports of {@code org}, the {@code k}-th at the TLP {@code tlp[k % 4]},
   * GREEN ones scoped to the finance sector, filed a minute apart from {@code from} minutes after
   * 2026-01-01, titled {@code title}, in SQL.
   */
  private void reports(Organisation org, String title, int n, int from, String... tlp) {
    jdbc.sql(
            "with made as (insert into report (originator_org_id, sector_code, route, tlp, status,"
                + " scope_sectors, created_at, submitted_at) select ?, ?, 'hotline',"
                + " (cast(? as text[]))[1 + g % 4], 'submitted',"
                + " case when (cast(? as text[]))[1 + g % 4] = 'green' then array['finance']"
                + " else '{}' end,"
                + " timestamptz '2026-01-01' + g * interval '1 minute',"
                + " timestamptz '2026-01-01' + g * interval '1 minute'"
                + " from generate_series(?, ?) g returning id, created_at)"
                + " insert into report_version (report_id, version_no, kind, title, summary,"
                + " detected_at, incident_type_code, service_outage, severity_code,"
                + " cascade_possibility, reporting_case_code)"
                + " select id, 1, 'first', ?, '制御システムで障害。原因を調査中。', created_at,"
                + " 'unavailability', 'no', 'level2', 'no', 'case3' from made")
        .params(org.id(), org.sectorCode(), tlp, tlp, from, from + n - 1, title)
        .update();
  }

  /** Every version of the reports of {@code orgs} names {@code ip} (one statement). */
  private void observe(List<Long> orgs, String ip) {
    jdbc.sql(
            "insert into report_observable (version_id, position, type, value, original) select"
                + " v.id, 0, 'ipv4-addr', ?, ? from report_version v join report r on r.id ="
                + " v.report_id where r.originator_org_id = any(?)")
        .params(ip, ip, orgs.toArray(Long[]::new))
        .update();
  }

  @Test
  void narrowViewerAmongHiddenMatches() {
    long t0 = System.nanoTime();
    Organisation mine = fixtures.operator("gas");
    List<Organisation> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      others.add(fixtures.operator(i % 2 == 0 ? "electricity" : "finance"));
    }
    String hiddenOnly = "hidword" + Long.toString(System.nanoTime(), 36);
    String visibleOnly = "visword" + Long.toString(System.nanoTime(), 36);
    String never = "nevword" + Long.toString(System.nanoTime(), 36);
    reports(mine, "ガス供給 障害 " + visibleOnly, VISIBLE, 0, "amber_strict", "amber", "red", "green");
    for (int i = 0; i < others.size(); i++) {
      // newer than the visible ones, as in the case that made the walk deep
      reports(
          others.get(i),
          "制御系 障害 " + hiddenOnly,
          HIDDEN / others.size(),
          10_000 + i * HIDDEN,
          "amber_strict",
          "amber",
          "red",
          "green");
    }
    // observables: an address only the hidden reports name, one only the visible ones name
    String hiddenIp = "203.0.113." + (1 + System.nanoTime() % 250);
    String visibleIp = "198.51.100." + (1 + System.nanoTime() % 250);
    String neverIp = "192.0.2." + (1 + System.nanoTime() % 250);
    observe(List.of(mine.id()), visibleIp);
    observe(others.stream().map(Organisation::id).toList(), hiddenIp);
    jdbc.sql("analyze").update();
    System.out.printf(
        "seeded %,d visible and %,d hidden reports in %.0f s%n",
        VISIBLE, HIDDEN, (System.nanoTime() - t0) / 1e9);
    Actor analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));

    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("(a) hidden-only word", hiddenOnly);
    queries.put("(b) common word 障害", "障害");
    queries.put("(c) rare visible word", visibleOnly);
    queries.put("(d) word never stored", never);
    queries.put("(e) hidden-only address", hiddenIp);
    queries.put("(f) visible address", visibleIp);
    queries.put("(g) address never stored", neverIp);
    Map<String, double[]> ms = new LinkedHashMap<>();
    queries.keySet().forEach(k -> ms.put(k, new double[RUNS]));
    Map<String, Integer> hits = new LinkedHashMap<>();
    for (int round = -3; round < RUNS; round++) {
      for (var q : queries.entrySet()) {
        long s = System.nanoTime();
        SearchResult r = search.search(analyst, q.getValue(), null);
        double took = (System.nanoTime() - s) / 1e6;
        if (round >= 0) {
          ms.get(q.getKey())[round] = took;
        }
        hits.put(q.getKey(), r.groups().stream().mapToInt(g -> g.hits().size()).sum());
      }
    }
    if (Boolean.getBoolean("bench.explain")) {
      explain(hiddenOnly, mine.id());
    }
    System.out.println("| query | hits shown | p50 ms | p95 ms | mean ms |");
    for (var e : ms.entrySet()) {
      double[] m = e.getValue().clone();
      Arrays.sort(m);
      System.out.printf(
          "| %s | %d | %.1f | %.1f | %.1f |%n",
          e.getKey(),
          hits.get(e.getKey()),
          m[RUNS / 2],
          m[(int) Math.ceil(RUNS * 0.95) - 1],
          Arrays.stream(m).average().orElse(0));
    }
  }

  /**
   * The plan of the gathering of a word's report matches (the first part of every report candidate
   * query), and of the whole candidate query as branch search16 writes it, for the analyst's
   * organisation (-Dbench.explain=true; diagnostics only).
   */
  private void explain(String word, long org) {
    String m =
        "select v.report_id from report_version v where search_terms(report_search_text(v.title,"
            + " v.summary, v.response_status, v.cascade_note)) @> cast(? as text[])";
    String whole =
        "with m as materialized ("
            + m
            + ") select r.id, r.created_at from report r where r.id in (select report_id from m)"
            + " and (r.status <> 'draft' or r.originator_org_id = "
            + org
            + ") and r.exercise_run_id is null and (r.originator_org_id = "
            + org
            + " or (not ("
            + org
            + " = any(r.excluded_org_ids)) and ((r.tlp = 'clear' and not r.anonymise)"
            + " or exists (select 1 from report_hop p where p.report_id = r.id"
            + " and p.delivered_at is not null and p.recipient_org_id = any(array["
            + org
            + "]::bigint[])) or (r.tlp = 'green' and not r.anonymise"
            + " and (cardinality(r.scope_sectors) = 0 or 'gas' = any(r.scope_sectors))))))"
            + " order by r.created_at desc, r.id desc limit 200";
    // on one connection: each plan analysed twice, the second printed; with -Dbench.generic=true
    // the plan PostgreSQL keeps for a statement after five runs (estimated without the values)
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement st = c.createStatement()) {
      if (Boolean.getBoolean("bench.generic")) {
        st.execute("set plan_cache_mode = force_generic_plan");
      }
      int n = 0;
      for (String sql : List.of(m, whole)) {
        String name = "bench_q" + n++;
        st.execute("prepare " + name + "(text[]) as " + sql.replace("?", "$1"));
        for (int i = 0; i < 2; i++) {
          try (java.sql.ResultSet rs =
              st.executeQuery(
                  "explain (analyze, buffers) execute " + name + "('{" + word + "}')")) {
            while (rs.next()) {
              if (i == 1) {
                System.out.println(rs.getString(1));
              }
            }
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

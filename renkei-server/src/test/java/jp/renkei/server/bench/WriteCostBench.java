package jp.renkei.server.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the search indexes cost the writers (docs/benchmarks.md, writecost19): the same class runs
 * on commits before and after a search migration (V297 reach keys, V316 domain parents and
 * observable terms), in the same session, alternately, and prints seconds per workload:
 *
 * <ol>
 *   <li>seed: {@code bench.reports} reports written one statement per table per report, as the
 *       report service writes them (autocommit): the report, three versions (a title and summary
 *       naming a host), four observables per version (an address, a host of three labels, a URL, a
 *       mail address), two delivered hops;
 *   <li>stix: a bundle of {@code bench.stix} indicators (as bench/gen_stix_bundle.py writes them:
 *       domains, addresses, URLs; a third TLP:RED) ingested into the hub collection through {@link
 *       IntelService#ingest};
 *   <li>audience: {@code bench.wide} reports of {@code bench.versions} versions each (with
 *       observables), each then delivered to three more organisations one hop at a time and
 *       re-scoped once (the relay's writes), timed without the set-up.
 * </ol>
 *
 * Each workload runs {@code bench.rounds} times in the one JVM (the first is a warm-up of the JIT
 * and the database's caches but is printed too). Not part of the test run; run it with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspotless.skip=true -Djacoco.skip=true -Dit.test=WriteCostBench -Dbench.reports=1500 \
 *     -Dbench.stix=6000 -Dbench.wide=20 -Dbench.versions=60 -Dbench.rounds=3
 * </pre>
 *
 * With {@code -Dbench.explain=true} it also prints EXPLAIN ANALYZE (trigger times) of one report's
 * writes, rolled back. It asserts nothing about time.
 */
class WriteCostBench extends ServerTest {

  static final int REPORTS = Integer.getInteger("bench.reports", 1500);
  static final int STIX = Integer.getInteger("bench.stix", 6000);
  static final int WIDE = Integer.getInteger("bench.wide", 20);
  static final int VERSIONS = Integer.getInteger("bench.versions", 60);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  /**
   * Write each version and then its observables, one statement each, giving the version its
   * observable terms as ReportRepository does since V320 (needs V316's column).
   */
  static final boolean PREFILL = Boolean.getBoolean("bench.prefill");

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired IntelService intel;
  @Autowired javax.sql.DataSource dataSource;

  Organisation mine;
  List<Organisation> relays = new ArrayList<>();
  int serial;

  @Test
  void writeCosts() {
    mine = fixtures.operator("electricity");
    for (int i = 0; i < 5; i++) {
      relays.add(fixtures.operator(i % 2 == 0 ? "gas" : "finance"));
    }
    var analyst = fixtures.actor(fixtures.user(mine, Role.ANALYST));
    StixCollection hub =
        intel.allCollections().stream()
            .filter(c -> c.kind() == StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow();
    if (Boolean.getBoolean("bench.explain")) {
      explain();
    }
    double[] seed = new double[ROUNDS];
    double[] stix = new double[ROUNDS];
    double[] audience = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < REPORTS; i++) {
        report(3, 2);
      }
      seed[r] = (System.nanoTime() - t0) / 1e9;

      byte[] bundle = bundle(STIX, r);
      t0 = System.nanoTime();
      IntelService.Ingest in =
          intel.ingest(analyst, hub, mine.id(), null, new ByteArrayInputStream(bundle), n -> {});
      stix[r] = (System.nanoTime() - t0) / 1e9;
      if (in.failures() != 0 || in.successes() != STIX) {
        throw new AssertionError("ingest: " + in.successes() + " stored, " + in.failures());
      }

      long[] wide = new long[WIDE];
      for (int i = 0; i < WIDE; i++) {
        wide[i] = report(VERSIONS, 0);
      }
      t0 = System.nanoTime();
      for (long id : wide) {
        for (int h = 0; h < 3; h++) {
          jdbc.sql(
                  "insert into report_hop (report_id, hop_order, kind, recipient_org_id,"
                      + " delivered_at) values (?, ?, 'ceptoar', ?, null)")
              .params(id, h, relays.get(h).id())
              .update();
          jdbc.sql(
                  "update report_hop set delivered_at = now() where report_id = ? and hop_order ="
                      + " ?")
              .params(id, h)
              .update();
        }
        jdbc.sql("update report set scope_sectors = array['gas', 'finance'] where id = ?")
            .params(id)
            .update();
      }
      audience[r] = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "writecost round %d: seed %d reports %.2f s | stix %d objects %.2f s | audience %d x %d"
              + " versions %.2f s%n",
          r, REPORTS, seed[r], STIX, stix[r], WIDE, VERSIONS, audience[r]);
    }
    System.out.printf(
        "writecost summary (rounds 1..): seed %s | stix %s | audience %s%n",
        tail(seed), tail(stix), tail(audience));
  }

  private static String tail(double[] s) {
    return Arrays.toString(Arrays.stream(s).skip(s.length > 1 ? 1 : 0).toArray());
  }

  /**
   * One submitted TLP:AMBER report of {@code mine} with {@code versions} versions, four observables
   * each, and {@code hops} delivered hops, one statement per table; its id.
   */
  private long report(int versions, int hops) {
    int n = serial++;
    long id =
        jdbc.sql(
                "insert into report (originator_org_id, sector_code, route, tlp, status,"
                    + " scope_sectors, created_at, submitted_at) values (?, ?, 'hotline',"
                    + " 'amber', 'submitted', '{}', now(), now()) returning id")
            .params(mine.id(), mine.sectorCode())
            .query(Long.class)
            .single();
    String host = "login-" + n + ".portal-" + (n % 97) + ".example.net";
    if (PREFILL) {
      for (int g = 1; g <= versions; g++) {
        String[] values = {
          "198.51." + (n % 250) + "." + g,
          host,
          "http://" + host + "/dl/" + g,
          "ops-" + g + "@mail-" + (n % 31) + ".example.org"
        };
        long vid =
            jdbc.sql(
                    "insert into report_version (report_id, version_no, kind, title, summary,"
                        + " detected_at, incident_type_code, service_outage, severity_code,"
                        + " cascade_possibility, reporting_case_code, observable_terms) values (?,"
                        + " ?, ?, ?, ?, now(), 'unavailability', 'no', 'level2', 'no', 'case3',"
                        + " (select coalesce(array_agg(distinct t), '{}'::text[]) from"
                        + " unnest(cast(? as text[])) o(value), unnest(search_terms(o.value)) t))"
                        + " returning id")
                .params(
                    id,
                    g,
                    g == 1 ? "first" : "followup",
                    "不審メール 第" + g + "報 " + host,
                    "制御系の端末から http://"
                        + host
                        + "/verify へ通信。送信元 ops-"
                        + g
                        + "@mail-"
                        + (n % 31)
                        + ".example.org、調査中。",
                    values)
                .query(Long.class)
                .single();
        jdbc.sql(
                "insert into report_observable (version_id, position, type, value, original)"
                    + " select ?, o.n - 1, o.type, o.value, o.value from unnest(cast(? as text[]),"
                    + " cast(? as text[])) with ordinality as o(type, value, n)")
            .params(vid, new String[] {"ipv4-addr", "domain-name", "url", "email-addr"}, values)
            .update();
      }
    } else {
      jdbc.sql(
              "insert into report_version (report_id, version_no, kind, title, summary, detected_at,"
                  + " incident_type_code, service_outage, severity_code, cascade_possibility,"
                  + " reporting_case_code) select ?, g, case when g = 1 then 'first' else 'followup'"
                  + " end, '不審メール 第' || g || '報 "
                  + host
                  + "',"
                  + " '制御系の端末から http://"
                  + host
                  + "/verify へ通信。送信元 ops-' || g ||"
                  + " '@mail-"
                  + (n % 31)
                  + ".example.org、調査中。', now(), 'unavailability',"
                  + " 'no', 'level2', 'no', 'case3' from generate_series(1, ?) g")
          .params(id, versions)
          .update();
      jdbc.sql(
              "insert into report_observable (version_id, position, type, value, original)"
                  + " select v.id, p, t, x, x from report_version v,"
                  + " lateral (values (0, 'ipv4-addr', '198.51.' || (? % 250) || '.' || v.version_no),"
                  + " (1, 'domain-name', ?), (2, 'url', 'http://' || ? || '/dl/' || v.version_no),"
                  + " (3, 'email-addr', 'ops-' || v.version_no || '@mail-' || (? % 31)"
                  + " || '.example.org')) o(p, t, x) where v.report_id = ?")
          .params(n, host, host, n, id)
          .update();
    }
    for (int h = 0; h < hops; h++) {
      jdbc.sql(
              "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
                  + " values (?, ?, 'ceptoar', ?, now())")
          .params(id, h, relays.get(3 + h % 2).id())
          .update();
    }
    return id;
  }

  /** {@code n} indicators as bench/gen_stix_bundle.py writes them, ids unique per round. */
  private static byte[] bundle(int n, int round) {
    String red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    String green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    StringBuilder b = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--");
    b.append(UUID.randomUUID()).append("\",\"objects\":[\n");
    for (int i = 0; i < n; i++) {
      int k = round * n + i;
      String pattern =
          switch (i % 3) {
            case 0 -> "[domain-name:value = 'c2-" + k + ".example.net']";
            case 1 ->
                "[ipv4-addr:value = '"
                    + (11 + k % 200)
                    + "."
                    + (k >> 16 & 255)
                    + "."
                    + (k >> 8 & 255)
                    + "."
                    + (k & 255)
                    + "']";
            default -> "[url:value = 'http://dl-" + k + ".example.org/a/payload.bin']";
          };
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--")
          .append(new UUID(0x5a5a5a5a5a5a4a5aL, (1L << 63) | k))
          .append("\",\"created\":\"2026-03-01T00:00:00.000Z\",")
          .append("\"modified\":\"2026-03-01T00:00:00.000Z\",\"name\":\"generated ")
          .append(k)
          .append("\",\"indicator_types\":[\"malicious-activity\"],\"pattern_type\":\"stix\",")
          .append("\"pattern\":\"")
          .append(pattern)
          .append("\",\"valid_from\":\"2026-03-01T00:00:00Z\",\"object_marking_refs\":[\"")
          .append(i % 3 == 2 ? red : green)
          .append("\"]}\n");
    }
    return b.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** EXPLAIN ANALYZE of one report's writes (trigger times), in a transaction rolled back. */
  private void explain() {
    long id = report(VERSIONS, 0);
    for (String sql :
        List.of(
            "insert into report_version (report_id, version_no, kind, title, summary, detected_at,"
                + " incident_type_code, service_outage, severity_code, cascade_possibility,"
                + " reporting_case_code) values ("
                + id
                + ", 999, 'followup', 'x login.portal-1.example.net', 'y', now(), 'unavailability',"
                + " 'no', 'level2', 'no', 'case3')",
            "insert into report_observable (version_id, position, type, value, original) select"
                + " v.id, 10 + p, 'domain-name', 'a' || p || '.b.example.net', 'x' from"
                + " report_version v, generate_series(0, 3) p where v.report_id = "
                + id,
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
                + " values ("
                + id
                + ", 0, 'ceptoar', "
                + relays.get(0).id()
                + ", now())")) {
      try (java.sql.Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement();
            java.sql.ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
          StringBuilder plan = new StringBuilder();
          while (rs.next()) {
            plan.append("\n  ").append(rs.getString(1));
          }
          System.out.println("writecost explain: " + sql + plan);
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

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
 * The one search box at volume (docs/benchmarks.md): 100,000 reports with Japanese texts from many
 * organisations, sectors and TLPs (one in 25 a draft), and 1,000,000 STIX indicators in sector and
 * private collections at GREEN, AMBER and RED, written straight into the tables (the volume, not
 * the ingest path, is what is measured). Then every kind of query for three viewers (national
 * coordinator analyst, operator analyst, ministry analyst): p50/p95 of {@link SearchService} end to
 * end (index, policy, excerpts), against the baseline in the same run — a plain {@code ILIKE '%…%'}
 * scan of the same texts, without any policy. Not part of the test run (its name matches neither
 * *Test nor *IT); run it with
 *
 * <pre>
 * ./mvnw -q -pl renkei-server -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SearchBench -Dbench.reports=100000 -Dbench.objects=1000000
 * </pre>
 *
 * It prints its numbers; it asserts nothing about time.
 */
class SearchBench extends ServerTest {

  static final int REPORTS = Integer.getInteger("bench.reports", 100_000);
  static final int OBJECTS = Integer.getInteger("bench.objects", 1_000_000);
  static final int RUNS = Integer.getInteger("bench.runs", 20);

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired SearchService search;

  static final String SUBJECTS =
      "array['制御システム','VPN装置','メールサーバ','ウェブサイト','基幹システム','監視端末',"
          + "'決済システム','予約システム','遠隔監視装置','顧客情報システム','発券システム','配送管理システム']";
  static final String EVENTS =
      "array['の停止','で障害','への不正アクセス','でランサムウェア感染','への大量アクセス',"
          + "'の応答遅延','で情報漏えい','の設定不備','で不審な通信','の脆弱性悪用']";
  static final String SENTENCES =
      "array['原因を調査中。','復旧作業を実施中。','影響範囲を確認している。',"
          + "'他分野への波及は確認されていない。','攻撃元のIPアドレスを遮断した。','ベンダに解析を依頼した。',"
          + "'利用者への影響は限定的である。','フィッシングメールの受信を確認した。','夜間の保守作業中に発生した。']";

  @Test
  void searchAtVolume() {
    long t0 = System.nanoTime();
    List<String> sectors =
        jdbc.sql("select code from sector where retired_edition is null order by code")
            .query(String.class)
            .list();
    List<Organisation> operators = new ArrayList<>();
    for (String s : sectors) {
      for (int i = 0; i < 4; i++) {
        operators.add(fixtures.operator(s));
      }
    }
    Long[] ops = operators.stream().map(Organisation::id).toArray(Long[]::new);
    long nisc = fixtures.user("nisc", Role.ANALYST).organisationId();
    seedReports(ops, nisc);
    seedStix(ops);
    jdbc.sql("analyze").update();
    System.out.printf(
        "seeded %,d reports and %,d STIX objects in %.0f s%n",
        REPORTS, OBJECTS, (System.nanoTime() - t0) / 1e9);

    Map<String, Actor> viewers = new LinkedHashMap<>();
    viewers.put("nisc analyst", fixtures.actor(fixtures.user("nisc", Role.ANALYST)));
    viewers.put("operator analyst", fixtures.actor(fixtures.user(operators.get(5), Role.ANALYST)));
    viewers.put("ministry analyst", fixtures.actor(fixtures.user("meti", Role.ANALYST)));
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("2 kanji, common", "停止");
    queries.put("katakana word", "ランサムウェア");
    queries.put("two words", "VPN装置 障害");
    queries.put("IPv4 (defanged)", "198.18.3[.]7");
    queries.put("CVE", "CVE-2024-1234");
    queries.put("domain (STIX)", "c2-4242.example.net");
    queries.put(
        "sha256, absent", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    queries.put("word never stored", "存在しない語句");

    System.out.println(
        "| query | viewer | hits shown | p50 ms | p95 ms | ILIKE scan p50 ms | ratio |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (var q : queries.entrySet()) {
      double scan = baseline(q.getValue());
      for (var v : viewers.entrySet()) {
        for (int i = 0; i < 3; i++) {
          search.search(v.getValue(), q.getValue(), null);
        }
        double[] ms = new double[RUNS];
        int hits = 0;
        for (int i = 0; i < RUNS; i++) {
          long s = System.nanoTime();
          SearchResult r = search.search(v.getValue(), q.getValue(), null);
          ms[i] = (System.nanoTime() - s) / 1e6;
          hits = r.total();
        }
        Arrays.sort(ms);
        double p50 = ms[RUNS / 2];
        double p95 = ms[Math.min(RUNS - 1, (int) Math.ceil(RUNS * 0.95) - 1)];
        System.out.printf(
            "| %s `%s` | %s | %d | %.1f | %.1f | %.0f | %.2f |%n",
            q.getKey(), q.getValue(), v.getKey(), hits, p50, p95, scan, p50 / scan);
      }
    }
  }

  /** p50 of 5 runs of the plain scan a search without an index needs (no policy at all). */
  double baseline(String q) {
    String like = "%" + q.replace("[.]", ".") + "%";
    double[] ms = new double[5];
    for (int i = 0; i < ms.length; i++) {
      long s = System.nanoTime();
      jdbc.sql(
              "select (select count(*) from report_version where title ilike :w or summary ilike"
                  + " :w) + (select count(*) from stix_object where body ilike :w)")
          .param("w", like)
          .query(Long.class)
          .single();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    return ms[2];
  }

  void seedReports(Long[] ops, long nisc) {
    jdbc.sql(
            "insert into report (originator_org_id, sector_code, route, tlp, status, created_at,"
                + " submitted_at) select o.id, o.sector_code, 'hotline',"
                + " (array['red','amber_strict','amber','green','clear'])[1 + g % 5],"
                + " case when g % 25 = 0 then 'draft' else 'submitted' end,"
                + " now() - g * interval '30 seconds', now() - g * interval '30 seconds'"
                + " from generate_series(1, :n) g join organisation o"
                + " on o.id = (cast(:ops as bigint[]))[1 + g % cardinality(cast(:ops as bigint[]))]")
        .param("n", REPORTS)
        .param("ops", ops)
        .update();
    jdbc.sql(
            "insert into report_version (report_id, version_no, kind, title, summary, detected_at,"
                + " incident_type_code, service_outage, severity_code, cascade_possibility,"
                + " reporting_case_code) select r.id, 1, 'first',"
                + " s[1 + g % 12] || e[1 + (g / 12) % 10],"
                + " s[1 + g % 12] || e[1 + (g / 12) % 10] || 'を確認。' || c[1 + (g / 7) % 9]"
                + " || c[1 + (g / 11) % 9] || ' 攻撃元 198.18.' || (g / 256) % 256 || '.' || g % 256"
                + " || ' 、CVE-2024-' || (1000 + g % 5000) || ' の悪用が疑われる。',"
                + " r.created_at, 'intrusion', 'no', 'level3', 'no', 'case3'"
                + " from (select id, created_at, row_number() over (order by created_at) g from report"
                + " where originator_org_id = any(cast(:ops as bigint[]))) r, (select "
                + SUBJECTS
                + " s, "
                + EVENTS
                + " e, "
                + SENTENCES
                + " c) w")
        .param("ops", ops)
        .update();
    jdbc.sql(
            "insert into report_observable (version_id, position, type, value, original)"
                + " select v.id, 0, 'ipv4-addr', m[1], m[1] from report_version v"
                + " join report r on r.id = v.report_id,"
                + " regexp_match(v.summary, '(198\\.18\\.\\d+\\.\\d+)') m"
                + " where r.originator_org_id = any(cast(:ops as bigint[]))")
        .param("ops", ops)
        .update();
    jdbc.sql(
            "insert into report_hop (report_id, hop_order, kind, recipient_org_id, delivered_at)"
                + " select id, 1, 'nisc', :nisc, submitted_at from report where status = 'submitted'"
                + " and originator_org_id = any(cast(:ops as bigint[]))")
        .param("nisc", nisc)
        .param("ops", ops)
        .update();
  }

  void seedStix(Long[] ops) {
    int batch = 100_000;
    for (int from = 1; from <= OBJECTS; from += batch) {
      jdbc.sql(
              "insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                  + " date_added, tlp, originator_org, body, version_us, added_us, granular)"
                  + " select case when g % 5 = 0 then pc.id else sc.id end,"
                  + " 'indicator--' || gen_random_uuid(), 'indicator', '2.1', t, t,"
                  + " (array['GREEN','GREEN','AMBER','RED'])[1 + g % 4], o.id,"
                  + " json_build_object('type','indicator','spec_version','2.1','name',"
                  + " s[1 + g % 12] || 'の通信先 ' || g % 1000,'pattern',"
                  + " case when g % 2 = 0 then '[ipv4-addr:value = ''198.19.' || (g / 256) % 256"
                  + " || '.' || g % 256 || ''']' else '[domain-name:value = ''c2-' || g % 100000"
                  + " || '.example.net'']' end, 'pattern_type','stix')::text,"
                  + " (extract(epoch from t) * 1000000)::bigint,"
                  + " (extract(epoch from t) * 1000000)::bigint, false"
                  + " from generate_series(:from, :to) g"
                  + " join organisation o on o.id = (cast(:ops as bigint[]))[1 + g %"
                  + " cardinality(cast(:ops as bigint[]))]"
                  + " join stix_collection sc on sc.kind = 'sector' and sc.sector_code = o.sector_code"
                  + " join stix_collection pc on pc.kind = 'organisation' and pc.organisation_id = o.id,"
                  + " lateral (select now() - g * interval '1 second' t) tt, (select "
                  + SUBJECTS
                  + " s) w")
          .param("from", from)
          .param("to", Math.min(OBJECTS, from + batch - 1))
          .param("ops", ops)
          .update();
    }
    jdbc.sql(
            "insert into stix_observable (seq, kind, value, rev_domain, ip) select o.seq,"
                + " case when p[1] = 'ipv4-addr' then 'ipv4-addr' else 'domain-name' end, p[2], null,"
                + " case when p[1] = 'ipv4-addr' then cast(p[2] as inet) end from stix_object o,"
                + " regexp_match(o.body, '\\[(ipv4-addr|domain-name):value = ''([^'']+)''') p"
                + " where o.originator_org = any(cast(:ops as bigint[]))")
        .param("ops", ops)
        .update();
  }
}

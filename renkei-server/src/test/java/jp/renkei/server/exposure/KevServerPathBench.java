package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.renkei.engine.exposure.KevEntry;
import jp.renkei.engine.exposure.KevReader;
import jp.renkei.engine.exposure.Knowledge;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, "a new KEV entry re-evaluated against all inventories in under 1 s", on the server path
 * (docs/benchmarks.md): 100,000 services with CPE 2.3 names spread over 1,000 organisations in the
 * embedded PostgreSQL, the real KEV catalogue and a generated set of CVE JSON 5 records imported
 * through {@link KnowledgeService}; then, run after run, a KEV file with ONE entry more (a new CVE
 * of a product some inventories run) imported as the admin upload and the scheduled fetch do it
 * ({@code importKev} then {@link ExposureService#afterImport}), timed until the findings, the
 * owners' {@code exposure_notice} rows and their outbox rows are written. Baseline in the same run,
 * interleaved: the same import followed by the full re-match of every organisation ({@link
 * ExposureService#rematchAllAndNotify}, what a naive import does). Not part of the test run (its
 * name matches neither *Test nor *IT); run it with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=KevServerPathBench -Dbench.kev=../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json
 * </pre>
 *
 * It prints its numbers and asserts nothing about time.
 */
class KevServerPathBench extends ServerTest {

  static final int ORGS = Integer.getInteger("bench.orgs", 1000);
  static final int SERVICES = Integer.getInteger("bench.services", 100_000);
  static final int CVES = Integer.getInteger("bench.cves", 50_000);
  static final int PRODUCTS = Integer.getInteger("bench.products", 12_000);
  static final int RUNS = Integer.getInteger("bench.runs", 5);
  static final int BASELINE_RUNS = Integer.getInteger("bench.baselineRuns", 3);

  /** Whether the first match is measured new, old (the baseline), new again; else new once. */
  static final boolean FIRST_MATCH_PAIRS =
      Boolean.parseBoolean(System.getProperty("bench.firstMatchPairs", "true"));

  static {
    // the outbox sender stays out of the measured writes (it would send tens of thousands of
    // e-mails to GreenMail during the first match)
    System.setProperty(SENDER_POLL_PROPERTY, "1h");
  }

  static final String KEV =
      System.getProperty(
          "bench.kev", "../../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json");

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate batch;
  @Autowired ExposureNotices notices;
  @Autowired TransactionTemplate tx;

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  static String version(Random r) {
    return r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(60);
  }

  /** CVE JSON 5 records, real-shaped (as renkei-bench's ExposureMatchBench), as JSON lines. */
  static byte[] records(Random r) {
    StringBuilder json = new StringBuilder(CVES * 600);
    for (int i = 0; i < CVES; i++) {
      int p = r.nextInt(PRODUCTS);
      String vendor = "vendor" + (p % 2_000);
      String product = "product" + p;
      json.append("{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",")
          .append("\"cveMetadata\":{\"cveId\":\"CVE-2030-")
          .append(100000 + i)
          .append("\",\"state\":\"PUBLISHED\"},\"containers\":{\"cna\":{\"title\":\"Synthetic ")
          .append(i)
          .append("\",\"affected\":[{\"vendor\":\"")
          .append(vendor)
          .append("\",\"product\":\"")
          .append(product)
          .append("\",\"cpes\":[\"cpe:2.3:a:")
          .append(vendor)
          .append(':')
          .append(product)
          .append(":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[");
      int ranges = 1 + r.nextInt(3);
      for (int k = 0; k < ranges; k++) {
        String from = version(r);
        json.append(k > 0 ? "," : "")
            .append("{\"version\":\"")
            .append(from)
            .append("\",\"lessThan\":\"")
            .append(from, 0, from.lastIndexOf('.') + 1)
            .append("99\",\"versionType\":\"custom\",\"status\":\"affected\"}");
      }
      json.append("]}],\"metrics\":[{\"cvssV3_1\":{\"vectorString\":")
          .append("\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}]}}}\n");
    }
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The catalogue with entries added at the top of {@code vulnerabilities}. */
  static byte[] catalogue(String real, List<String> added) {
    int at = real.indexOf('[', real.indexOf("\"vulnerabilities\"")) + 1;
    StringBuilder b = new StringBuilder(real.length() + added.size() * 600);
    b.append(real, 0, at);
    for (String e : added) {
      b.append(e).append(',');
    }
    b.append(real, at, real.length());
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String entry(String cve, KevEntry like) {
    return "{\"cveID\":\""
        + cve
        + "\",\"vendorProject\":\""
        + like.vendorProject().replace("\"", "")
        + "\",\"product\":\""
        + like.product().replace("\"", "")
        + "\",\"vulnerabilityName\":\"Benchmark new entry\",\"dateAdded\":\""
        + LocalDate.now()
        + "\",\"shortDescription\":\"A new entry for the benchmark.\","
        + "\"requiredAction\":\"Apply mitigations per vendor instructions.\",\"dueDate\":\""
        + LocalDate.now().plusDays(21)
        + "\",\"knownRansomwareCampaignUse\":\"Unknown\",\"notes\":\"\",\"cwes\":[]}";
  }

  @Autowired ExposureRepository repository;

  /**
   * One measured import. The phases (import of the file, the knowledge rebuilt from the database,
   * then what afterImport or the full re-match does) are timed apart; the knowledge is rebuilt by
   * the first call that needs it, here explicitly, in the path either way.
   */
  record Timed(
      double ms,
      double importMs,
      double knowledgeMs,
      double matchMs,
      int orgs,
      int notices,
      int outbox,
      int findings) {}

  Timed measure(byte[] file, String cve, boolean baseline) throws Exception {
    long t0 = System.nanoTime();
    KnowledgeService.Summary s = knowledge.importKev(Actor.cli(), new ByteArrayInputStream(file));
    long t1 = System.nanoTime();
    knowledge.snapshot();
    long t2 = System.nanoTime();
    Map<Long, Set<String>> newly =
        baseline ? exposure.rematchAllAndNotify() : exposure.afterImport(s);
    long t3 = System.nanoTime();
    double ms = (t3 - t0) / 1e6;
    int notices =
        jdbc.sql("select count(*) from exposure_notice where cve_id = ?")
            .param(cve)
            .query(Integer.class)
            .single();
    int outbox =
        jdbc.sql(
                "select count(*) from outbox o join exposure_notice n on n.id = o.exposure_notice_id"
                    + " where n.cve_id = ?")
            .param(cve)
            .query(Integer.class)
            .single();
    int findings =
        jdbc.sql("select count(*) from exposure_finding where cve_id = ?")
            .param(cve)
            .query(Integer.class)
            .single();
    // after the measured step, the pre-selection query again alone (same data, warm)
    long t4 = System.nanoTime();
    int selected =
        baseline
            ? repository.organisationsWithServices().size()
            : (int)
                repository.servicesMeeting(knowledge.snapshot().about(s.touched()).keys()).stream()
                    .map(ExposureRepository.AssetRow::organisationId)
                    .distinct()
                    .count();
    long t5 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "BENCH   phases: import %.0f ms, knowledge rebuilt %.0f ms, %s of %d organisations"
            + " with notices %.0f ms (the selection of services by match_keys alone, repeated after:"
            + " %.0f ms)%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        baseline ? "full re-match" : "pre-selection and re-match",
        selected,
        (t3 - t2) / 1e6,
        (t5 - t4) / 1e6);
    return new Timed(
        ms,
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t3 - t2) / 1e6,
        newly.size(),
        notices,
        outbox,
        findings);
  }

  static String stats(List<Double> ms) {
    double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (a.length == 0) {
      return "not run";
    }
    return String.format(
        Locale.ROOT,
        "p50 %.0f ms, max %.0f ms, all %s",
        a[a.length / 2],
        a[a.length - 1],
        Arrays.toString(Arrays.stream(a).mapToLong(Math::round).toArray()));
  }

  /** One first match of every inventory on a hub without findings, its phases and its rows. */
  record FirstMatch(
      double seconds, double matchSeconds, double noticeSeconds, List<String> rows, String news) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.1f s (match and findings written %.1f s, notices and outbox %.1f s); %s",
          seconds,
          matchSeconds,
          noticeSeconds,
          rows);
    }
  }

  /** A hub that never matched: no finding, no notice (their outbox rows go with them). */
  void fresh() {
    jdbc.sql("delete from exposure_notice").update();
    jdbc.sql("delete from exposure_finding").update();
    jdbc.sql("vacuum analyze exposure_finding, exposure_notice, outbox").update();
  }

  /**
   * The first match of every inventory: {@link ExposureService#rematchAllAndNotify} as it is
   * ({@code previous} false), or with the notices written as before this change, one statement
   * after another per notice ({@link #previousNotify}, the baseline).
   */
  FirstMatch firstMatch(boolean previous) {
    long t0 = System.nanoTime();
    Map<Long, Set<String>> news = exposure.rematchAll();
    long t1 = System.nanoTime();
    int written = previous ? tx.execute(x -> previousNotify(news)) : notices.notify(news);
    long t2 = System.nanoTime();
    assertThat(written).isEqualTo(news.values().stream().mapToInt(Set::size).sum());
    return new FirstMatch(
        (t2 - t0) / 1e9,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        jdbc
            .sql(
                "select 'findings ' || count(*) || ' ' || md5(coalesce(string_agg(f.asset_id"
                    + " || ' ' || a.value || ' ' || a.port || ' ' || f.organisation_id || ' '"
                    + " || f.cve_id || ' ' || f.status || ' ' || f.in_kev || ' ' || f.outcome"
                    + " || ' ' || f.outcome_rank || ' ' || coalesce(f.due_date::text, '-') || ' '"
                    + " || f.forensic || ' ' || f.evidence || ' ' || f.reasons || ' '"
                    + " || f.first_seen, E'\\n' order by f.asset_id, f.cve_id), ''))"
                    + " from exposure_finding f join exposure_asset a on a.id = f.asset_id"
                    + " union all select 'notices ' || count(*) || ' ' || md5(coalesce("
                    + "string_agg(organisation_id || ' ' || cve_id || ' ' || findings, ','"
                    + " order by organisation_id, cve_id), '')) from exposure_notice"
                    + " union all select 'outbox ' || count(*) || ' ' || md5(coalesce("
                    + "string_agg(n.organisation_id || ' ' || n.cve_id || ' ' || o.organisation_id"
                    + " || ' ' || o.channel || ' ' || o.target || ' ' || o.purpose || ' '"
                    + " || o.version_no, ',' order by n.organisation_id, n.cve_id, o.channel,"
                    + " o.target), '')) from outbox o join exposure_notice n"
                    + " on n.id = o.exposure_notice_id")
            .query(String.class)
            .list()
            .stream()
            .sorted()
            .toList(),
        new java.util.TreeMap<>(news).toString());
  }

  /**
   * The baseline: ExposureNotices.notify as it was before the bulk write (main at 351e399), two
   * statements per notice (the notice with its finding count, then its outbox rows).
   */
  int previousNotify(Map<Long, Set<String>> newlyExposed) {
    int n = 0;
    for (var e : newlyExposed.entrySet()) {
      long org = e.getKey();
      for (String cve : e.getValue()) {
        var id =
            jdbc.sql(
                    "insert into exposure_notice (organisation_id, cve_id, findings)"
                        + " select ?, ?, count(*) from exposure_finding"
                        + " where organisation_id = ? and cve_id = ?"
                        + " on conflict (organisation_id, cve_id) do nothing returning id")
                .params(org, cve, org, cve)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
          continue;
        }
        n++;
        jdbc.sql(
                "insert into outbox (exposure_notice_id, version_no, organisation_id, channel,"
                    + " target, purpose) select ?, 0, o.id, 'email', o.duty_email, 'delivery'"
                    + " from organisation o where o.id = ? and o.active and o.duty_email is not null"
                    + " union all select ?, 0, o.id, 'webhook', o.webhook_url, 'delivery'"
                    + " from organisation o"
                    + " where o.id = ? and o.active and o.webhook_url is not null"
                    + " on conflict do nothing")
            .params(id.get(), org, id.get(), org)
            .update();
      }
    }
    return n;
  }

  @Test
  void newKevEntryAgainstAllInventories() throws Exception {
    String real = Files.readString(Path.of(KEV));
    List<KevEntry> kev =
        KevReader.read(new ByteArrayInputStream(real.getBytes(StandardCharsets.UTF_8))).entries();
    List<String[]> kevProducts = new ArrayList<>();
    Set<String> seenProducts = new LinkedHashSet<>();
    for (KevEntry k : kev) {
      String v = key(k.vendorProject());
      String p = key(k.product());
      if (!v.isEmpty() && !p.isEmpty() && seenProducts.add(v + ":" + p)) {
        kevProducts.add(new String[] {v, p});
      }
    }
    Random r = new Random(20261130);
    long t0 = System.nanoTime();
    List<String> sectors =
        jdbc.sql("select code from sector order by code").query(String.class).list();
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code, duty_email)"
                + " select 'kev-op-' || g, '資産事業者 ' || g, 'Inventory operator ' || g,"
                + " 'operator', (?::text[])[1 + g % ?], 'duty' || g || '@kev.example'"
                + " from generate_series(1, ?) g")
        .params(sectors.toArray(String[]::new), sectors.size(), ORGS)
        .update();
    List<Long> orgs =
        jdbc.sql("select id from organisation where code like 'kev-op-%' order by code")
            .query(Long.class)
            .list();
    // services: a quarter run products KEV names (its vendors and products as CPE keys), 45 %
    // products the generated CVE records name, 30 % products no record names
    List<Object[]> rows = new ArrayList<>(SERVICES);
    int[] ports = {22, 25, 80, 443, 445, 1433, 3389, 8080, 8443};
    for (int i = 0; i < SERVICES; i++) {
      long org = orgs.get(r.nextInt(orgs.size()));
      int d = r.nextInt(100);
      String vendor;
      String product;
      if (d < 25) {
        String[] vp = kevProducts.get(r.nextInt(kevProducts.size()));
        vendor = vp[0];
        product = vp[1];
      } else {
        int p = d < 70 ? r.nextInt(PRODUCTS) : PRODUCTS + r.nextInt(PRODUCTS);
        vendor = "vendor" + (p % 2_000);
        product = "product" + p;
      }
      String v = version(r);
      rows.add(
          new Object[] {
            org,
            "h" + i + ".example.jp",
            ports[r.nextInt(ports.length)],
            product,
            v,
            "cpe:2.3:a:" + vendor + ":" + product + ":" + v + ":*:*:*:*:*:*:*",
            new String[] {"low", "medium", "high"}[r.nextInt(3)],
            r.nextInt(4) != 0
          });
    }
    batch.batchUpdate(
        "insert into exposure_asset (organisation_id, kind, value, port, protocol, product,"
            + " version, cpe, criticality, public_facing, source, match_keys)"
            + " values (?, 'service', ?, ?, 'tcp', ?, ?, ?, ?, ?, 'csv', ?)",
        rows,
        2000,
        (ps, a) -> {
          ps.setLong(1, (Long) a[0]);
          ps.setString(2, (String) a[1]);
          ps.setInt(3, (Integer) a[2]);
          ps.setString(4, (String) a[3]);
          ps.setString(5, (String) a[4]);
          ps.setString(6, (String) a[5]);
          ps.setString(7, (String) a[6]);
          ps.setBoolean(8, (Boolean) a[7]);
          // the lookup keys, as ExposureRepository.replaceInventory stores them
          ps.setArray(
              9,
              ps.getConnection()
                  .createArrayOf(
                      "text", Knowledge.lookupKeys((String) a[5], null, (String) a[4]).toArray()));
        });
    double seeded = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    knowledge.importKev(Actor.cli(), new ByteArrayInputStream(catalogue(real, List.of())));
    long tk = System.nanoTime();
    byte[] generated = records(r);
    long tg = System.nanoTime();
    KnowledgeService.Summary cves =
        knowledge.importCve(Actor.cli(), new ByteArrayInputStream(generated));
    generated = null;
    double imported = (System.nanoTime() - tg + tk - t1) / 1e9;
    double cveImported = (System.nanoTime() - tg) / 1e9;
    jdbc.sql("analyze").update();
    long tb = System.nanoTime();
    knowledge.snapshot();
    double built = (System.nanoTime() - tb) / 1e9;
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapKnowledge = memory.getHeapMemoryUsage().getUsed();
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    fresh(); // the demo inventories matched at start-up too: every side starts unmatched
    FirstMatch first = firstMatch(false);
    double initial = first.seconds();
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    int assets =
        jdbc.sql("select count(*) from exposure_asset where kind = 'service'")
            .query(Integer.class)
            .single();
    int findings = jdbc.sql("select count(*) from exposure_finding").query(Integer.class).single();
    System.out.println("BENCH first match, new (cold JVM): " + first);
    if (FIRST_MATCH_PAIRS) {
      fresh();
      FirstMatch previous = firstMatch(true);
      System.out.println("BENCH first match, previous (baseline): " + previous);
      fresh();
      FirstMatch again = firstMatch(false);
      System.out.println("BENCH first match, new again: " + again);
      // the same rows and the same news on either path
      assertThat(previous.rows()).isEqualTo(first.rows()).isEqualTo(again.rows());
      assertThat(previous.news()).isEqualTo(first.news()).isEqualTo(again.news());
      System.out.printf(
          Locale.ROOT,
          "BENCH first match, previous / new: %.1fx (cold), %.1fx (again)%n",
          previous.seconds() / first.seconds(),
          previous.seconds() / again.seconds());
    }
    System.out.printf(
        Locale.ROOT,
        "BENCH seeded %d services over %d organisations (%.1f s); KEV %d entries and %d CVE"
            + " records imported (%.1f s, of which the CVE records %.1f s); knowledge built from"
            + " the database %.1f s; initial match of every inventory: %.1f s, %d findings;"
            + " heap in use after a GC with the knowledge built %d MiB, heap pools' peak during"
            + " the match (summed, an upper bound) %d MiB, max heap %d MiB%n",
        assets,
        orgs.size(),
        seeded,
        kev.size(),
        cves.kept(),
        imported,
        cveImported,
        built,
        initial,
        findings,
        heapKnowledge >> 20,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);

    List<String> added = new ArrayList<>();
    List<Double> incremental = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    List<Double> rebuilt = new ArrayList<>();
    List<Double> matchOnly = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < Math.max(RUNS, BASELINE_RUNS); i++) {
      for (boolean baseline : new boolean[] {false, true}) {
        if (baseline ? i >= BASELINE_RUNS : i >= RUNS) {
          continue;
        }
        String cve = "CVE-2031-" + (10_000 + n);
        KevEntry like = kev.get((n * 97 + 13) % kev.size());
        n++;
        added.add(0, entry(cve, like));
        Timed t = measure(catalogue(real, added), cve, baseline);
        (baseline ? full : incremental).add(t.ms());
        if (!baseline) {
          rebuilt.add(t.knowledgeMs());
          matchOnly.add(t.matchMs());
        }
        System.out.printf(
            Locale.ROOT,
            "BENCH %s %s (%s / %s): %.0f ms; %d organisations newly exposed, %d findings,"
                + " %d notices, %d outbox rows%n",
            baseline ? "full re-match" : "incremental",
            cve,
            like.vendorProject(),
            like.product(),
            t.ms(),
            t.orgs(),
            t.findings(),
            t.notices(),
            t.outbox());
        assertThat(t.notices()).isEqualTo(t.orgs());
      }
    }
    System.out.println("BENCH incremental (afterImport): " + stats(incremental));
    System.out.println("BENCH incremental, knowledge rebuilt: " + stats(rebuilt));
    System.out.println(
        "BENCH incremental, pre-selection + re-match + notices: " + stats(matchOnly));
    System.out.println("BENCH baseline full re-match (rematchAllAndNotify): " + stats(full));
  }
}

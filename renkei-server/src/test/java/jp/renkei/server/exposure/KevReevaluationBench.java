package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, step 5 (not part of {@code ./mvnw verify}: its name matches neither Test nor IT): a new
 * KEV entry re-evaluated against 100,000 assets in PostgreSQL and the owners notified, through the
 * server's import path ({@code KnowledgeService.importKev} + {@code ExposureService.afterImport}),
 * against the baseline of the same import re-matching every inventory (what every import did before
 * the targeted re-evaluation). Run: {@code ./mvnw -q -o -pl renkei-server -am verify
 * -Dit.test=KevReevaluationBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class KevReevaluationBench extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired JdbcClient jdbc;

  static final int ORGS = 100;
  static final int ASSETS_PER_ORG = 1_000;

  @Test
  void newKevEntryAgainst100000Assets() throws Exception {
    Path kev =
        Path.of("../../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json")
            .toAbsolutePath()
            .normalize();
    try (InputStream in = Files.newInputStream(kev)) {
      knowledge.importKev(Actor.cli(), in);
    }
    // products of the real catalogue as CPEs (vendor and product of each KEV entry), versions random
    List<String[]> products =
        jdbc.sql("select distinct vendor_project, product from vuln_kev order by 1, 2")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    Random random = new Random(16);
    List<Organisation> orgs = new ArrayList<>();
    String benchProduct = "benchgw" + System.nanoTime();
    for (int o = 0; o < ORGS; o++) {
      Organisation org = fixtures.operator(o % 2 == 0 ? "water" : "gas");
      orgs.add(org);
      StringBuilder csv = new StringBuilder("kind,value,port,protocol,cpe,criticality\n");
      for (int a = 0; a < ASSETS_PER_ORG; a++) {
        String[] p = products.get(random.nextInt(products.size()));
        String vendor = cpePart(p[0]);
        String product = cpePart(p[1]);
        // one asset in a thousand runs the product the new KEV entry will name (10 % of orgs)
        if (a == 0 && o % 10 == 0) {
          vendor = "benchvendor";
          product = benchProduct;
        }
        csv.append("service,h")
            .append(a)
            .append('.')
            .append(org.code())
            .append(".example,443,tcp,cpe:2.3:a:")
            .append(vendor)
            .append(':')
            .append(product)
            .append(':')
            .append(random.nextInt(10))
            .append('.')
            .append(random.nextInt(10))
            .append(":*:*:*:*:*:*:*,high\n");
      }
      ExposureService.ImportResult r =
          exposure.importInventory(
              fixtures.actor(fixtures.user(org, Role.ANALYST)),
              "csv",
              "bench.csv",
              new ByteArrayInputStream(csv.toString().getBytes(UTF_8)));
      assertThat(r.ok()).as(r.problems().toString()).isTrue();
    }
    int assets =
        jdbc.sql("select count(*) from exposure_asset").query(Integer.class).single();
    long[] targeted = new long[5];
    long[] full = new long[5];
    int notified = 0;
    for (int i = 0; i < 5; i++) {
      // the same kind of new entry, once re-evaluated as the server does, once re-matching all
      long t0 = System.nanoTime();
      Map<Long, Set<String>> n1 = exposure.afterImport(importEntry(benchProduct, "CVE-2096-1" + i));
      targeted[i] = System.nanoTime() - t0;
      notified = n1.size();
      long t1 = System.nanoTime();
      KnowledgeService.Summary s = importEntry(benchProduct, "CVE-2096-2" + i);
      exposure.afterImport(
          new KnowledgeService.Summary(s.source(), s.version(), s.kept(), s.refused(), s.added(), null));
      full[i] = System.nanoTime() - t1;
    }
    Arrays.sort(targeted);
    Arrays.sort(full);
    System.out.printf(
        "BENCH assets=%d orgs=%d notified-per-entry=%d targeted-ms=%s full-ms=%s median-ratio=%.1f%n",
        assets,
        ORGS,
        notified,
        Arrays.toString(Arrays.stream(targeted).map(x -> x / 1_000_000).toArray()),
        Arrays.toString(Arrays.stream(full).map(x -> x / 1_000_000).toArray()),
        (double) full[2] / targeted[2]);
    assertThat(notified).isEqualTo(ORGS / 10);
  }

  KnowledgeService.Summary importEntry(String product, String cve) {
    String json =
        "{\"catalogVersion\":\"bench\",\"vulnerabilities\":[{\"cveID\":\""
            + cve
            + "\",\"vendorProject\":\"benchvendor\",\"product\":\""
            + product
            + "\",\"vulnerabilityName\":\"Bench flaw\",\"dateAdded\":\"2026-11-30\"}]}";
    return knowledge.importKev(Actor.cli(), new ByteArrayInputStream(json.getBytes(UTF_8)));
  }

  static String cpePart(String s) {
    String n = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    n = n.replaceAll("^_+|_+$", "");
    return n.isEmpty() ? "x" : n;
  }
}

package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: a KEV import matches only its new or changed entries ({@link
 * ExposureService#afterImport}, {@link FindingMatcher#matchEntries}), and must write exactly what
 * matching every inventory again would. Two pairs of twin organisations with the same inventories:
 * after the same KEV import, one of each pair is matched again whole (the baseline), the other
 * incrementally; their findings and their news must be equal — with a broadly named entry (every
 * service of the product, possible), an entry whose product changed (a finding goes away, another
 * appears), a purl match, and a CVE an organisation already had as a non-KEV finding (becoming
 * known exploited is news: a notice).
 */
class ExposureIncrementalIT extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired FindingMatcher matcher;
  @Autowired ExposureRepository repository;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  static String cve() {
    return "CVE-2096-" + (100000 + (int) (Math.random() * 800000));
  }

  static String record(String cve, String vendor, String product, String affected) {
    return "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\""
        + cve
        + "\",\"state\":\"PUBLISHED\"},\"containers\":{\"cna\":{\"affected\":["
        + "{\"vendor\":\""
        + vendor
        + "\",\"product\":\""
        + product
        + "\","
        + affected
        + "}],\"metrics\":[{\"cvssV3_1\":{\"vectorString\":"
        + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}]}}}\n";
  }

  static String kevEntry(String cve, String vendor, String product) {
    return "{\"cveID\":\""
        + cve
        + "\",\"vendorProject\":\""
        + vendor
        + "\",\"product\":\""
        + product
        + "\",\"vulnerabilityName\":\"Incremental test flaw\",\"dateAdded\":\"2026-11-20\","
        + "\"dueDate\":\"2026-12-11\",\"requiredAction\":\"Apply the vendor's update.\"}";
  }

  static String kev(String... entries) {
    return "{\"catalogVersion\":\"incremental-test\",\"vulnerabilities\":["
        + String.join(",", entries)
        + "]}";
  }

  void inventory(Organisation org, String csv) {
    UserAccount u = fixtures.user(org, Role.ANALYST);
    ExposureService.ImportResult r =
        exposure.importInventory(
            fixtures.actor(u), "csv", "x.csv", new ByteArrayInputStream(csv.getBytes(UTF_8)));
    assertThat(r.ok()).as(r.problems().toString()).isTrue();
  }

  /** An organisation's findings without ids: what a re-match writes, comparable across twins. */
  List<String> findings(Organisation org) {
    return jdbc.sql(
            "select a.value || ' ' || a.port || ' ' || f.cve_id || ' ' || f.status || ' '"
                + " || f.in_kev || ' ' || f.outcome || ' ' || coalesce(f.due_date::text, '-')"
                + " || ' ' || f.forensic || ' ' || f.evidence || ' ' || f.reasons || ' '"
                + " || f.first_seen from exposure_finding f join exposure_asset a"
                + " on a.id = f.asset_id where f.organisation_id = ? order by 1")
        .param(org.id())
        .query(String.class)
        .list();
  }

  long findingId(Organisation org, String cve) {
    return jdbc.sql("select id from exposure_finding where organisation_id = ? and cve_id = ?")
        .params(org.id(), cve)
        .query(Long.class)
        .single();
  }

  @Test
  void anIncrementalKevImportWritesWhatAFullRematchWould() {
    String u = Fixtures.unique("i").replaceAll("[^a-z0-9]", "");
    String vendor = "renkeiinc" + u;
    String x = cve(); // a CVE record found before, added to KEV now
    String other = cve(); // a CVE record never in KEV: its finding must stay as it is
    String pkg = cve(); // a CVE record of a maven package, added to KEV now
    String broad = cve(); // a KEV entry without record, named broadly: every service, possible
    String moved = cve(); // a KEV entry whose product changes
    String records =
        record(
                x,
                vendor,
                "Portal " + u,
                "\"cpes\":[\"cpe:2.3:a:"
                    + vendor
                    + ":portal"
                    + u
                    + ":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":"
                    + "\"1.0\",\"lessThan\":\"3.0\",\"versionType\":\"custom\",\"status\":\"affected\"}]")
            + record(
                other,
                vendor,
                "Portal " + u,
                "\"cpes\":[\"cpe:2.3:a:"
                    + vendor
                    + ":portal"
                    + u
                    + ":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"affected\"")
            + record(
                pkg,
                "renkei",
                "lib" + u,
                "\"collectionURL\":\"https://repo.maven.apache.org/maven2\",\"packageName\":"
                    + "\"jp.renkei.test:lib"
                    + u
                    + "\",\"defaultStatus\":\"unaffected\",\"versions\":[{\"version\":\"0\","
                    + "\"lessThanOrEqual\":\"4.2.0\",\"versionType\":\"semver\",\"status\":"
                    + "\"affected\"}]");
    knowledge.importCve(Actor.cli(), new ByteArrayInputStream(records.getBytes(UTF_8)));
    String v1 = kev(kevEntry(moved, vendor, "Old Gateway " + u));
    knowledge.importKev(Actor.cli(), new ByteArrayInputStream(v1.getBytes(UTF_8)));

    // twins: a1/b1 and a2/b2 have the same inventories
    String first =
        "kind,value,port,protocol,cpe,purl,criticality\n"
            + "service,portal.example,443,tcp,cpe:2.3:a:"
            + vendor
            + ":portal"
            + u
            + ":2.1:*:*:*:*:*:*:*,,high\n"
            + "service,edge1.example,443,tcp,cpe:2.3:o:"
            + vendor
            + ":edge_os_"
            + u
            + ":7.0:*:*:*:*:*:*:*,,medium\n"
            + "service,edge2.example,22,tcp,cpe:2.3:o:"
            + vendor
            + ":edge_os_"
            + u
            + ":9.1:*:*:*:*:*:*:*,,low\n"
            + "service,newgw.example,443,tcp,cpe:2.3:a:"
            + vendor
            + ":new_gateway_"
            + u
            + ":1.0:*:*:*:*:*:*:*,,high\n"
            + "service,app.example,8080,tcp,,pkg:maven/jp.renkei.test/lib"
            + u
            + "@5.0.0,medium\n";
    String second =
        "kind,value,port,protocol,cpe,purl,criticality\n"
            + "service,oldgw.example,443,tcp,cpe:2.3:a:"
            + vendor
            + ":old_gateway_"
            + u
            + ":1.0:*:*:*:*:*:*:*,,high\n"
            + "service,portal.example,443,tcp,cpe:2.3:a:"
            + vendor
            + ":portal"
            + u
            + ":3.5:*:*:*:*:*:*:*,,high\n"
            + "service,edge.example,443,tcp,cpe:2.3:o:"
            + vendor
            + ":edge_os_"
            + u
            + ":8.0:*:*:*:*:*:*:*,,high\n"
            + "service,app.example,8080,tcp,,pkg:maven/jp.renkei.test/lib"
            + u
            + "@4.1.0,high\n";
    Organisation a1 = fixtures.operator("water");
    Organisation b1 = fixtures.operator("water");
    Organisation a2 = fixtures.operator("finance");
    Organisation b2 = fixtures.operator("finance");
    inventory(a1, first);
    inventory(b1, first);
    inventory(a2, second);
    inventory(b2, second);
    assertThat(findings(a1)).isEqualTo(findings(b1));
    assertThat(findings(a1))
        .anyMatch(f -> f.contains(x) && f.contains(" affected false "))
        .anyMatch(f -> f.contains(other))
        .noneMatch(f -> f.contains(moved));
    assertThat(findings(a2)).anyMatch(f -> f.contains(moved) && f.contains(" true "));
    long untouched = findingId(a1, other);

    // KEV now: x (found before as not exploited), pkg, a broad entry, moved to another product
    String v2 =
        kev(
            kevEntry(moved, vendor, "New Gateway " + u),
            kevEntry(x, vendor, "Portal " + u),
            kevEntry(pkg, "Renkei", "lib" + u),
            kevEntry(broad, vendor, "Edge OS " + u));
    KnowledgeService.Summary s =
        knowledge.importKev(Actor.cli(), new ByteArrayInputStream(v2.getBytes(UTF_8)));
    assertThat(s.touched()).containsExactlyInAnyOrder(moved, x, pkg, broad);

    // baseline: b1 and b2 matched again whole, as before incremental matching existed
    Map<Long, Set<String>> full =
        Map.of(
            b1.id(), tx.execute(t -> matcher.rematch(b1.id(), repository.firstSeen(b1.id()))),
            b2.id(), tx.execute(t -> matcher.rematch(b2.id(), repository.firstSeen(b2.id()))));
    // incremental, as the upload and the scheduled fetch do: a1 and a2 get their news; b1 and b2,
    // already matched, none
    Map<Long, Set<String>> newly = exposure.afterImport(s);
    assertThat(newly).containsOnlyKeys(a1.id(), a2.id());
    assertThat(newly.get(a1.id()))
        .isEqualTo(full.get(b1.id()))
        .containsExactlyInAnyOrder(x, broad, moved);
    assertThat(newly.get(a2.id()))
        .isEqualTo(full.get(b2.id()))
        .containsExactlyInAnyOrder(broad, pkg);
    assertThat(findings(a1)).isEqualTo(findings(b1));
    assertThat(findings(a2)).isEqualTo(findings(b2));
    assertThat(findings(a1))
        .anyMatch(f -> f.contains(x) && f.contains(" affected true "))
        .anyMatch(f -> f.startsWith("edge1.example") && f.contains(broad))
        .anyMatch(f -> f.startsWith("edge2.example") && f.contains(broad))
        .anyMatch(f -> f.startsWith("newgw.example") && f.contains(moved))
        .noneMatch(f -> f.contains(pkg)); // 5.0 is past the range
    assertThat(findings(a2))
        .noneMatch(f -> f.contains(moved))
        .noneMatch(f -> f.contains(x)) // 3.5 is past the range
        .anyMatch(f -> f.contains(pkg) && f.contains(" affected true "));
    // a finding on a CVE the import did not touch is left as it was (same row)
    assertThat(findingId(a1, other)).isEqualTo(untouched);
    // the owners are told, once per organisation and CVE; the baseline twins were not notified
    assertThat(
            jdbc.sql(
                    "select organisation_id || ' ' || cve_id from exposure_notice"
                        + " where cve_id = any(?) order by 1")
                .param(new String[] {x, pkg, broad, moved})
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(
            a1.id() + " " + x,
            a1.id() + " " + broad,
            a1.id() + " " + moved,
            a2.id() + " " + broad,
            a2.id() + " " + pkg);

    // the same catalogue again: nothing touched, nothing new, nothing changed
    KnowledgeService.Summary again =
        knowledge.importKev(Actor.cli(), new ByteArrayInputStream(v2.getBytes(UTF_8)));
    assertThat(again.touched()).isEmpty();
    assertThat(exposure.afterImport(again)).isEmpty();
    assertThat(findings(a1)).isEqualTo(findings(b1));
  }
}
